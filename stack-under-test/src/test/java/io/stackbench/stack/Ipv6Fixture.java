package io.stackbench.stack;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.spi.StackEvent;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.Icmpv6Packet;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.Ipv6Packet;
import io.stackbench.stack.wire.Ipv6Repr;
import io.stackbench.stack.wire.NdpOption;
import io.stackbench.stack.wire.UdpPacket;
import io.stackbench.stack.wire.UdpRepr;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link DualStack} on a {@link TestStackHost} for IPv6 tests, with the MAC of the RFC's EUI-64
 * example and a documentation network (RFC 3849 2001:db8::/32) around it. Tests boot it with
 * chosen arguments, feed frames, step simulated time and read what it sent and its snapshot.
 */
public final class Ipv6Fixture {

    public static final MacAddress OUR_MAC = MacAddress.parse("52:54:00:12:34:56");
    /** The modified EUI-64 link-local address of {@link #OUR_MAC}. */
    public static final Ipv6Address OUR_LINK_LOCAL = Ipv6Address.parse("fe80::5054:ff:fe12:3456");
    /** A /64 prefix that routers advertise in the tests. */
    public static final Ipv6Address PREFIX = Ipv6Address.parse("2001:db8:0:1::");
    /** The address SLAAC forms from {@link #PREFIX} and {@link #OUR_MAC}. */
    public static final Ipv6Address OUR_GLOBAL = Ipv6Address.parse("2001:db8:0:1:5054:ff:fe12:3456");

    public static final MacAddress ROUTER_MAC = MacAddress.parse("02:00:00:00:00:fe");
    public static final Ipv6Address ROUTER = Ipv6Address.parse("fe80::fe");

    /** A neighbour on the link. */
    public static final MacAddress PEER_MAC = MacAddress.parse("02:00:00:00:00:01");
    public static final Ipv6Address PEER = Ipv6Address.parse("fe80::1");
    public static final Ipv6Address PEER_GLOBAL = Ipv6Address.parse("2001:db8:0:1::1");

    /** A host that claims our addresses in the DAD tests. */
    public static final MacAddress OTHER_MAC = MacAddress.parse("02:00:00:00:00:66");
    public static final Ipv6Address OTHER = Ipv6Address.parse("fe80::66");

    /** An address outside every prefix of the tests. */
    public static final Ipv6Address OFF_LINK = Ipv6Address.parse("2001:db8:ffff::7");

    public static final int MTU = 1500;
    /** Hop limit of the non-ND packets that peers send in the tests. */
    public static final int PEER_HOP_LIMIT = 64;
    /** By this time the link-local address finished DAD: a delay below 1 s, then RetransTimer (1 s). */
    public static final long LINK_LOCAL_READY = SimTime.seconds(2);

    private final TestStackHost host;
    private final DualStack stack = new DualStack();
    private int taken;

    private Ipv6Fixture(String... bootArguments) {
        this.host = new TestStackHost("stack", OUR_MAC, MTU, Arrays.asList(bootArguments));
    }

    /** Starts a stack with {@code bootArguments} at time 0 and leaves every frame it sent untaken. */
    public static Ipv6Fixture boot(String... bootArguments) {
        Ipv6Fixture fixture = new Ipv6Fixture(bootArguments);
        fixture.stack.start(fixture.host);
        return fixture;
    }

    /** Starts a stack, runs it until its link-local address is PREFERRED, and takes what it sent. */
    public static Ipv6Fixture ready(String... bootArguments) {
        Ipv6Fixture fixture = boot(bootArguments);
        fixture.runUntil(LINK_LOCAL_READY);
        if (!"PREFERRED".equals(fixture.addressState(OUR_LINK_LOCAL))) {
            throw new AssertionError("link-local address not PREFERRED at " + LINK_LOCAL_READY + " ns: " + fixture.snapshot().addresses());
        }
        fixture.takeSent();
        return fixture;
    }

    public DualStack stack() {
        return stack;
    }

    public TestStackHost host() {
        return host;
    }

    public void receive(byte[] frame) {
        stack.receive(0, frame);
    }

