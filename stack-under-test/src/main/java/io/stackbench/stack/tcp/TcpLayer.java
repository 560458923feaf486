package io.stackbench.stack.tcp;

import io.stackbench.sim.engine.Timer;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.sim.spi.TcpConnection;
import io.stackbench.sim.spi.TcpHandler;
import io.stackbench.stack.Counters;
import io.stackbench.stack.StackContext;
import io.stackbench.stack.ipv4.Ipv4Layer;
import io.stackbench.stack.ipv6.Ipv6Layer;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv4Address;
import io.stackbench.stack.wire.Ipv4Packet;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.Ipv6Packet;
import io.stackbench.stack.wire.MalformedPacketException;
import io.stackbench.stack.wire.TcpFlags;
import io.stackbench.stack.wire.TcpPacket;
import io.stackbench.stack.wire.TcpRepr;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * TCP shared by both families: one listener per port accepts connections over IPv4 and IPv6, and
 * each connection is found by its 4-tuple. Segments for no connection and no listener get the replies
 * as RFC 9293 §3.10.7.1 and §3.10.7.2 say.
 */
public final class TcpLayer {

    /** Maximum connections in any state but LISTEN. A SYN or a connect beyond it fails. */
    public static final int MAX_CONNECTIONS = 1024;

    /** Maximum listening ports. */
    public static final int MAX_LISTENERS = 1024;

    /** Maximum connections per listener in SYN-RECEIVED; a SYN beyond it is dropped without a reply. */
    public static final int SYN_BACKLOG = 16;

    private static final String BAD_CHECKSUM = TcpPacket.PROTOCOL + "." + MalformedPacketException.Reason.BAD_CHECKSUM.counterSuffix();

    /** First ephemeral port (RFC 6335 §6: 49152 to 65535). */
    static final int EPHEMERAL_FIRST = 49_152;

    /** One listening port and the handler of the connections it accepts. */
    record Listener(int port, TcpHandler handler) {
    }

    private final StackContext context;
    private final IsnGenerator isn;
    private final TreeMap<Integer, Listener> listeners = new TreeMap<>();
    private final LinkedHashMap<ConnectionId, Connection> connections = new LinkedHashMap<>();
    private Ipv4Layer ipv4;
    private Ipv6Layer ipv6;
    private int nextEphemeralPort = -1;
    private final Counters.Counter segmentsIn;
    private final Counters.Counter segmentsOut;
    /** {@code tcp.segments-delivered}: runs of in-order data handed to a handler. */
    final Counters.Counter segmentsDelivered;
    /**
     * The connection that the last IPv6 segment went to, or null. Every put into {@link
     * #connections} clears it, and so does the removal of this connection.
     * A bulk flow sends segment after segment to one connection, and this spares them building a
     * {@link ConnectionId} of two {@link Inet6Address} objects and hashing it.
     */
    private Connection lastIpv6Arrival;

    public TcpLayer(StackContext context) {
        this.context = context;
        this.isn = new IsnGenerator(context.host().random());
        this.segmentsIn = context.counters().counter("tcp.segments-in");
        this.segmentsOut = context.counters().counter("tcp.segments-out");
        this.segmentsDelivered = context.counters().counter("tcp.segments-delivered");
    }

    /** Sets the IPv4 layer, or leaves it null when IPv4 is off (--ipv6-only=true). */
    public void setIpv4(Ipv4Layer ipv4) {
        this.ipv4 = ipv4;
    }

    /** Sets the IPv6 layer, or leaves it null when IPv6 is off (--ipv4-only=true). */
    public void setIpv6(Ipv6Layer ipv6) {
        this.ipv6 = ipv6;
    }

    // ---- user calls ----

    /**
     * OPEN, passive (RFC 9293 §3.10.1), for both families.
     *
     * @throws IllegalArgumentException when {@code port} is not 1 to 65535
     * @throws IllegalStateException when the port already listens or {@link #MAX_LISTENERS} listen
     */
    public void listen(int port, TcpHandler handler) {
        requirePort(port);
        if (listeners.containsKey(port)) {
            throw new IllegalStateException("TCP port " + port + " already has a listener");
        }
        if (listeners.size() >= MAX_LISTENERS) {
            throw new IllegalStateException("cannot listen on TCP port " + port + ": the maximum of " + MAX_LISTENERS + " listeners is reached");
        }
        listeners.put(port, new Listener(port, handler));
        context.event("tcp.listen", "TCP port " + port + " LISTEN for IPv4 and IPv6");
    }

