package io.stackbench.stack.ipv4;

import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.StackContext;
import io.stackbench.stack.arp.ArpLayer;
import io.stackbench.stack.icmpv4.Icmpv4Layer;
import io.stackbench.stack.tcp.TcpLayer;
import io.stackbench.stack.udp.UdpLayer;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv4Address;
import io.stackbench.stack.wire.Ipv4Packet;
import io.stackbench.stack.wire.Ipv4Repr;
import io.stackbench.stack.wire.MalformedPacketException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * IPv4 for a host with one address: validates input, accepts our address and the broadcasts,
 * dispatches by protocol, and routes output on-link or through the optional gateway.
 */
public final class Ipv4Layer {

    /** Default TTL for packets we originate (RFC 1700 and RFC 1122 §3.2.1.7 recommend 64). */
    public static final int DEFAULT_TTL = 64;

    private final StackContext context;
    private final Ipv4Address address;
    private final int prefixLength;
    private final Ipv4Address gateway;
    private final ArpLayer arp;
    private Icmpv4Layer icmp;
    private UdpLayer udp;
    private TcpLayer tcp;
    private int nextIdentification;

    /**
     * @param gateway the default gateway, or null: off-link destinations then have no route
     */
    public Ipv4Layer(StackContext context, Ipv4Address address, int prefixLength, Ipv4Address gateway, ArpLayer arp) {
        this.context = context;
        this.address = address;
        this.prefixLength = prefixLength;
        this.gateway = gateway;
        this.arp = arp;
        this.nextIdentification = context.host().random().nextInt(0x10000);
    }

    public void setIcmp(Icmpv4Layer icmp) {
        this.icmp = icmp;
    }

    public void setUdp(UdpLayer udp) {
        this.udp = udp;
    }

    public void setTcp(TcpLayer tcp) {
        this.tcp = tcp;
    }

    public Ipv4Address address() {
        return address;
    }

    /** Handles the IPv4 payload of a frame for us. */
    public void receive(byte[] frame, int offset, int length) {
        Ipv4Packet packet = new Ipv4Packet(frame, offset, length);
        Ipv4Repr ip;
        try {
            ip = Ipv4Repr.parse(packet);
        } catch (MalformedPacketException e) {
            context.counters().drop(e.counterName());
            return;
        }

        // RFC 1122 §3.2.1.3: a source that is a broadcast or multicast address is discarded.
        if (ip.source().isBroadcast() || ip.source().isMulticast() || ip.source().equals(address.subnetBroadcast(prefixLength))) {
            context.counters().drop("ipv4.bad-source");
            return;
        }
        boolean broadcast = ip.destination().isBroadcast() || ip.destination().equals(address.subnetBroadcast(prefixLength));
        if (!ip.destination().equals(address) && !broadcast) {
            context.counters().drop("ipv4.not-for-us");
            return;
        }
        if (ip.moreFragments() || ip.fragmentOffset() != 0) {
            // TODO: RFC 791 §3.2 reassembly (bounded count and bytes, 30 s timeout); fragments are dropped until then.
            context.counters().drop("ipv4.fragment-unsupported");
            return;
        }
        context.counters().increment("rx.ipv4");

        int payloadOffset = packet.payloadOffset();
        int payloadLength = ip.payloadLength();
        IpProtocol protocol = ip.protocol();
        if (protocol.equals(IpProtocol.ICMP)) {
            icmp.receive(ip, frame, payloadOffset, payloadLength, broadcast);
        } else if (protocol.equals(IpProtocol.UDP)) {
            UdpLayer.Disposition disposition = udp.receive(ip.source(), ip.destination(), frame, payloadOffset, payloadLength);
            // RFC 1122 §4.1.3.1: a closed port gets port unreachable, but §3.2.2 sends no error about a broadcast datagram.
            if (disposition == UdpLayer.Disposition.CLOSED_PORT && !broadcast) {
                icmp.sendPortUnreachable(ip, frame, offset, length);
            }
        } else if (protocol.equals(IpProtocol.TCP)) {
            tcp.receive(ip.source(), ip.destination(), frame, payloadOffset, payloadLength, broadcast);
        } else {
            context.counters().drop("ipv4.unknown-protocol");
            if (!broadcast) {
                icmp.sendProtocolUnreachable(ip, frame, offset, length);
            }
        }
    }

    /**
     * Sends {@code payload} to {@code destination}. Failures (no route, resolution failed) go to
     * {@code onFailure}; nothing is sent when there is no route.
     */
    public void send(Ipv4Address destination, IpProtocol protocol, byte[] payload, Consumer<String> onFailure) {
        Ipv4Address nextHop = nextHop(destination);
        if (nextHop == null) {
            context.counters().increment("ipv4.no-route");
            context.event("ipv4.no-route", "no route to " + destination + " (off-link and no --ipv4-gateway)");
            onFailure.accept("no route to " + destination);
            return;
        }
        int maxPayload = context.mtu() - Ipv4Packet.MIN_HEADER_LENGTH;
        if (payload.length > maxPayload) {
            // TODO: RFC 791 fragmentation of oversize sends; until then they fail.
            context.counters().increment("ipv4.too-big");
            onFailure.accept("message too long: " + payload.length + " bytes exceed the " + maxPayload
                    + "-byte payload of MTU " + context.mtu() + "; IPv4 fragmentation is not implemented");
            return;
        }

        Ipv4Repr header = new Ipv4Repr(address, destination, protocol, DEFAULT_TTL, nextIdentification, false, false, 0, 0, 0,
                payload.length);
        nextIdentification = (nextIdentification + 1) & 0xffff;
        byte[] packet = new byte[header.bufferLength()];
        Ipv4Packet view = new Ipv4Packet(packet);
        header.emit(view);
        System.arraycopy(payload, 0, packet, view.payloadOffset(), payload.length);
        context.counters().increment("tx.ipv4");
        arp.send(nextHop, packet, packet.length, onFailure);
    }

    /** Returns the next hop for {@code destination}, or null when there is no route. */
    Ipv4Address nextHop(Ipv4Address destination) {
        if (destination.isBroadcast() || destination.equals(address.subnetBroadcast(prefixLength))) {
            return Ipv4Address.BROADCAST;
        }
        if (destination.inSubnet(address, prefixLength)) {
            return destination;
        }
        return gateway;
    }

    public List<StackSnapshot.Route> routes() {
        List<StackSnapshot.Route> routes = new ArrayList<>();
        routes.add(new StackSnapshot.Route(address.networkAddress(prefixLength).toInetAddress(), prefixLength, null, StackContext.INTERFACE));
        if (gateway != null) {
            routes.add(new StackSnapshot.Route(Ipv4Address.UNSPECIFIED.toInetAddress(), 0, gateway.toInetAddress(), StackContext.INTERFACE));
        }
        return routes;
    }
}