    /** Returns the frames sent since the last call, oldest first. */
    public List<SentFrame> takeSent() {
        List<SentFrame> all = host.sent();
        List<SentFrame> fresh = new ArrayList<>(all.subList(taken, all.size()));
        taken = all.size();
        return fresh;
    }

    /** Returns the ICMPv6 messages of type {@code type} among {@code frames}. */
    public static List<SentFrame> icmpv6Of(List<SentFrame> frames, Class<? extends Icmpv6Repr> type) {
        return frames.stream().filter(frame -> frame.isIpv6() && frame.isIcmpv6() && type.isInstance(frame.icmpv6())).toList();
    }

    /** Runs every timer due up to and including {@code time} nanoseconds of simulated time. */
    public void runUntil(long time) {
        host.simulator().runUntil(time);
    }

    public long now() {
        return host.now();
    }

    public StackSnapshot snapshot() {
        return stack.snapshot();
    }

    public long counter(String name) {
        return stack.snapshot().counter(name);
    }

    /** Returns the snapshot entry of our address {@code address}, or null. */
    public StackSnapshot.Address address(Ipv6Address address) {
        InetAddress wanted = address.toInetAddress();
        for (StackSnapshot.Address entry : snapshot().addresses()) {
            if (entry.address().equals(wanted)) {
                return entry;
            }
        }
        return null;
    }

    /** Returns the state of our address {@code address} (TENTATIVE, PREFERRED, ...), or null when it is not ours. */
    public String addressState(Ipv6Address address) {
        StackSnapshot.Address entry = address(address);
        return entry == null ? null : entry.state();
    }

    /** Returns the neighbour cache entry of {@code address}, or null. */
    public StackSnapshot.Neighbor neighbor(Ipv6Address address) {
        InetAddress wanted = address.toInetAddress();
        for (StackSnapshot.Neighbor entry : snapshot().neighbors()) {
            if (entry.protocol().equals("ndp") && entry.address().equals(wanted)) {
                return entry;
            }
        }
        return null;
    }

    /** Returns the state of the neighbour cache entry of {@code address}, or null when there is none. */
    public String neighborState(Ipv6Address address) {
        StackSnapshot.Neighbor entry = neighbor(address);
        return entry == null ? null : entry.state();
    }

    /** Returns the events of kind {@code kind}, oldest first. */
    public List<StackEvent> events(String kind) {
        return host.events().stream().filter(event -> event.kind().equals(kind)).toList();
    }

    /** Sends one echo request through the stack's API and returns the listener that records its outcome. */
    public RecordingEchoListener ping(Ipv6Address destination, int identifier, int sequence, int payloadLength) {
        RecordingEchoListener listener = new RecordingEchoListener();
        stack.sendEchoRequest(destination.toInetAddress(), identifier, sequence, payloadLength, listener);
        return listener;
    }

    /** Feeds an ICMPv6 message from {@code sourceMac}; the Ethernet destination follows the IPv6 one. */
    public void receiveIcmpv6(MacAddress sourceMac, Ipv6Address source, Ipv6Address destination, int hopLimit, Icmpv6Repr message) {
        receive(frameTo(destination, sourceMac, ipv6(source, destination, IpProtocol.ICMPV6.value(), hopLimit, icmpv6(source, destination, message))));
    }

    /** Feeds a Neighbour Discovery message with hop limit 255. */
    public void receiveNd(MacAddress sourceMac, Ipv6Address source, Ipv6Address destination, Icmpv6Repr message) {
        receiveIcmpv6(sourceMac, source, destination, 255, message);
    }

    /** Feeds a Router Advertisement from {@link #ROUTER} to all nodes. */
    public void receiveRouterAdvertisement(Icmpv6Repr.RouterAdvertisement advertisement) {
        receiveNd(ROUTER_MAC, ROUTER, Ipv6Address.ALL_NODES, advertisement);
    }

