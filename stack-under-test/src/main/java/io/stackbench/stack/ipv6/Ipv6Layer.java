package io.stackbench.stack.ipv6;

import io.stackbench.sim.net.MacAddress;
import io.stackbench.stack.Counters;
import io.stackbench.stack.StackContext;
import io.stackbench.stack.icmpv6.Icmpv6Layer;
import io.stackbench.stack.mld.MldLayer;
import io.stackbench.stack.ndp.Ipv6Services;
import io.stackbench.stack.ndp.NdpConstants;
import io.stackbench.stack.ndp.NdpLayer;
import io.stackbench.stack.tcp.TcpLayer;
import io.stackbench.stack.udp.UdpLayer;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.EthernetFrame;
import io.stackbench.stack.wire.Icmpv6Packet;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.Ipv6Packet;
import io.stackbench.stack.wire.Ipv6Repr;
import io.stackbench.stack.wire.MalformedPacketException;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * IPv6 for a host with one interface: validates input, walks the extension headers by the rules
 * of RFC 8200 §4, reassembles fragments, dispatches to ICMPv6, and sends with source selection,
 * next-hop determination and neighbour resolution.
 */
public final class Ipv6Layer implements Ipv6Services {

    /** RFC 4443 §2.4 c): an error carries as much of the invoking packet as fits in the minimum MTU. */
    static final int MIN_MTU = 1280;

    private static final int HOP_BY_HOP = 0;
    private static final int ROUTING = 43;
    private static final int FRAGMENT = 44;
    private static final int NO_NEXT_HEADER = 59;
    private static final int DESTINATION_OPTIONS = 60;

    private final StackContext context;
    private final NdpLayer ndp;
    private final MldLayer mld;
    private final Icmpv6Layer icmp;
    private final Reassembler reassembler;
    private final Counters.Counter rxIpv6;
    private final Counters.Counter txIpv6;
    private final TreeSet<Ipv6Address> groups = new TreeSet<>();
    private final TreeMap<MacAddress, Integer> groupMacs = new TreeMap<>();
    private UdpLayer udp;
    private TcpLayer tcp;
    private boolean enabled = true;

    public Ipv6Layer(StackContext context, boolean acceptRouterAdvertisements) {
        this.context = context;
        this.rxIpv6 = context.counters().counter("rx.ipv6");
        this.txIpv6 = context.counters().counter("tx.ipv6");
        this.ndp = new NdpLayer(context, this, acceptRouterAdvertisements);
        this.mld = new MldLayer(context, this);
        this.icmp = new Icmpv6Layer(context, this);
        this.reassembler = new Reassembler(context);
    }

    public NdpLayer ndp() {
        return ndp;
    }

    public MldLayer mld() {
        return mld;
    }

    public Icmpv6Layer icmp() {
        return icmp;
    }

    public void setTcp(TcpLayer tcp) {
        this.tcp = tcp;
    }

