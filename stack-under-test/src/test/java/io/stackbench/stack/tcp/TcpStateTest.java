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
import io.stackbench.stack.wire.TcpOption;
import io.stackbench.stack.wire.TcpPacket;
import io.stackbench.stack.wire.TcpRepr;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TCP over IPv4 driven segment by segment from a peer at 192.0.2.1, grouped by the state under test. Test names start with that state. */
class TcpStateTest {

    private static final long SECOND = 1_000_000_000L;
    private static final int PEER_PORT = 40_000;
    private static final long PEER_ISS = 1_000;

    /** A handler that records what the stack reports. */
    static final class RecordingHandler implements TcpHandler {
        final List<TcpConnection> established = new ArrayList<>();
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        final List<String> closed = new ArrayList<>();

        @Override
        public void onEstablished(TcpConnection connection) {
            established.add(connection);
        }

        @Override
        public void onData(TcpConnection connection, byte[] bytes) {
            data.writeBytes(bytes);
        }

        @Override
        public void onClosed(TcpConnection connection, String reason) {
            closed.add(reason);
        }
    }

    /** Starts an IPv4 stack that already knows the peer's MAC, so segments leave without an ARP exchange. */
    private static StackFixture stack() {
        StackFixture fixture = StackFixture.started();
        fixture.receive(Frames.arpFrame(OUR_MAC, Frames.arpRequest(PEER_MAC, PEER_ADDRESS, OUR_ADDRESS)));
        fixture.takeSent();
        return fixture;
    }

    private static void receive(StackFixture fixture, int destinationPort, long seq, long ack, TcpFlags flags, byte[] data) {
        TcpRepr segment = new TcpRepr(PEER_PORT, destinationPort, seq, ack, flags, 65_535, 0, List.of(), data);
        byte[] bytes = new byte[segment.bufferLength()];
        segment.emit(new TcpPacket(bytes), PEER_ADDRESS, OUR_ADDRESS);
        fixture.receive(Frames.ethernet(OUR_MAC, PEER_MAC, EtherType.IPV4, Frames.ipv4(PEER_ADDRESS, OUR_ADDRESS, IpProtocol.TCP, bytes)));
    }

    private static List<TcpRepr> sentSegments(StackFixture fixture) {
        List<TcpRepr> segments = new ArrayList<>();
        for (SentFrame frame : fixture.takeSent()) {
            if (frame.isIpv4() && frame.ipv4().protocol().equals(IpProtocol.TCP)) {
                byte[] payload = frame.ipv4Payload();
                try {
                    segments.add(TcpRepr.parse(new TcpPacket(payload), OUR_ADDRESS, PEER_ADDRESS));
                } catch (MalformedPacketException e) {
                    throw new AssertionError("the stack sent an invalid TCP segment: " + e.getMessage(), e);
                }
            }
        }
        return segments;
    }

    /** Listens on port 80 and completes a handshake from the peer; returns our ISS. */
    private static long establishPassive(StackFixture fixture, RecordingHandler handler) {
        fixture.stack().tcpListen(80, handler);
        receive(fixture, 80, PEER_ISS, 0, TcpFlags.SYN, new byte[0]);
        TcpRepr synAck = sentSegments(fixture).get(0);
        receive(fixture, 80, PEER_ISS + 1, synAck.sequenceNumber() + 1, TcpFlags.ACK, new byte[0]);
        return synAck.sequenceNumber();
    }

    // ---- Closed ----