    /**
     * Makes the stack learn {@link #PEER_MAC} for {@link #PEER}: the peer solicits our link-local
     * address with its link-layer address, and the answer is taken. The entry is then STALE.
     */
    public void learnPeer() {
        receiveNd(PEER_MAC, PEER, OUR_LINK_LOCAL.solicitedNodeMulticast(),
                new Icmpv6Repr.NeighborSolicitation(OUR_LINK_LOCAL, List.of(new NdpOption.SourceLinkLayerAddress(PEER_MAC))));
        List<SentFrame> answer = takeSent();
        if (icmpv6Of(answer, Icmpv6Repr.NeighborAdvertisement.class).size() != 1) {
            throw new AssertionError("expected one NA to the peer's solicitation, got " + answer);
        }
    }

    /**
     * Makes the stack learn {@link #PEER_MAC} for {@link #PEER} like {@link #learnPeer}, without
     * requiring an answer, for checks after arbitrary input. Frames sent in reply are taken.
     */
    public void learnPeerQuietly() {
        receiveNd(PEER_MAC, PEER, OUR_LINK_LOCAL.solicitedNodeMulticast(),
                new Icmpv6Repr.NeighborSolicitation(OUR_LINK_LOCAL, List.of(new NdpOption.SourceLinkLayerAddress(PEER_MAC))));
        takeSent();
    }

    /** Returns a Router Advertisement with hop limit 0 and timers 0 (unspecified) and the given lifetime and options. */
    public static Icmpv6Repr.RouterAdvertisement routerAdvertisement(int routerLifetime, NdpOption... options) {
        return new Icmpv6Repr.RouterAdvertisement(0, false, false, routerLifetime, 0, 0, List.of(options));
    }

    /** Returns a Prefix Information option with L=1 and A=1 for {@link #PREFIX}/64. */
    public static NdpOption.PrefixInformation prefix(long validSeconds, long preferredSeconds) {
        return new NdpOption.PrefixInformation(64, true, true, validSeconds, preferredSeconds, PREFIX);
    }

    /** Returns the bytes of {@code message} with its checksum over the pseudo-header of {@code source} and {@code destination}. */
    public static byte[] icmpv6(Ipv6Address source, Ipv6Address destination, Icmpv6Repr message) {
        byte[] bytes = new byte[message.bufferLength()];
        message.emit(new Icmpv6Packet(bytes), source, destination);
        return bytes;
    }

    /** Returns a UDP datagram with its mandatory checksum over the pseudo-header of {@code source} and {@code destination}. */
    public static byte[] udp(Ipv6Address source, Ipv6Address destination, int sourcePort, int destinationPort, byte[] data) {
        UdpRepr datagram = new UdpRepr(sourcePort, destinationPort, data);
        byte[] bytes = new byte[datagram.bufferLength()];
        datagram.emit(new UdpPacket(bytes), source, destination);
        return bytes;
    }

    /** Returns an IPv6 packet whose payload, extension headers included, is {@code payload}. */
    public static byte[] ipv6(Ipv6Address source, Ipv6Address destination, int nextHeader, int hopLimit, byte[] payload) {
        byte[] packet = new byte[Ipv6Packet.HEADER_LENGTH + payload.length];
        Ipv6Packet view = new Ipv6Packet(packet);
        view.setVersion(6);
        view.setPayloadLength(payload.length);
        view.setNextHeader(new IpProtocol(nextHeader));
        view.setHopLimit(hopLimit);
        view.setSourceAddress(source);
        view.setDestinationAddress(destination);
        System.arraycopy(payload, 0, packet, Ipv6Packet.HEADER_LENGTH, payload.length);
        return packet;
    }

    /** Returns a frame from {@code sourceMac} to our MAC, or to the group's MAC for a multicast destination. */
    public static byte[] frameTo(Ipv6Address destination, MacAddress sourceMac, byte[] packet) {
        MacAddress destinationMac = destination.isMulticast() ? destination.multicastMac() : OUR_MAC;
        return Frames.paddedEthernet(destinationMac, sourceMac, EtherType.IPV6, packet);
    }

    /** Returns the fixed header of a packet, for tests that need a repr of what they sent. */
    public static Ipv6Repr header(byte[] packet) {
        try {
            return Ipv6Repr.parse(new Ipv6Packet(packet));
        } catch (io.stackbench.stack.wire.MalformedPacketException e) {
            throw new AssertionError("test built an invalid IPv6 packet", e);
        }
    }
}