    public void setUdp(UdpLayer udp) {
        this.udp = udp;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Joins all-nodes, forms the link-local and static addresses and starts router discovery. */
    public void start(Ipv6Address staticAddress, int staticPrefixLength, Ipv6Address staticRouter) {
        joinGroup(Ipv6Address.ALL_NODES);
        ndp.start(staticAddress, staticPrefixLength, staticRouter);
    }

    public void stop() {
        ndp.stop();
        mld.stop();
        reassembler.clear();
    }

    /** Returns true when a frame for this multicast MAC is for one of our groups. */
    public boolean acceptsMulticast(MacAddress mac) {
        return enabled && groupMacs.containsKey(mac);
    }

    @Override
    public void joinGroup(Ipv6Address group) {
        if (!groups.add(group)) {
            return;
        }
        MacAddress mac = group.multicastMac();
        if (groupMacs.merge(mac, 1, Integer::sum) == 1) {
            context.host().joinMulticast(StackContext.INTERFACE, mac);
        }
        mld.joined(group);
    }

    @Override
    public void leaveGroup(Ipv6Address group) {
        if (!groups.remove(group)) {
            return;
        }
        MacAddress mac = group.multicastMac();
        if (groupMacs.merge(mac, -1, Integer::sum) == 0) {
            groupMacs.remove(mac);
            context.host().leaveMulticast(StackContext.INTERFACE, mac);
        }
        mld.left(group);
    }

    /** Returns the groups joined, in address order. */
    public TreeSet<Ipv6Address> groups() {
        return groups;
    }

    @Override
    public void disableIpv6(String reason) {
        enabled = false;
        context.event("ipv6.disabled", "IPv6 disabled on the interface: " + reason);
    }

    /** Handles the IPv6 payload of a frame for us. */
    public void receive(byte[] frame, int offset, int length, MacAddress ethernetSource) {
        if (!enabled) {
            context.counters().drop("ipv6.disabled");
            return;
        }
        Ipv6Packet packet = new Ipv6Packet(frame, offset, length);
        Ipv6Repr ip;
        try {
            ip = Ipv6Repr.parse(packet);
        } catch (MalformedPacketException e) {
            context.counters().drop(e.counterName());
            return;
        }
        if (ip.source().isMulticast()) {
            context.counters().drop("ipv6.multicast-source");
            return;
        }
        Ipv6Address destination = ip.destination();
        boolean forUs = destination.isMulticast() ? groups.contains(destination) : ndp.addresses().accepts(destination);
        if (!forUs) {
            context.counters().drop(destination.isMulticast() ? "ipv6.group-not-joined" : "ipv6.not-for-us");
            return;
        }
        rxIpv6.increment();
        process(ip, frame, offset, packet.payloadOffset(), ip.nextHeader().value(), ethernetSource, false);
    }

    /**
     * Walks the header chain from {@code start} and hands the upper-layer payload on. Offsets in
     * Parameter Problem pointers are from the start of the IPv6 header at {@code base}.
     */
    private void process(Ipv6Repr ip, byte[] buffer, int base, int start, int nextHeader, MacAddress ethernetSource, boolean fragmented) {
        int end = base + Ipv6Packet.HEADER_LENGTH + ip.payloadLength();
        int offset = start;
        int nextHeaderField = base + 6;
        boolean first = true;
        while (true) {
            switch (nextHeader) {
                case HOP_BY_HOP, DESTINATION_OPTIONS, ROUTING -> {
                    if (nextHeader == HOP_BY_HOP && !first) {
                        // RFC 8200 §4.1: Hop-by-Hop Options may only follow the IPv6 header.
                        parameterProblem(ip, buffer, base, end, 1, nextHeaderField - base, "ipv6.hop-by-hop-not-first");
                        return;
                    }
                    if (offset + 2 > end || offset + (buffer[offset + 1] & 0xff) * 8 + 8 > end) {
                        context.counters().drop("ipv6.truncated-extension-header");
                        return;
                    }
                    int headerLength = (buffer[offset + 1] & 0xff) * 8 + 8;
                    if (nextHeader == ROUTING) {
                        int segmentsLeft = buffer[offset + 3] & 0xff;
                        if (segmentsLeft > 0) {
                            // RFC 8200 §4.4: a host that would have to forward reports the routing type (type 0 is deprecated, RFC 5095).
                            parameterProblem(ip, buffer, base, end, 0, offset + 2 - base, "ipv6.routing-segments-left");
                            return;
                        }
                    } else if (!options(ip, buffer, base, end, offset + 2, offset + headerLength)) {
                        return;
                    }
                    nextHeaderField = offset;
                    nextHeader = buffer[offset] & 0xff;
                    offset += headerLength;
                }
                case FRAGMENT -> {
                    if (offset + 8 > end) {
                        context.counters().drop("ipv6.truncated-extension-header");
                        return;
                    }
                    int next = buffer[offset] & 0xff;
                    int offsetField = ((buffer[offset + 2] & 0xff) << 8) | (buffer[offset + 3] & 0xff);
                    int fragmentOffset = offsetField & 0xfff8;
                    boolean more = (offsetField & 1) != 0;
                    long identification = ((buffer[offset + 4] & 0xffL) << 24) | ((buffer[offset + 5] & 0xffL) << 16)
                            | ((buffer[offset + 6] & 0xffL) << 8) | (buffer[offset + 7] & 0xffL);
                    int dataOffset = offset + 8;
                    if (fragmentOffset == 0 && !more) {
                        // RFC 6946: an atomic fragment is processed whole, without reassembly.
                        context.counters().increment("ipv6.atomic-fragment");
                        nextHeaderField = offset;
                        nextHeader = next;
                        offset = dataOffset;
                        fragmented = true;
                        first = false;
                        continue;
                    }
                    reassembler.add(ip.source(), ip.destination(), identification, buffer, base, next, fragmentOffset, more, dataOffset,
                            end - dataOffset, packet -> reassembled(packet, ethernetSource),
                            firstFragment -> icmp.sendError(new Icmpv6Repr.TimeExceeded(1, truncate(firstFragment)), ip,
                                    firstFragment, 0, firstFragment.length));
                    return;
                }
                case NO_NEXT_HEADER -> {
                    context.counters().increment("ipv6.no-next-header");
                    return;
                }
                default -> {
                    deliver(ip, buffer, base, end, offset, nextHeader, nextHeaderField, ethernetSource, fragmented);
                    return;
                }
            }
            first = false;
        }
    }

    private void reassembled(byte[] packet, MacAddress ethernetSource) {
        Ipv6Repr ip;
        try {
            ip = Ipv6Repr.parse(new Ipv6Packet(packet));
        } catch (MalformedPacketException e) {
            context.counters().drop(e.counterName());
            return;
        }
        process(ip, packet, 0, Ipv6Packet.HEADER_LENGTH, ip.nextHeader().value(), ethernetSource, true);
    }

    /**
     * Processes Hop-by-Hop or Destination options (RFC 8200 §4.2). Returns false when the two high
     * bits of an unknown option's type require discarding the packet.
     */
    private boolean options(Ipv6Repr ip, byte[] buffer, int base, int end, int from, int to) {
        int i = from;
        while (i < to) {
            int type = buffer[i] & 0xff;
            if (type == 0) {
                i++;
                continue;
            }
            if (i + 2 > to || i + 2 + (buffer[i + 1] & 0xff) > to) {
                context.counters().drop("ipv6.truncated-option");
                return false;
            }
            int length = buffer[i + 1] & 0xff;
            boolean known = type == 1 || type == 5;
            if (!known) {
                switch (type >>> 6) {
                    case 0 -> context.counters().increment("ipv6.unknown-option-skipped");
                    case 1 -> {
                        context.counters().drop("ipv6.unknown-option");
                        return false;
                    }
                    case 2 -> {
                        parameterProblem(ip, buffer, base, end, 2, i - base, "ipv6.unknown-option");
                        return false;
                    }
                    default -> {
                        if (ip.destination().isMulticast()) {
                            context.counters().drop("ipv6.unknown-option");
                        } else {
                            parameterProblem(ip, buffer, base, end, 2, i - base, "ipv6.unknown-option");
                        }
                        return false;
                    }
                }
            }
            i += 2 + length;
        }
        return true;
    }

    private void deliver(Ipv6Repr ip, byte[] buffer, int base, int end, int offset, int nextHeader, int nextHeaderField,
            MacAddress ethernetSource, boolean fragmented) {
        if (nextHeader == IpProtocol.ICMPV6.value()) {
            icmp.receive(ip, buffer, offset, end - offset, ethernetSource, fragmented, base, end);
        } else if (nextHeader == IpProtocol.UDP.value()) {
            // Segments Left is 0 here (else Parameter Problem above), so the destination field is the
            // final destination that the checksum covers.
            UdpLayer.Disposition disposition = udp.receive(ip.source(), ip.destination(), buffer, offset, end - offset);
            if (disposition == UdpLayer.Disposition.CLOSED_PORT) {
                // RFC 4443 §3.1 code 4, port unreachable; sendError applies the multicast, source and rate rules of §2.4.
                icmp.sendError(new Icmpv6Repr.DestinationUnreachable(4, truncate(Arrays.copyOfRange(buffer, base, end))), ip, buffer, base,
                        end - base);
            }
        } else if (nextHeader == IpProtocol.TCP.value()) {
            // As for UDP above, the destination field is the final destination that the checksum covers.
            tcp.receive(ip.source(), ip.destination(), buffer, offset, end - offset);
        } else {
            // RFC 8200 §4: an unrecognised Next Header is a Parameter Problem code 1 at that field.
            parameterProblem(ip, buffer, base, end, 1, nextHeaderField - base, "ipv6.unknown-next-header");
        }
    }

    private void parameterProblem(Ipv6Repr ip, byte[] buffer, int base, int end, int code, int pointer, String counter) {
        context.counters().drop(counter);
        icmp.sendError(new Icmpv6Repr.ParameterProblem(code, pointer, truncate(Arrays.copyOfRange(buffer, base, end))), ip, buffer, base,
                end - base);
    }

    /** Cuts an invoking packet so the error fits in the minimum MTU: 1280 − 40 − 8 bytes (RFC 4443 §2.4 c). */
    static byte[] truncate(byte[] invoking) {
        int max = MIN_MTU - Ipv6Packet.HEADER_LENGTH - 8;
        return invoking.length <= max ? invoking : Arrays.copyOf(invoking, max);
    }

    @Override
    public void sendNd(Ipv6Address source, Ipv6Address destination, Icmpv6Repr message, MacAddress destinationMac, String purpose) {
        sendIcmp(source, destination, message, NdpConstants.ND_HOP_LIMIT, destinationMac, false, reason -> {
            context.counters().drop("ndp.send-failed");
            context.event("ndp.send-failed", purpose + " not sent: " + reason);
        });
    }

    /**
     * Sends an ICMPv6 message. A null {@code source} is chosen by RFC 6724 rules; a zero
     * {@code hopLimit} takes the current default. Failures (no source, no route, resolution
     * failed, too big) go to {@code onFailure}, and nothing is sent then.
     */
    public void sendIcmp(Ipv6Address source, Ipv6Address destination, Icmpv6Repr message, int hopLimit, MacAddress destinationMac,
            boolean routerAlert, Consumer<String> onFailure) {
        if (!enabled) {
            onFailure.accept("IPv6 is disabled on the interface");
            return;
        }
        Ipv6Address from = source != null ? source : ndp.addresses().selectSource(destination);
        if (from == null) {
            context.counters().increment("ipv6.no-source-address");
            onFailure.accept("no usable IPv6 source address for " + destination);
            return;
        }
        byte[] icmpBytes = new byte[message.bufferLength()];
        message.emit(new Icmpv6Packet(icmpBytes), from, destination);
        send(from, destination, IpProtocol.ICMPV6, icmpBytes, hopLimit == 0 ? ndp.hopLimit() : hopLimit, destinationMac, routerAlert,
                onFailure);
    }

    /**
     * Sends an upper-layer packet, such as a UDP datagram whose checksum already covers
     * {@code source}. Unicast goes out with the current default hop limit and multicast with hop
     * limit 1, the default of RFC 3493 §5.2. Failures (no route, resolution failed, too big) go to
     * {@code onFailure}.
     */
    public void sendUpperLayer(Ipv6Address source, Ipv6Address destination, IpProtocol protocol, byte[] payload,
            Consumer<String> onFailure) {
        if (!enabled) {
            onFailure.accept("IPv6 is disabled on the interface");
            return;
        }
        int hopLimit = destination.isMulticast() ? 1 : ndp.hopLimit();
        send(source, destination, protocol, payload, hopLimit, null, false, onFailure);
    }

    /**
     * Index in a frame where {@link #sendUpperLayerInFrame} expects the upper-layer packet: after
     * the Ethernet header and the IPv6 header.
     */
    public static final int UPPER_LAYER_OFFSET = EthernetFrame.HEADER_LENGTH + Ipv6Packet.HEADER_LENGTH;

    /**
     * Sends an upper-layer packet that the caller wrote at {@link #UPPER_LAYER_OFFSET} of {@code
     * frame}, as {@link #sendUpperLayer} does, but without copying it: this writes the Ethernet and
     * IPv6 headers in front of it. {@code frame} must be exactly as long as the frame, {@code
     * UPPER_LAYER_OFFSET + payloadLength} bytes or {@link EthernetFrame#MIN_FRAME_LENGTH} if that is
     * more, and belongs to the stack from this call on.
     */
    public void sendUpperLayerInFrame(Ipv6Address source, Ipv6Address destination, IpProtocol protocol, byte[] frame, int payloadLength,
            Consumer<String> onFailure) {
        if (frame.length != Math.max(UPPER_LAYER_OFFSET + payloadLength, EthernetFrame.MIN_FRAME_LENGTH)) {
            throw new IllegalArgumentException("frame of " + frame.length + " bytes does not fit a payload of " + payloadLength + " bytes");
        }
        if (!enabled) {
            onFailure.accept("IPv6 is disabled on the interface");
            return;
        }
        int hopLimit = destination.isMulticast() ? 1 : ndp.hopLimit();
        send(source, destination, protocol, frame, null, payloadLength, hopLimit, null, false, onFailure);
    }

    private void send(Ipv6Address source, Ipv6Address destination, IpProtocol protocol, byte[] payload, int hopLimit, MacAddress destinationMac,
            boolean routerAlert, Consumer<String> onFailure) {
        send(source, destination, protocol, null, payload, payload.length, hopLimit, destinationMac, routerAlert, onFailure);
    }

    /**
     * Sends either {@code payload}, copied into a new frame, or, when {@code payload} is null, the
     * payload already at {@link #UPPER_LAYER_OFFSET} of {@code prebuilt}, which has no room for an
     * extension header and so never carries a Router Alert.
     */
    private void send(Ipv6Address source, Ipv6Address destination, IpProtocol protocol, byte[] prebuilt, byte[] payload, int payloadLength,
            int hopLimit, MacAddress destinationMac, boolean routerAlert, Consumer<String> onFailure) {
        int extension = routerAlert ? 8 : 0;
        int total = Ipv6Packet.HEADER_LENGTH + extension + payloadLength;
        if (total > ndp.linkMtu()) {
            // TODO: RFC 8200 §4.5 fragmentation of our own oversize packets; until then they fail.
            context.counters().increment("ipv6.too-big");
            onFailure.accept("message too long: " + total + " bytes exceed the link MTU " + ndp.linkMtu()
                    + "; IPv6 fragmentation is not implemented");
            return;
        }
        Ipv6Address nextHop = destination.isMulticast() || destinationMac != null ? destination : ndp.nextHop(destination);
        if (nextHop == null) {
            context.counters().increment("ipv6.no-route");
            context.event("ipv6.no-route", "no route to " + destination + " (off-link and no default router)");
            onFailure.accept("no route to " + destination);
            return;
        }

        // The packet is built after room for the Ethernet header, so the frame is written once.
        byte[] frame = prebuilt != null ? prebuilt : new byte[Math.max(EthernetFrame.HEADER_LENGTH + total, EthernetFrame.MIN_FRAME_LENGTH)];
        int start = EthernetFrame.HEADER_LENGTH;
        Ipv6Repr header = new Ipv6Repr(source, destination, routerAlert ? new IpProtocol(HOP_BY_HOP) : protocol, hopLimit, 0, 0,
                extension + payloadLength);
        header.emit(new Ipv6Packet(frame, start, total));
        if (routerAlert) {
            // RFC 2711 Router Alert (type 5, value 0 for MLD) padded with a 2-byte PadN to 8 bytes.
            int h = start + Ipv6Packet.HEADER_LENGTH;
            frame[h] = (byte) protocol.value();
            frame[h + 1] = 0;
            frame[h + 2] = 5;
            frame[h + 3] = 2;
            frame[h + 6] = 1;
            frame[h + 7] = 0;
        }
        if (payload != null) {
            System.arraycopy(payload, 0, frame, start + Ipv6Packet.HEADER_LENGTH + extension, payloadLength);
        }
        txIpv6.increment();

        if (destination.isMulticast()) {
            context.sendFrameWithHeadroom(destination.multicastMac(), EtherType.IPV6, frame);
        } else if (destinationMac != null) {
            context.sendFrameWithHeadroom(destinationMac, EtherType.IPV6, frame);
        } else {
            ndp.sendToNeighbor(nextHop, frame, onFailure);
        }
    }
}