    @Test
    void closedSynGetsResetWithAck() {
        StackFixture fixture = stack();

        receive(fixture, 81, PEER_ISS, 0, TcpFlags.SYN, new byte[0]);

        List<TcpRepr> sent = sentSegments(fixture);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).flags()).isEqualTo(TcpFlags.of(TcpFlags.RST, TcpFlags.ACK));
        assertThat(sent.get(0).sequenceNumber()).isZero();
        assertThat(sent.get(0).acknowledgmentNumber()).isEqualTo(PEER_ISS + 1);
    }

    @Test
    void closedAckGetsResetAtItsAckNumber() {
        StackFixture fixture = stack();

        receive(fixture, 81, PEER_ISS, 5_000, TcpFlags.ACK, new byte[0]);

        List<TcpRepr> sent = sentSegments(fixture);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).flags()).isEqualTo(TcpFlags.RST);
        assertThat(sent.get(0).sequenceNumber()).isEqualTo(5_000);
    }

    @Test
    void closedResetGetsNoAnswer() {
        StackFixture fixture = stack();

        receive(fixture, 81, PEER_ISS, 0, TcpFlags.RST, new byte[0]);

        assertThat(sentSegments(fixture)).isEmpty();
    }

    @Test
    void closedBadChecksumIsSilentCountedDrop() {
        StackFixture fixture = stack();
        TcpRepr segment = new TcpRepr(PEER_PORT, 81, PEER_ISS, 0, TcpFlags.SYN, 65_535, 0, List.of(), new byte[0]);
        byte[] bytes = new byte[segment.bufferLength()];
        segment.emit(new TcpPacket(bytes), PEER_ADDRESS, OUR_ADDRESS);
        bytes[16] ^= 0x01;

        fixture.receive(Frames.ethernet(OUR_MAC, PEER_MAC, EtherType.IPV4, Frames.ipv4(PEER_ADDRESS, OUR_ADDRESS, IpProtocol.TCP, bytes)));

        assertThat(sentSegments(fixture)).isEmpty();
        assertThat(fixture.counter("drop.tcp.bad-checksum")).isEqualTo(1);
    }

    // ---- Listen ----

    @Test
    void listenSynGetsSynAckWithMss() {
        StackFixture fixture = stack();
        fixture.stack().tcpListen(80, new RecordingHandler());

        receive(fixture, 80, PEER_ISS, 0, TcpFlags.SYN, new byte[0]);

        List<TcpRepr> sent = sentSegments(fixture);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).flags()).isEqualTo(TcpFlags.of(TcpFlags.SYN, TcpFlags.ACK));
        assertThat(sent.get(0).acknowledgmentNumber()).isEqualTo(PEER_ISS + 1);
        assertThat(sent.get(0).options()).contains(new TcpOption.MaximumSegmentSize(StackFixture.MTU - 40));
    }

    @Test
    void listenAckCompletesHandshake() {
        StackFixture fixture = stack();
        RecordingHandler handler = new RecordingHandler();

        establishPassive(fixture, handler);

        assertThat(handler.established).hasSize(1);
        assertThat(handler.established.get(0).state()).isEqualTo("ESTABLISHED");
        assertThat(handler.established.get(0).remoteAddress()).isEqualTo(PEER_ADDRESS.toInetAddress());
    }

    // ---- Established ----

    @Test
    void establishedOutOfOrderDataIsDeliveredInOrder() {
        StackFixture fixture = stack();
        RecordingHandler handler = new RecordingHandler();
        long iss = establishPassive(fixture, handler);
        fixture.takeSent();

        receive(fixture, 80, PEER_ISS + 6, iss + 1, TcpFlags.ACK, "world".getBytes(StandardCharsets.US_ASCII));
        assertThat(handler.data.size()).isZero();
        receive(fixture, 80, PEER_ISS + 1, iss + 1, TcpFlags.ACK, "hello".getBytes(StandardCharsets.US_ASCII));

        assertThat(handler.data.toString(StandardCharsets.US_ASCII)).isEqualTo("helloworld");
        List<TcpRepr> sent = sentSegments(fixture);
        assertThat(sent.get(sent.size() - 1).acknowledgmentNumber()).isEqualTo(PEER_ISS + 11);
    }

    @Test
    void establishedResetInWindowButNotExactGetsChallengeAck() {
        StackFixture fixture = stack();
        RecordingHandler handler = new RecordingHandler();
        long iss = establishPassive(fixture, handler);
        fixture.takeSent();

        receive(fixture, 80, PEER_ISS + 100, 0, TcpFlags.RST, new byte[0]);

        List<TcpRepr> sent = sentSegments(fixture);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).flags()).isEqualTo(TcpFlags.ACK);
        assertThat(sent.get(0).sequenceNumber()).isEqualTo(iss + 1);
        assertThat(handler.closed).isEmpty();
    }

    @Test
    void establishedResetAtRcvNxtCloses() {
        StackFixture fixture = stack();
        RecordingHandler handler = new RecordingHandler();
        establishPassive(fixture, handler);

        receive(fixture, 80, PEER_ISS + 1, 0, TcpFlags.RST, new byte[0]);

        assertThat(handler.closed).containsExactly("connection reset");
    }

    // ---- SynSent ----

    @Test
    void synSentSynIsRetransmittedAtRto() {
        StackFixture fixture = stack();
        long start = fixture.now();
        fixture.stack().tcpConnect(PEER_ADDRESS.toInetAddress(), 80, new RecordingHandler());
        assertThat(sentSegments(fixture)).hasSize(1);

        fixture.runUntil(start + SECOND - 1);
        assertThat(sentSegments(fixture)).isEmpty();
        fixture.runUntil(start + SECOND);
        List<TcpRepr> first = sentSegments(fixture);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).flags()).isEqualTo(TcpFlags.SYN);

        // RFC 6298 §5.5: the RTO doubles to 2 s.
        fixture.runUntil(start + 3 * SECOND - 1);
        assertThat(sentSegments(fixture)).isEmpty();
        fixture.runUntil(start + 3 * SECOND);
        assertThat(sentSegments(fixture)).hasSize(1);
    }

    // ---- TimeWait ----

    @Test
    void timeWaitLastsTwoMsl() {
        StackFixture fixture = stack();
        RecordingHandler handler = new RecordingHandler();
        long iss = establishPassive(fixture, handler);
        TcpConnection connection = handler.established.get(0);
        fixture.takeSent();

        connection.close();
        assertThat(connection.state()).isEqualTo("FIN-WAIT-1");
        receive(fixture, 80, PEER_ISS + 1, iss + 2, TcpFlags.of(TcpFlags.FIN, TcpFlags.ACK), new byte[0]);
        long entered = fixture.now();
        assertThat(connection.state()).isEqualTo("TIME-WAIT");

        fixture.runUntil(entered + 2 * Connection.MSL - 1);
        assertThat(connection.state()).isEqualTo("TIME-WAIT");
        fixture.runUntil(entered + 2 * Connection.MSL);
        assertThat(connection.state()).isEqualTo("CLOSED");
        assertThat(handler.closed).containsExactly("closed");
    }
}
