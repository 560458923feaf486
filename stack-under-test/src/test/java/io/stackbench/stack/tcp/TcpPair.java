package io.stackbench.stack.tcp;

import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.net.LinkProfile;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.net.Nic;
import io.stackbench.sim.net.NicStackHost;
import io.stackbench.sim.net.Segment;
import io.stackbench.sim.random.DeterministicRandom;
import io.stackbench.sim.spi.StackEvent;
import io.stackbench.stack.DualStack;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.Icmpv6Packet;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv4Address;
import io.stackbench.stack.wire.Ipv4Packet;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.Ipv6Packet;
import io.stackbench.stack.wire.MalformedPacketException;
import io.stackbench.stack.wire.TcpPacket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two dual stacks, a and b, on one simulated Ethernet segment, booted at time 0 with static IPv4
 * and IPv6 addresses and no router advertisements. The recorder notes every frame that the link
 * corrupted but that still passes the receiver's checksums, because such a frame can change
 * delivered data without any fault of the stack.
 */
final class TcpPair {

    static final MacAddress A_MAC = MacAddress.parse("02:00:00:00:00:0a");
    static final MacAddress B_MAC = MacAddress.parse("02:00:00:00:00:0b");
    static final InetAddress A_IPV4 = Ipv4Address.parse("10.0.0.1").toInetAddress();
    static final InetAddress B_IPV4 = Ipv4Address.parse("10.0.0.2").toInetAddress();
    static final InetAddress A_IPV6 = Ipv6Address.parse("2001:db8::a").toInetAddress();
    static final InetAddress B_IPV6 = Ipv6Address.parse("2001:db8::b").toInetAddress();

    private static final Pattern FLIPPED_OFFSETS = Pattern.compile("flipped bytes at offsets ([0-9, ]+)");

    final Simulator simulator = new Simulator();
    final Segment segment;
    final DualStack a = new DualStack();
    final DualStack b = new DualStack();
    final List<StackEvent> events = new ArrayList<>();
    /** Corrupted frames that every checksum on their way still accepts, described with time and offsets. */
    final List<String> checksumEscapes = new ArrayList<>();

    TcpPair(long seed, LinkProfile profile) {
        segment = new Segment(simulator, "lan", 0, profile, DeterministicRandom.forComponent(seed, "segment:lan"), this::record);
        NicStackHost hostA = host(seed, "a", A_MAC, "--ipv4=10.0.0.1/24", "--ipv6=2001:db8::a/64", a);
        NicStackHost hostB = host(seed, "b", B_MAC, "--ipv4=10.0.0.2/24", "--ipv6=2001:db8::b/64", b);
        a.start(hostA);
        b.start(hostB);
    }

    private NicStackHost host(long seed, String name, MacAddress mac, String ipv4, String ipv6, DualStack stack) {
        Nic nic = segment.attach(name, "eth0", mac, (n, frame) -> stack.receive(0, frame));
        return new NicStackHost(name, List.of(ipv4, ipv6, "--accept-router-advertisements=false"), simulator,
                DeterministicRandom.forComponent(seed, "node:" + name), nic, events::add, () -> null);
    }

    /** Returns the events of kind {@code kind}, such as {@code internal-error}. */
    List<StackEvent> events(String kind) {
        return events.stream().filter(event -> event.kind().equals(kind)).toList();
    }

    private void record(Segment on, long time, byte[] frame, String comment) {
        if (comment == null) {
            return;
        }
        Matcher matcher = FLIPPED_OFFSETS.matcher(comment);
        if (!matcher.find()) {
            return;
        }
        int[] offsets = Arrays.stream(matcher.group(1).split(",\\s*")).mapToInt(Integer::parseInt).toArray();
        String escape = checksumEscape(frame, offsets);
        if (escape != null) {
            checksumEscapes.add(time + " ns: " + escape + " (" + comment + ")");
        }
    }

    /**
     * Returns why a receiver would accept {@code frame} although the bytes at {@code flipped}
     * changed, or null when a checksum catches the change or the change lies in link padding only.
     */
    static String checksumEscape(byte[] frame, int[] flipped) {
        int etherType = ((frame[12] & 0xff) << 8) | (frame[13] & 0xff);
        int start = 14;
        try {
            if (etherType == EtherType.ARP.value()) {
                // ARP has no checksum, so any flip inside its 28 bytes reaches the cache.
                return anyBefore(flipped, start + 28) ? "ARP packet changed" : null;
            }
            if (etherType == EtherType.IPV4.value()) {
                Ipv4Packet ip = new Ipv4Packet(frame, start, frame.length - start);
                ip.check();
                if (!ip.verifyChecksum() || !anyBefore(flipped, start + ip.totalLength())) {
                    return null;
                }
                if (!ip.protocol().equals(IpProtocol.TCP)) {
                    return null;
                }
                TcpPacket tcp = new TcpPacket(frame, ip.payloadOffset(), ip.payloadLength());
                tcp.check();
                return tcp.verifyChecksum(ip.sourceAddress(), ip.destinationAddress()) ? "TCP over IPv4 passes its checksums" : null;
            }
            if (etherType == EtherType.IPV6.value()) {
                Ipv6Packet ip = new Ipv6Packet(frame, start, frame.length - start);
                ip.check();
                int end = ip.payloadOffset() + ip.payloadLength();
                if (!anyBefore(flipped, end)) {
                    return null;
                }
                if (ip.nextHeader().equals(IpProtocol.TCP)) {
                    TcpPacket tcp = new TcpPacket(frame, ip.payloadOffset(), ip.payloadLength());
                    tcp.check();
                    return tcp.verifyChecksum(ip.sourceAddress(), ip.destinationAddress()) ? "TCP over IPv6 passes its checksum" : null;
                }
                if (ip.nextHeader().equals(IpProtocol.ICMPV6)) {
                    Icmpv6Packet icmp = new Icmpv6Packet(frame, ip.payloadOffset(), ip.payloadLength());
                    icmp.check();
                    return icmp.verifyChecksum(ip.sourceAddress(), ip.destinationAddress()) ? "ICMPv6 passes its checksum" : null;
                }
            }
        } catch (MalformedPacketException e) {
            return null;
        }
        return null;
    }

    private static boolean anyBefore(int[] offsets, int end) {
        return Arrays.stream(offsets).anyMatch(offset -> offset < end);
    }
}
