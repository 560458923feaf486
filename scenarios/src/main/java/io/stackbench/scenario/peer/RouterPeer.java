package io.stackbench.scenario.peer;

import io.stackbench.scenario.load.Addresses;
import io.stackbench.scenario.model.NodeSpec;
import io.stackbench.sim.net.MacAddress;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV6CommonPacket;
import org.pcap4j.packet.IcmpV6NeighborSolicitationPacket;
import org.pcap4j.packet.IcmpV6RouterAdvertisementPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV6NeighborDiscoveryMtuOption;
import org.pcap4j.packet.IpV6NeighborDiscoveryPrefixInformationOption;
import org.pcap4j.packet.IpV6NeighborDiscoverySourceLinkLayerAddressOption;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.namednumber.IcmpV6Type;

/**
 * The {@code router} peer: sends Router Advertisements periodically and in answer to Router
 * Solicitations (after a random delay of up to MAX_RA_DELAY_TIME, at most one per
 * MIN_DELAY_BETWEEN_RAS, RFC 4861 §6.2.6), answers Neighbour Solicitations for its address, and
 * on request sends advertisements that break one validity rule on purpose.
 */
public final class RouterPeer implements ScriptedPeer {

    /** RFC 4861 §10: MAX_RA_DELAY_TIME, the largest random delay before a solicited advertisement. */
    static final long MAX_RA_DELAY_NANOS = 500_000_000L;
    /** RFC 4861 §10: MIN_DELAY_BETWEEN_RAS. */
    static final long MIN_DELAY_BETWEEN_RAS_NANOS = 3_000_000_000L;

    private final PeerHost host;
    private final NodeSpec.Router spec;
    private final Inet6Address address;
    private NodeSpec.Advertisement advertisement;
    private long lastSent = Long.MIN_VALUE / 2;
    private boolean solicitedPending;

    public RouterPeer(PeerHost host, NodeSpec.Router spec) {
        this.host = host;
        this.spec = spec;
        this.address = spec.address() != null ? (Inet6Address) spec.address() : Ipv6Frames.linkLocal(spec.mac());
        this.advertisement = spec.advertisement();
    }

    /** Returns the router's link-local address, the source of its advertisements. */
    public Inet6Address address() {
        return address;
    }

    @Override
    public void start() {
        host.nic().joinMulticast(Ipv6Frames.multicastMac(Ipv6Frames.ALL_NODES));
        host.nic().joinMulticast(Ipv6Frames.multicastMac(Ipv6Frames.ALL_ROUTERS));
        host.nic().joinMulticast(Ipv6Frames.multicastMac(Ipv6Frames.solicitedNode(address)));
        if (spec.firstNanos() >= 0) {
            host.simulator().scheduleAt(spec.firstNanos(), this::periodic);
        }
    }

    private void periodic() {
        send(null, "periodic RA");
        if (spec.intervalNanos() > 0) {
            host.simulator().scheduleAfter(spec.intervalNanos(), this::periodic);
        }
    }

    /** Replaces the advertisement for all later ones and, when {@code sendNow}, sends one at once. */
    public void change(NodeSpec.Advertisement newAdvertisement, boolean sendNow) {
        this.advertisement = newAdvertisement;
        if (sendNow) {
            send(null, "RA after change");
        }
    }

    /** Sends one advertisement now; {@code variant} names a deliberately invalid form, or is null. */
    public void send(String variant, String why) {
        lastSent = host.simulator().now();
        byte[] frame = build(variant);
        host.send(frame, why + ": " + describe(variant));
    }

    private String describe(String variant) {
        StringBuilder text = new StringBuilder("RA lifetime " + advertisement.routerLifetime() + " hop limit " + advertisement.curHopLimit());
        for (NodeSpec.PrefixInformation p : advertisement.prefixes()) {
            text.append(", prefix ").append(Addresses.format(p.prefix())).append('/').append(p.prefixLength())
                    .append(p.autonomous() ? " A" : "").append(p.onLink() ? " L" : "")
                    .append(" valid ").append(p.validLifetime()).append(" preferred ").append(p.preferredLifetime());
        }
        if (variant != null) {
            text.append(" (invalid on purpose: ").append(variant).append(')');
        }
        return text.toString();
    }

    @Override
    public void receive(byte[] frame) {
        EthernetPacket ethernet;
        try {
            ethernet = EthernetPacket.newPacket(frame, 0, frame.length);
        } catch (IllegalRawDataException e) {
            return;
        }
        IpV6Packet ip = ethernet.get(IpV6Packet.class);
        IcmpV6CommonPacket icmp = ethernet.get(IcmpV6CommonPacket.class);
        if (ip == null || icmp == null || ip.getHeader().getHopLimitAsInt() != 255) {
            return;
        }
        IcmpV6Type type = icmp.getHeader().getType();
        if (type.equals(IcmpV6Type.ROUTER_SOLICITATION) && spec.answerSolicitations()) {
            solicited();
        } else if (type.equals(IcmpV6Type.NEIGHBOR_SOLICITATION)) {
            IcmpV6NeighborSolicitationPacket ns = ethernet.get(IcmpV6NeighborSolicitationPacket.class);
            if (ns != null && ns.getHeader().getTargetAddress().equals(address)) {
                answerSolicitation(ethernet, ip);
            }
        }
    }

