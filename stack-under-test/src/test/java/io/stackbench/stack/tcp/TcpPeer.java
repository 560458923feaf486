package io.stackbench.stack.tcp;

import static io.stackbench.stack.StackFixture.OUR_ADDRESS;
import static io.stackbench.stack.StackFixture.OUR_MAC;
import static io.stackbench.stack.StackFixture.PEER_ADDRESS;
import static io.stackbench.stack.StackFixture.PEER_MAC;

import io.stackbench.sim.spi.StackEvent;
import io.stackbench.sim.spi.StackSnapshot;
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
import java.util.ArrayList;
import java.util.List;

/**
 * The peer at 192.0.2.1:40000 that a test plays segment by segment against the IPv4 stack at
 * 192.0.2.2, with a manual clock. It keeps its own send sequence number and, once the handshake
 * negotiated timestamps, puts a Timestamps option on every segment, echoing the last TSval the
 * stack sent.
 */
final class TcpPeer {

    static final long SECOND = 1_000_000_000L;
    static final long MILLISECOND = 1_000_000L;
    static final int PEER_PORT = 40_000;
    static final int STACK_PORT = 80;
    static final long PEER_ISS = 1_000;

    /** A handler that records what the stack reports, and can echo the data it receives. */
    static final class RecordingHandler implements TcpHandler {
        final List<TcpConnection> established = new ArrayList<>();
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        final List<Integer> deliveries = new ArrayList<>();
        final List<String> closed = new ArrayList<>();
        int remoteCloses;
        boolean echo;
        boolean closeOnRemoteClose;

        @Override
        public void onEstablished(TcpConnection connection) {
            established.add(connection);
        }

        @Override
        public void onData(TcpConnection connection, byte[] bytes) {
            data.writeBytes(bytes);
            deliveries.add(bytes.length);
            if (echo) {
                connection.write(bytes);
            }
        }

        @Override
        public void onRemoteClose(TcpConnection connection) {
            remoteCloses++;
            if (closeOnRemoteClose) {
                connection.close();
            }
        }

        @Override
        public void onClosed(TcpConnection connection, String reason) {
            closed.add(reason);
        }
    }

    final StackFixture fixture = StackFixture.started();
    final RecordingHandler handler = new RecordingHandler();
    TcpConnection connection;
    /** The peer's SND.NXT. */
    long seq = SequenceNumbers.add(PEER_ISS, 1);
    /** The stack's ISS, from its SYN or SYN-ACK. */
    long stackIss;
    /** The window the peer's segments carry, as written in the window field. */
    int window = 0xffff;
    /** Whether the peer puts a Timestamps option on its segments. */
    boolean timestamps;
    /** The peer's TSval. */
    long tsVal = 5_000;
    /** The last TSval the stack sent, which the peer echoes. */
    long tsEcr;

    private TcpPeer() {
        // The peer sends an ARP request for our MAC first, so the stack learns the peer's MAC and sends without ARP.
        fixture.receive(Frames.arpFrame(OUR_MAC, Frames.arpRequest(PEER_MAC, PEER_ADDRESS, OUR_ADDRESS)));
        fixture.takeSent();
    }

    static List<TcpOption> mss(int mss) {
        return List.of(new TcpOption.MaximumSegmentSize(mss));
    }

    /** Returns MSS, Window Scale with {@code shift} and Timestamps with the peer's first TSval. */
    static List<TcpOption> allOptions(int mss, int shift) {
        return List.of(new TcpOption.MaximumSegmentSize(mss), new TcpOption.NoOperation(), new TcpOption.WindowScale(shift),
                new TcpOption.NoOperation(), new TcpOption.NoOperation(), new TcpOption.Timestamps(5_000, 0));
    }

    /** Lets the stack listen on port 80 and sends a SYN with {@code options} and {@code data}; returns the peer, the SYN-ACK unread. */
    static TcpPeer synToListener(List<TcpOption> options, byte[] data, TcpFlags flags) {
        TcpPeer peer = new TcpPeer();
        peer.fixture.stack().tcpListen(STACK_PORT, peer.handler);
        peer.timestamps = options.stream().anyMatch(o -> o instanceof TcpOption.Timestamps);
        peer.sendRaw(new TcpRepr(PEER_PORT, STACK_PORT, PEER_ISS, 0, flags, peer.window, 0, options, data));
        return peer;
    }

    /**
     * Completes a passive open: the SYN carries {@code options}, and the ACK completes the
     * handshake. Timestamps stay on for the peer only when the SYN-ACK carried them.
     */
    static TcpPeer establishedPassive(List<TcpOption> options) {
        TcpPeer peer = synToListener(options, new byte[0], TcpFlags.SYN);
        TcpRepr synAck = peer.sent().get(0);
        peer.stackIss = synAck.sequenceNumber();
        peer.timestamps = peer.timestamps && synAck.options().stream().anyMatch(o -> o instanceof TcpOption.Timestamps);
        peer.send(peer.seq, peer.stackIss + 1, TcpFlags.ACK, new byte[0]);
        peer.connection = peer.handler.established.get(0);
        return peer;
    }