    /**
     * OPEN, active (RFC 9293 §3.10.1): picks the source address by the destination's family and an
     * ephemeral port, then sends a SYN.
     *
     * @throws IllegalArgumentException when {@code port} is not 1 to 65535
     * @throws IllegalStateException when the family is off, there is no source address, or the table is full
     */
    public TcpConnection connect(InetAddress destination, int port, TcpHandler handler) {
        requirePort(port);
        InetAddress source = sourceFor(destination);
        if (connections.size() >= MAX_CONNECTIONS) {
            throw new IllegalStateException("cannot connect to " + ConnectionId.endpoint(destination, port) + ": the maximum of "
                    + MAX_CONNECTIONS + " TCP connections is reached");
        }
        ConnectionId id = new ConnectionId(source, ephemeralPort(), destination, port);
        Connection connection = new Connection(this, id, handler, null);
        connections.put(id, connection);
        lastIpv6Arrival = null;
        context.counters().increment("tcp.active-opens");
        connection.open();
        return connection;
    }

    private InetAddress sourceFor(InetAddress destination) {
        if (destination instanceof Inet6Address v6) {
            if (ipv6 == null || !ipv6.isEnabled()) {
                throw new IllegalStateException("cannot connect to " + destination.getHostAddress() + ": IPv6 is disabled");
            }
            Ipv6Address source = ipv6.ndp().addresses().selectSource(Ipv6Address.of(v6));
            if (source == null) {
                throw new IllegalStateException("cannot connect to " + Ipv6Address.of(v6) + ": no usable IPv6 source address");
            }
            return source.toInetAddress();
        }
        if (ipv4 == null) {
            throw new IllegalStateException("cannot connect to " + destination.getHostAddress() + ": IPv4 is disabled (--ipv6-only=true)");
        }
        return ipv4.address().toInetAddress();
    }

