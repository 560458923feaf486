package io.stackbench.stack.tcp;

import static io.stackbench.stack.StackFixture.OUR_ADDRESS;
import static io.stackbench.stack.StackFixture.OUR_MAC;
import static io.stackbench.stack.StackFixture.PEER_ADDRESS;
import static io.stackbench.stack.StackFixture.PEER_MAC;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.spi.TcpConnection;
import io.stackbench.sim.spi.TcpHandler;
import io.stackbench.stack.Frames;
import io.stackbench.stack.SentFrame;
import io.stackbench.stack.StackFixture;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.MalformedPacketException;
import io.stackbench.stack.wire.TcpFlags;
import io.stackbench.stack.wire.TcpPacket;
import io.stackbench.stack.wire.TcpRepr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pure ACK whose sequence number is the right edge of our receive window, RCV.NXT + RCV.WND, is
 * what a peer sends once its data fills our whole window. Replying to it with an ACK, as the strict
 * RFC 9293 test requires, started an endless exchange of ACKs when both sides had a full window in
 * flight (found by {@link TcpTransferPropertyTest}, where link duplication then multiplied it).
 */
class AckAtWindowEdgeTest {

    private static final int PEER_PORT = 40_000;
    private static final long PEER_ISS = 1_000;

    /** Keeps the connection the listener accepted. */
    private static final class Accepting implements TcpHandler {
        TcpConnection connection;

        @Override
        public void onEstablished(TcpConnection established) {
            connection = established;
        }

        @Override
        public void onData(TcpConnection from, byte[] data) {
        }
    }

    @Test
    void establishedAckAtRightEdgeGetsNoReply() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        Accepting handler = new Accepting();
        fixture.stack().tcpListen(80, handler);
        receive(fixture, PEER_ISS, 0, TcpFlags.SYN);
        long iss = sent(fixture).get(0).sequenceNumber();
        receive(fixture, PEER_ISS + 1, iss + 1, TcpFlags.ACK);
        assertThat(handler.connection.state()).isEqualTo("ESTABLISHED");
        sent(fixture);

        long rightEdge = PEER_ISS + 1 + SynOptions.MAX_UNSCALED_WINDOW;
        receive(fixture, rightEdge, iss + 1, TcpFlags.ACK);

        assertThat(sent(fixture)).as("segments sent in reply to an ACK at the right window edge").isEmpty();
        assertThat(fixture.counter("drop.tcp.unacceptable-segment")).isZero();
    }

    @Test
    void establishedAckBeyondRightEdgeStillGetsAck() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        fixture.stack().tcpListen(80, new Accepting());
        receive(fixture, PEER_ISS, 0, TcpFlags.SYN);
        long iss = sent(fixture).get(0).sequenceNumber();
        receive(fixture, PEER_ISS + 1, iss + 1, TcpFlags.ACK);
        sent(fixture);

        long beyond = PEER_ISS + 2 + SynOptions.MAX_UNSCALED_WINDOW;
        receive(fixture, beyond, iss + 1, TcpFlags.ACK);

        List<TcpRepr> replies = sent(fixture);
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).flags()).isEqualTo(TcpFlags.ACK);
        assertThat(replies.get(0).acknowledgmentNumber()).isEqualTo(PEER_ISS + 1);
        assertThat(fixture.counter("drop.tcp.unacceptable-segment")).isEqualTo(1);
    }

    private static void receive(StackFixture fixture, long seq, long ack, TcpFlags flags) {
        TcpRepr segment = new TcpRepr(PEER_PORT, 80, seq, ack, flags, 65_535, 0, List.of(), new byte[0]);
        byte[] bytes = new byte[segment.bufferLength()];
        segment.emit(new TcpPacket(bytes), PEER_ADDRESS, OUR_ADDRESS);
        fixture.receive(Frames.ethernet(OUR_MAC, PEER_MAC, EtherType.IPV4, Frames.ipv4(PEER_ADDRESS, OUR_ADDRESS, IpProtocol.TCP, bytes)));
    }

    private static List<TcpRepr> sent(StackFixture fixture) {
        List<TcpRepr> segments = new ArrayList<>();
        for (SentFrame frame : fixture.takeSent()) {
            if (frame.isIpv4() && frame.ipv4().protocol().equals(IpProtocol.TCP)) {
                try {
                    segments.add(TcpRepr.parse(new TcpPacket(frame.ipv4Payload()), OUR_ADDRESS, PEER_ADDRESS));
                } catch (MalformedPacketException e) {
                    throw new AssertionError("the stack sent an invalid TCP segment: " + e.getMessage(), e);
                }
            }
        }
        return segments;
    }
}