    /** Completes a passive open whose SYN carries only MSS {@code mss}: no window scaling, no timestamps. */
    static TcpPeer establishedPassive(int mss) {
        return establishedPassive(mss(mss));
    }

    /** Makes the stack connect to the peer's port and returns the peer with the stack's SYN unread. */
    static TcpPeer activeOpen() {
        TcpPeer peer = new TcpPeer();
        peer.connection = peer.fixture.stack().tcpConnect(PEER_ADDRESS.toInetAddress(), PEER_PORT, peer.handler);
        return peer;
    }

    long now() {
        return fixture.now();
    }

    /** Returns the stack's sequence number {@code offset} bytes after the handshake: ISS + 1 + {@code offset}. */
    long stackSeq(long offset) {
        return SequenceNumbers.add(stackIss, 1 + offset);
    }

    /** Sends a segment from the peer's port to port 80 at the peer's SND.NXT, and moves SND.NXT over its data. */
    void send(long sequence, long ack, TcpFlags flags, byte[] data) {
        List<TcpOption> options = timestamps ? List.of(new TcpOption.NoOperation(), new TcpOption.NoOperation(),
                new TcpOption.Timestamps(tsVal, tsEcr)) : List.of();
        sendRaw(new TcpRepr(PEER_PORT, localPort(), sequence, ack, flags, window, 0, options, data));
    }

    /** Sends data at the peer's SND.NXT acknowledging {@code ack}, and moves SND.NXT past it. */
    void sendData(long ack, byte[] data) {
        send(seq, ack, TcpFlags.of(TcpFlags.ACK, TcpFlags.PSH), data);
        seq = SequenceNumbers.add(seq, data.length);
    }

    /** Sends a pure ACK for {@code ack} at the peer's SND.NXT. */
    void ack(long ack) {
        send(seq, ack, TcpFlags.ACK, new byte[0]);
    }

    void sendRaw(TcpRepr segment) {
        byte[] bytes = new byte[segment.bufferLength()];
        segment.emit(new TcpPacket(bytes), PEER_ADDRESS, OUR_ADDRESS);
        fixture.receive(Frames.ethernet(OUR_MAC, PEER_MAC, EtherType.IPV4, Frames.ipv4(PEER_ADDRESS, OUR_ADDRESS, IpProtocol.TCP, bytes)));
    }

    private int localPort() {
        return connection == null ? STACK_PORT : connection.localPort();
    }

    /** Returns the TCP segments the stack sent since the last call, and notes the last TSval for the echo. */
    List<TcpRepr> sent() {
        List<TcpRepr> segments = new ArrayList<>();
        for (SentFrame frame : fixture.takeSent()) {
            if (frame.isIpv4() && frame.ipv4().protocol().equals(IpProtocol.TCP)) {
                try {
                    TcpRepr segment = TcpRepr.parse(new TcpPacket(frame.ipv4Payload()), OUR_ADDRESS, PEER_ADDRESS);
                    segments.add(segment);
                    TcpOption.Timestamps ts = timestampsOf(segment);
                    if (ts != null) {
                        tsEcr = ts.value();
                    }
                } catch (MalformedPacketException e) {
                    throw new AssertionError("the stack sent an invalid TCP segment: " + e.getMessage(), e);
                }
            }
        }
        return segments;
    }

    static TcpOption.Timestamps timestampsOf(TcpRepr segment) {
        for (TcpOption option : segment.options()) {
            if (option instanceof TcpOption.Timestamps ts) {
                return ts;
            }
        }
        return null;
    }

    /** Returns the stack's snapshot of the connection to the peer. */
    StackSnapshot.TcpSocket socket() {
        for (StackSnapshot.TcpSocket socket : fixture.snapshot().tcpConnections()) {
            if (socket.remotePort() == PEER_PORT) {
                return socket;
            }
        }
        throw new AssertionError("the stack has no connection to port " + PEER_PORT);
    }

    /** Returns the messages of the stack's events of {@code kind}. */
    List<String> events(String kind) {
        List<String> messages = new ArrayList<>();
        for (StackEvent event : fixture.host().events()) {
            if (event.kind().equals(kind)) {
                messages.add(event.message());
            }
        }
        return messages;
    }

    long counter(String name) {
        return fixture.counter(name);
    }

    /** Runs the clock to {@code time} and returns what the stack sent meanwhile. */
    List<TcpRepr> runUntil(long time) {
        fixture.runUntil(time);
        return sent();
    }

    static byte[] bytes(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) i;
        }
        return data;
    }
}
