package io.stackbench.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.net.LinkProfile;
import io.stackbench.stack.tcp.TransferEndpoint.WritePattern;
import java.net.InetAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Bytes written in SYN-SENT wait for the handshake and then arrive whole. The ACK of the SYN
 * covers one sequence number that is no byte of the send buffer, so it must not discard the first
 * byte written (found by {@link TcpTransferPropertyTest}: b received 62,580 of 62,581 bytes).
 */
class WriteBeforeEstablishedTest {

    @Test
    void synAckKeepsFirstWrittenByte() {
        for (InetAddress target : new InetAddress[] {TcpPair.B_IPV4, TcpPair.B_IPV6}) {
            TcpPair pair = new TcpPair(1, LinkProfile.DEFAULT);
            byte[] data = TransferEndpoint.randomBytes(3_000, 7);
            TransferEndpoint client = new TransferEndpoint("a", pair.simulator, data, WritePattern.ONE_WRITE_BEFORE_ESTABLISHED, false, 1);
            TransferEndpoint server = new TransferEndpoint("b", pair.simulator, new byte[0], WritePattern.ONE_WRITE, true, 2);
            pair.b.tcpListen(80, server);
            pair.simulator.runUntil(SimTime.seconds(3));

            client.connection = pair.a.tcpConnect(target, 80, client);
            client.startWriting();
            pair.simulator.runUntil(SimTime.seconds(4));

            byte[] received = server.received.toByteArray();
            assertThat(received.length).as("bytes b received over %s", target).isEqualTo(data.length);
            assertThat(Arrays.mismatch(received, data)).as("first differing offset over %s", target).isEqualTo(-1);
        }
    }
}
