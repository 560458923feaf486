package io.stackbench.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.net.LinkProfile;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.Frames;
import io.stackbench.stack.tcp.TransferEndpoint.WritePattern;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv4Address;
import io.stackbench.stack.wire.TcpFlags;
import io.stackbench.stack.wire.TcpPacket;
import io.stackbench.stack.wire.TcpRepr;
import java.net.Inet4Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A spoofed in-window data segment makes b acknowledge bytes that a never sent. a then replies to
 * each of b's ACKs as an ACK of unsent data, and b finds each of a's ACKs below RCV.NXT, so each
 * reply caused the next one: {@link TcpInputFuzzTest} ran out of its 50 million events. ACKs sent
 * in reply to invalid segments are now limited to one per 500 ms per connection, challenge ACKs to
 * 10 per second, and, since both stacks use timestamps, a spoofed segment without them is dropped
 * silently (RFC 7323 §3.2). Any of the three ends the exchange.
 */
class AckStormTest {

    @Test
    void spoofedDataCausesNoAckStorm() {
        TcpPair pair = new TcpPair(1, LinkProfile.DEFAULT);
        pair.simulator.setEventBudget(1_000_000);
        TransferEndpoint server = new TransferEndpoint("b", pair.simulator, new byte[0], WritePattern.ONE_WRITE, true, 2);
        pair.b.tcpListen(80, server);
        pair.simulator.runUntil(SimTime.seconds(3));
        TransferEndpoint client = new TransferEndpoint("a", pair.simulator, new byte[0], WritePattern.ONE_WRITE, true, 1);
        client.connection = pair.a.tcpConnect(TcpPair.B_IPV4, 80, client);
        pair.simulator.runUntil(SimTime.seconds(4));
        StackSnapshot.TcpSocket atB = pair.b.snapshot().tcpConnections().get(1);

        pair.b.receive(0, spoofedData(client.connection.localPort(), atB.rcvNxt(), atB.sndNxt()));
        long framesBefore = pair.segment.framesOnWire();
        pair.simulator.runUntil(SimTime.seconds(14));

        assertThat(pair.segment.framesOnWire() - framesBefore).as("frames in the 10 s after the spoofed segment").isLessThan(10);
        long guarded = 0;
        for (String counter : List.of("drop.tcp.missing-timestamp", "tcp.invalid-segment-acks-suppressed", "tcp.challenge-acks-throttled")) {
            guarded += pair.a.snapshot().counter(counter) + pair.b.snapshot().counter(counter);
        }
        assertThat(guarded).as("segments dropped for lack of timestamps or ACKs held back by a limit").isPositive();
    }

    /** Returns 5 bytes of data from a's address and port at b's RCV.NXT, as an attacker in the path could send them. */
    private static byte[] spoofedData(int sourcePort, long sequence, long acknowledgment) {
        Ipv4Address source = Ipv4Address.of((Inet4Address) TcpPair.A_IPV4);
        Ipv4Address destination = Ipv4Address.of((Inet4Address) TcpPair.B_IPV4);
        TcpRepr segment = new TcpRepr(sourcePort, 80, sequence, acknowledgment, TcpFlags.of(TcpFlags.ACK, TcpFlags.PSH), 65_535, 0,
                List.of(), new byte[] {'h', 'e', 'l', 'l', 'o'});
        byte[] bytes = new byte[segment.bufferLength()];
        segment.emit(new TcpPacket(bytes), source, destination);
        return Frames.ethernet(TcpPair.B_MAC, TcpPair.A_MAC, EtherType.IPV4, Frames.ipv4(source, destination, IpProtocol.TCP, bytes));
    }
}
