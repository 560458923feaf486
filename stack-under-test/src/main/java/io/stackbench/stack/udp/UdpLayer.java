package io.stackbench.stack.udp;

import io.stackbench.sim.spi.SendListener;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.sim.spi.UdpListener;
import io.stackbench.stack.StackContext;
import io.stackbench.stack.ipv4.Ipv4Layer;
import io.stackbench.stack.ipv6.Ipv6Layer;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv4Address;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.MalformedPacketException;
import io.stackbench.stack.wire.UdpPacket;
import io.stackbench.stack.wire.UdpRepr;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * UDP shared by both families: a port is bound once and receives datagrams over IPv4 and IPv6.
 * Input returns a {@link Disposition} instead of sending ICMP itself, because whether a closed
 * port gets port unreachable depends on rules of the IP family (broadcast, multicast, rate limits).
 */
public final class UdpLayer {

    /** Maximum number of bound ports. A bind beyond it fails. */
    public static final int MAX_BOUND_PORTS = 1024;

    /** Outcome of a received datagram. */
    public enum Disposition {
        /** Handed to the socket bound to its destination port. */
        DELIVERED,
        /** No socket is bound to its destination port, so the IP layer decides on port unreachable. */
        CLOSED_PORT,
        /** Malformed or failed its checksum: counted, and no ICMP error is sent (RFC 1122 §4.1.3.4). */
        DROPPED
    }

    private final StackContext context;
    private final TreeMap<Integer, UdpSocket> sockets = new TreeMap<>();
    private Ipv4Layer ipv4;
    private Ipv6Layer ipv6;

    public UdpLayer(StackContext context) {
        this.context = context;
    }

    /** Sets the IPv4 layer, or leaves it null when IPv4 is off (--ipv6-only=true). */
    public void setIpv4(Ipv4Layer ipv4) {
        this.ipv4 = ipv4;
    }

    /** Sets the IPv6 layer, or leaves it null when IPv6 is off (--ipv4-only=true). */
    public void setIpv6(Ipv6Layer ipv6) {
        this.ipv6 = ipv6;
    }

    /**
     * Binds {@code port} for both families.
     *
     * @throws IllegalArgumentException when {@code port} is not 1 to 65535
     * @throws IllegalStateException when the port is already bound or {@link #MAX_BOUND_PORTS} are bound
     */
    public void bind(int port, UdpListener listener) {
        if (port < 1 || port > 0xffff) {
            throw new IllegalArgumentException("UDP port " + port + " is invalid: bind a port from 1 to 65535");
        }
        if (sockets.containsKey(port)) {
            throw new IllegalStateException("UDP port " + port + " is already bound");
        }
        if (sockets.size() >= MAX_BOUND_PORTS) {
            context.counters().increment("udp.bind-limit");
            throw new IllegalStateException("cannot bind UDP port " + port + ": the maximum of " + MAX_BOUND_PORTS
                    + " bound ports is reached");
        }
        sockets.put(port, new UdpSocket(port, listener));
        context.event("udp.bind", "UDP port " + port + " bound for IPv4 and IPv6");
    }

    /** Handles a UDP datagram that arrived over IPv4 in {@code buffer[offset, offset + length)}. */
    public Disposition receive(Ipv4Address source, Ipv4Address destination, byte[] buffer, int offset, int length) {
        UdpRepr datagram;
        try {
            datagram = UdpRepr.parse(new UdpPacket(buffer, offset, length), source, destination);
        } catch (MalformedPacketException e) {
            context.counters().drop(e.counterName());
            return Disposition.DROPPED;
        }
        return deliver(datagram, source.toInetAddress(), destination.toInetAddress());
    }

    /**
     * Handles a UDP datagram that arrived over IPv6. {@code destination} is the final destination,
     * which the checksum covers.
     */
    public Disposition receive(Ipv6Address source, Ipv6Address destination, byte[] buffer, int offset, int length) {
        UdpRepr datagram;
        try {
            datagram = UdpRepr.parse(new UdpPacket(buffer, offset, length), source, destination);
        } catch (MalformedPacketException e) {
            context.counters().drop(e.counterName());
            return Disposition.DROPPED;
        }
        return deliver(datagram, source.toInetAddress(), destination.toInetAddress());
    }