    private void solicited() {
        if (solicitedPending) {
            return;
        }
        solicitedPending = true;
        long delay = host.random().nextLong(MAX_RA_DELAY_NANOS);
        long at = Math.max(host.simulator().now() + delay, lastSent + MIN_DELAY_BETWEEN_RAS_NANOS);
        host.simulator().scheduleAt(at, () -> {
            solicitedPending = false;
            send(null, "RA answering RS");
        });
    }

    private void answerSolicitation(EthernetPacket ethernet, IpV6Packet ip) {
        Inet6Address source = ip.getHeader().getSrcAddr();
        boolean dad = source.equals(Ipv6Frames.UNSPECIFIED);
        Inet6Address to = dad ? Ipv6Frames.ALL_NODES : source;
        MacAddress toMac = dad ? Ipv6Frames.multicastMac(Ipv6Frames.ALL_NODES) : MacAddress.read(ethernet.getHeader().getSrcAddr().getAddress(), 0);
        byte[] na = Ipv6Frames.neighborAdvertisement(spec.mac(), toMac, address, to, address, true, !dad, true, spec.mac());
        host.send(na, "NA " + Addresses.format(address) + " is-at " + spec.mac());
    }

    private byte[] build(String variant) {
        List<IcmpV6CommonPacket.IpV6NeighborDiscoveryOption> options = new ArrayList<>();
        if (advertisement.sourceLinkLayer()) {
            options.add(new IpV6NeighborDiscoverySourceLinkLayerAddressOption.Builder()
                    .linkLayerAddress(spec.mac().toBytes())
                    .correctLengthAtBuild(true)
                    .build());
        }
        if (advertisement.mtu() > 0) {
            options.add(new IpV6NeighborDiscoveryMtuOption.Builder().mtu((int) advertisement.mtu()).correctLengthAtBuild(true).build());
        }
        for (NodeSpec.PrefixInformation p : advertisement.prefixes()) {
            options.add(new IpV6NeighborDiscoveryPrefixInformationOption.Builder()
                    .prefixLength((byte) p.prefixLength())
                    .onLinkFlag(p.onLink())
                    .addressConfigurationFlag(p.autonomous())
                    .validLifetime((int) p.validLifetime())
                    .preferredLifetime((int) p.preferredLifetime())
                    .prefix((Inet6Address) p.prefix())
                    .correctLengthAtBuild(true)
                    .build());
        }
        IcmpV6RouterAdvertisementPacket.Builder ra = new IcmpV6RouterAdvertisementPacket.Builder()
                .curHopLimit((byte) advertisement.curHopLimit())
                .managedAddressConfigurationFlag(advertisement.managed())
                .otherConfigurationFlag(advertisement.other())
                .routerLifetime((short) advertisement.routerLifetime())
                .reachableTime((int) advertisement.reachableTime())
                .retransTimer((int) advertisement.retransTimer())
                .options(options);
        Inet6Address source = "global-source".equals(variant) ? Ipv6Frames.of(globalSource()) : address;
        int hopLimit = "hop-limit-64".equals(variant) ? 64 : 255;
        byte[] frame = Ipv6Frames.icmpv6(spec.mac(), Ipv6Frames.multicastMac(Ipv6Frames.ALL_NODES), source, Ipv6Frames.ALL_NODES,
                hopLimit, IcmpV6Type.ROUTER_ADVERTISEMENT, ra);
        if ("code-1".equals(variant)) {
            frame[Ipv6Frames.ICMPV6_OFFSET + 1] = 1;
            Ipv6Frames.fixIcmpv6Checksum(frame);
        } else if ("option-length-0".equals(variant) && !options.isEmpty()) {
            // The first option starts after the 16-byte fixed part of the RA.
            frame[Ipv6Frames.ICMPV6_OFFSET + 16 + 1] = 0;
            Ipv6Frames.fixIcmpv6Checksum(frame);
        } else if ("short".equals(variant)) {
            // 12 bytes of ICMPv6, shorter than the 16-byte minimum of an RA (RFC 4861 §6.1.2).
            frame = Arrays.copyOf(frame, Ipv6Frames.ICMPV6_OFFSET + 12);
            frame[14 + 4] = 0;
            frame[14 + 5] = 12;
            Ipv6Frames.fixIcmpv6Checksum(frame);
            frame = Arrays.copyOf(frame, Math.max(frame.length, 60));
        }
        return frame;
    }

    private byte[] globalSource() {
        byte[] bytes = address.getAddress().clone();
        bytes[0] = 0x20;
        bytes[1] = 0x01;
        bytes[2] = 0x0d;
        bytes[3] = (byte) 0xb8;
        return bytes;
    }
}