    /** Returns the next free ephemeral port; the first one is drawn from the node's random stream (RFC 6056 §3.2). */
    private int ephemeralPort() {
        int range = 0x10000 - EPHEMERAL_FIRST;
        if (nextEphemeralPort < 0) {
            nextEphemeralPort = EPHEMERAL_FIRST + context.host().random().nextInt(range);
        }
        for (int i = 0; i < range; i++) {
            int candidate = nextEphemeralPort;
            nextEphemeralPort = candidate == 0xffff ? EPHEMERAL_FIRST : candidate + 1;
            if (!listeners.containsKey(candidate) && connections.keySet().stream().noneMatch(id -> id.localPort() == candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free ephemeral TCP port");
    }

    // ---- input ----

    /** Handles a TCP segment that arrived over IPv4; {@code broadcast} is true for a broadcast destination. */
    public void receive(Ipv4Address source, Ipv4Address destination, byte[] buffer, int offset, int length, boolean broadcast) {
        TcpPacket packet = new TcpPacket(buffer, offset, length);
        Segment seg;
        try {
            packet.check();
            if (!packet.verifyChecksum(source, destination)) {
                // RFC 9293 §3.1 and RFC 1122 §4.2.2.7: a bad checksum is discarded silently.
                context.counters().drop(BAD_CHECKSUM);
                return;
            }
            seg = Segment.read(packet);
        } catch (MalformedPacketException e) {
            context.counters().drop(e.counterName());
            return;
        }
        arrive(new ConnectionId(destination.toInetAddress(), packet.destinationPort(), source.toInetAddress(), packet.sourcePort()), seg,
                broadcast);
    }

    /** Handles a TCP segment that arrived over IPv6; {@code destination} is the final destination. */
    public void receive(Ipv6Address source, Ipv6Address destination, byte[] buffer, int offset, int length) {
        TcpPacket packet = new TcpPacket(buffer, offset, length);
        Segment seg;
        try {
            packet.check();
            if (!packet.verifyChecksum(source, destination)) {
                context.counters().drop(BAD_CHECKSUM);
                return;
            }
            seg = Segment.read(packet);
        } catch (MalformedPacketException e) {
            context.counters().drop(e.counterName());
            return;
        }
        Connection recent = lastIpv6Arrival;
        if (recent != null && recent.id.localPort() == packet.destinationPort() && recent.id.remotePort() == packet.sourcePort()
                && recent.path.ipv6Source().equals(destination) && recent.path.ipv6Destination().equals(source)) {
            // The map would return the same connection, because its key contains the same addresses and ports.
            segmentsIn.increment();
            SegmentArrival.arrive(recent, seg);
            return;
        }
        ConnectionId id = new ConnectionId(destination.toInetAddress(), packet.destinationPort(), source.toInetAddress(), packet.sourcePort());
        arrive(id, seg, destination.isMulticast());
        Connection connection = connections.get(id);
        if (connection != null && connection.path.ipv6()) {
            lastIpv6Arrival = connection;
        }
    }

    private void arrive(ConnectionId id, Segment seg, boolean notUnicast) {
        // RFC 1122 §4.2.3.10: TCP is unicast only; a segment to a broadcast or multicast address gets no answer.
        if (notUnicast) {
            context.counters().drop("tcp.not-unicast");
            return;
        }
        segmentsIn.increment();

        Connection connection = connections.get(id);
        if (connection != null) {
            SegmentArrival.arrive(connection, seg);
            return;
        }
        Listener listener = listeners.get(id.localPort());
        if (listener != null) {
            inListen(listener, id, seg);
            return;
        }
        inClosed(id, seg);
    }

    /** RFC 9293 §3.10.7.1, CLOSED: everything but a RST is answered with a RST. */
    private void inClosed(ConnectionId id, Segment seg) {
        context.counters().increment("tcp.closed-port");
        if (seg.has(TcpFlags.RST)) {
            return;
        }
        if (seg.has(TcpFlags.ACK)) {
            sendReset(id, seg.ack(), false, 0);
        } else {
            sendReset(id, 0, true, SequenceNumbers.add(seg.seq(), seg.len()));
        }
    }

    /** RFC 9293 §3.10.7.2, LISTEN. */
    private void inListen(Listener listener, ConnectionId id, Segment seg) {
        if (seg.has(TcpFlags.RST)) {
            return;
        }
        if (seg.has(TcpFlags.ACK)) {
            sendReset(id, seg.ack(), false, 0);
            return;
        }
        if (!seg.has(TcpFlags.SYN)) {
            context.counters().drop("tcp.no-syn-in-listen");
            return;
        }
        long halfOpen = connections.values().stream().filter(c -> c.listener == listener && c.state == TcpState.SYN_RECEIVED).count();
        if (halfOpen >= SYN_BACKLOG) {
            context.counters().drop("tcp.syn-backlog-full");
            return;
        }
        if (connections.size() >= MAX_CONNECTIONS) {
            context.counters().drop("tcp.connection-table-full");
            return;
        }
        Connection connection = new Connection(this, id, listener.handler(), listener);
        connections.put(id, connection);
        lastIpv6Arrival = null;
        connection.acceptSyn(seg);
    }

    // ---- output ----

    /** Sends a RST from {@code id}'s local end: {@code <SEQ=sequence><CTL=RST>}, with ACK when {@code withAck}. */
    void sendReset(ConnectionId id, long sequence, boolean withAck, long acknowledgment) {
        TcpFlags flags = withAck ? TcpFlags.of(TcpFlags.RST, TcpFlags.ACK) : TcpFlags.RST;
        context.counters().increment("tcp.resets-sent");
        transmit(id, new TcpRepr(id.localPort(), id.remotePort(), sequence, acknowledgment, flags, 0, 0, List.of(), new byte[0]));
    }

    private void transmit(ConnectionId id, TcpRepr segment) {
        byte[] bytes = new byte[segment.bufferLength()];
        Path path = path(id);
        if (path.ipv6()) {
            segment.emit(new TcpPacket(bytes), path.ipv6Source(), path.ipv6Destination());
        } else {
            segment.emit(new TcpPacket(bytes), path.ipv4Source(), path.ipv4Destination());
        }
        send(path, bytes);
    }

    /** Fills the checksum of a connection's segment, written in {@code bytes} without it, and sends it. */
    void transmit(Connection connection, byte[] bytes) {
        Path path = connection.path;
        if (path.ipv6()) {
            new TcpPacket(bytes).fillChecksum(path.ipv6Source(), path.ipv6Destination());
        } else {
            new TcpPacket(bytes).fillChecksum(path.ipv4Source(), path.ipv4Destination());
        }
        send(path, bytes);
    }

    /**
     * Returns where a segment of {@code connection} starts in the buffer that {@link
     * #transmitInFrame} takes: after the Ethernet and IPv6 headers over IPv6, so the segment is
     * written into its frame, and at 0 over IPv4, whose layer copies it.
     */
    int segmentOffset(Connection connection) {
        return connection.path.ipv6() ? Ipv6Layer.UPPER_LAYER_OFFSET : 0;
    }

    /**
     * Fills the checksum of a connection's segment, written without it from {@link #segmentOffset}
     * to the end of {@code buffer}, and sends it.
     */
    void transmitInFrame(Connection connection, byte[] buffer) {
        Path path = connection.path;
        if (!path.ipv6()) {
            transmit(connection, buffer);
            return;
        }
        int length = buffer.length - Ipv6Layer.UPPER_LAYER_OFFSET;
        new TcpPacket(buffer, Ipv6Layer.UPPER_LAYER_OFFSET, length).fillChecksum(path.ipv6Source(), path.ipv6Destination());
        segmentsOut.increment();
        ipv6.sendUpperLayerInFrame(path.ipv6Source(), path.ipv6Destination(), IpProtocol.TCP, buffer, length, path.onFailure());
    }

    private void send(Path path, byte[] bytes) {
        segmentsOut.increment();
        if (path.ipv6()) {
            ipv6.sendUpperLayer(path.ipv6Source(), path.ipv6Destination(), IpProtocol.TCP, bytes, path.onFailure());
        } else {
            ipv4.send(path.ipv4Destination(), IpProtocol.TCP, bytes, path.onFailure());
        }
    }

    /**
     * The wire addresses of a 4-tuple and the handler of a failed send, built once per connection
     * so that sending a segment converts no address.
     */
    record Path(boolean ipv6, Ipv4Address ipv4Source, Ipv4Address ipv4Destination, Ipv6Address ipv6Source, Ipv6Address ipv6Destination,
            Consumer<String> onFailure) {
    }

    Path path(ConnectionId id) {
        Consumer<String> onFailure = reason -> {
            context.counters().increment("tcp.send-failed");
            context.event("tcp.send-failed", id + ": " + reason);
        };
        if (id.isIpv6()) {
            return new Path(true, null, null, Ipv6Address.of((Inet6Address) id.localAddress()), Ipv6Address.of((Inet6Address) id.remoteAddress()),
                    onFailure);
        }
        return new Path(false, Ipv4Address.of((Inet4Address) id.localAddress()), Ipv4Address.of((Inet4Address) id.remoteAddress()), null, null,
                onFailure);
    }

    /** The MSS we announce: the link MTU less 40 bytes of IPv4 and TCP headers, or 60 of IPv6 and TCP. */
    int localMss(ConnectionId id) {
        if (id.isIpv6()) {
            int linkMtu = ipv6 != null && ipv6.ndp().linkMtu() > 0 ? ipv6.ndp().linkMtu() : context.mtu();
            return linkMtu - Ipv6Packet.HEADER_LENGTH - TcpPacket.MIN_HEADER_LENGTH;
        }
        return context.mtu() - Ipv4Packet.MIN_HEADER_LENGTH - TcpPacket.MIN_HEADER_LENGTH;
    }

    // ---- services for connections ----

    long isn(ConnectionId id) {
        return isn.next(id, context.now());
    }

    long timestampOffset(ConnectionId id) {
        return isn.timestampOffset(id);
    }

    long now() {
        return context.now();
    }

    Timer schedule(long delayNanos, Runnable action) {
        return context.schedule(delayNanos, action);
    }

    Counters counters() {
        return context.counters();
    }

    void event(String kind, String message) {
        context.event(kind, message);
    }

    void remove(Connection connection) {
        connections.remove(connection.id, connection);
        if (lastIpv6Arrival == connection) {
            lastIpv6Arrival = null;
        }
    }

    /** Returns the listeners in port order, then the connections in the order they were created. */
    public List<StackSnapshot.TcpSocket> snapshot() {
        List<StackSnapshot.TcpSocket> result = new ArrayList<>();
        for (Listener listener : listeners.values()) {
            result.add(StackSnapshot.TcpSocket.listener(listener.port()));
        }
        for (Connection connection : connections.values()) {
            result.add(connection.snapshot());
        }
        return result;
    }

    private static void requirePort(int port) {
        if (port < 1 || port > 0xffff) {
            throw new IllegalArgumentException("TCP port " + port + " is invalid: use 1 to 65535");
        }
    }
}