    private Disposition deliver(UdpRepr datagram, InetAddress remote, InetAddress local) {
        UdpSocket socket = sockets.get(datagram.destinationPort());
        if (socket == null) {
            context.counters().increment("udp.closed-port");
            return Disposition.CLOSED_PORT;
        }
        context.counters().increment("udp.datagrams-in");
        socket.received(datagram.payload().length);
        socket.listener().onDatagram(remote, datagram.sourcePort(), local, datagram.payload());
        return Disposition.DELIVERED;
    }

    /**
     * Sends {@code payload} from the bound {@code localPort} to {@code destination} and
     * {@code remotePort}. The source address is the family's: our IPv4 address, or the IPv6 address
     * that RFC 6724 selection picks for the destination. Failures go to {@code listener}.
     */
    public void send(int localPort, InetAddress destination, int remotePort, byte[] payload, SendListener listener) {
        UdpSocket socket = sockets.get(localPort);
        if (socket == null) {
            listener.onError("UDP port " + localPort + " is not bound: bind it before sending from it");
            return;
        }
        if (remotePort < 1 || remotePort > 0xffff) {
            listener.onError("UDP destination port " + remotePort + " is invalid: use 1 to 65535");
            return;
        }
        if (payload.length > UdpRepr.MAX_PAYLOAD_LENGTH) {
            listener.onError("message too long: " + payload.length + " bytes exceed the UDP maximum of " + UdpRepr.MAX_PAYLOAD_LENGTH);
            return;
        }
        UdpRepr datagram = new UdpRepr(localPort, remotePort, payload);
        boolean[] failed = new boolean[1];
        if (destination instanceof Inet6Address v6) {
            sendIpv6(datagram, Ipv6Address.of(v6), reason -> {
                failed[0] = true;
                listener.onError(reason);
            });
        } else {
            sendIpv4(datagram, Ipv4Address.of((Inet4Address) destination), reason -> {
                failed[0] = true;
                listener.onError(reason);
            });
        }
        // A failure reported later, when address resolution gives up, still counts the datagram as sent.
        if (!failed[0]) {
            socket.sent();
            context.counters().increment("udp.datagrams-out");
        }
    }

    private void sendIpv4(UdpRepr datagram, Ipv4Address destination, Consumer<String> onFailure) {
        if (ipv4 == null) {
            onFailure.accept("IPv4 is disabled (--ipv6-only=true)");
            return;
        }
        byte[] bytes = new byte[datagram.bufferLength()];
        datagram.emit(new UdpPacket(bytes), ipv4.address(), destination);
        ipv4.send(destination, IpProtocol.UDP, bytes, onFailure);
    }

    private void sendIpv6(UdpRepr datagram, Ipv6Address destination, Consumer<String> onFailure) {
        if (ipv6 == null) {
            onFailure.accept("IPv6 is disabled (--ipv4-only=true)");
            return;
        }
        if (!ipv6.isEnabled()) {
            onFailure.accept("IPv6 is disabled on the interface");
            return;
        }
        Ipv6Address source = ipv6.ndp().addresses().selectSource(destination);
        if (source == null) {
            context.counters().increment("ipv6.no-source-address");
            onFailure.accept("no usable IPv6 source address for " + destination);
            return;
        }
        byte[] bytes = new byte[datagram.bufferLength()];
        datagram.emit(new UdpPacket(bytes), source, destination);
        ipv6.sendUpperLayer(source, destination, IpProtocol.UDP, bytes, onFailure);
    }

    /** Returns the bound ports in port order. */
    public List<StackSnapshot.UdpSocket> snapshot() {
        List<StackSnapshot.UdpSocket> result = new ArrayList<>();
        for (UdpSocket socket : sockets.values()) {
            result.add(socket.snapshot());
        }
        return result;
    }
}
