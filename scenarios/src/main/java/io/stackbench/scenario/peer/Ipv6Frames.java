package io.stackbench.scenario.peer;

import io.stackbench.sim.net.MacAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV6CommonPacket;
import org.pcap4j.packet.IcmpV6NeighborAdvertisementPacket;
import org.pcap4j.packet.IcmpV6NeighborSolicitationPacket;
import org.pcap4j.packet.IpV6NeighborDiscoverySourceLinkLayerAddressOption;
import org.pcap4j.packet.IpV6NeighborDiscoveryTargetLinkLayerAddressOption;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.IpV6SimpleFlowLabel;
import org.pcap4j.packet.IpV6SimpleTrafficClass;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IcmpV6Code;
import org.pcap4j.packet.namednumber.IcmpV6Type;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;

/**
 * IPv6 and Neighbour Discovery frames for scripted peers, built with pcap4j (never with the stack's
 * codecs), plus the few address computations a peer needs.
 */
public final class Ipv6Frames {

    /** Offset of the ICMPv6 header in an untagged Ethernet frame without extension headers. */
    public static final int ICMPV6_OFFSET = 14 + 40;

    public static final Inet6Address UNSPECIFIED = literal("::");
    public static final Inet6Address ALL_NODES = literal("ff02::1");
    public static final Inet6Address ALL_ROUTERS = literal("ff02::2");

    private Ipv6Frames() {
    }

    /** Returns fe80::/64 with the modified EUI-64 interface identifier of {@code mac} (RFC 4291 appendix A). */
    public static Inet6Address linkLocal(MacAddress mac) {
        byte[] m = mac.toBytes();
        byte[] a = new byte[16];
        a[0] = (byte) 0xfe;
        a[1] = (byte) 0x80;
        a[8] = (byte) (m[0] ^ 0x02);
        a[9] = m[1];
        a[10] = m[2];
        a[11] = (byte) 0xff;
        a[12] = (byte) 0xfe;
        a[13] = m[3];
        a[14] = m[4];
        a[15] = m[5];
        return of(a);
    }

    /** Returns the solicited-node multicast address ff02::1:ffXX:XXXX of {@code address} (RFC 4291 §2.7.1). */
    public static Inet6Address solicitedNode(InetAddress address) {
        byte[] t = address.getAddress();
        byte[] a = new byte[16];
        a[0] = (byte) 0xff;
        a[1] = 0x02;
        a[11] = 0x01;
        a[12] = (byte) 0xff;
        a[13] = t[13];
        a[14] = t[14];
        a[15] = t[15];
        return of(a);
    }

    /** Returns the Ethernet destination of an IPv6 multicast address: 33:33 and its low 32 bits (RFC 2464 §7). */
    public static MacAddress multicastMac(InetAddress group) {
        byte[] g = group.getAddress();
        long value = 0x3333L << 32 | (g[12] & 0xffL) << 24 | (g[13] & 0xffL) << 16 | (g[14] & 0xffL) << 8 | (g[15] & 0xffL);
        return new MacAddress(value);
    }

    /** Returns the Ethernet destination for {@code destination}: its multicast MAC, or {@code unicastMac}. */
    public static MacAddress destinationMac(InetAddress destination, MacAddress unicastMac) {
        return destination.isMulticastAddress() ? multicastMac(destination) : unicastMac;
    }

    /** Wraps an ICMPv6 body in IPv6 and Ethernet with a correct checksum, and returns the frame bytes. */
    public static byte[] icmpv6(MacAddress source, MacAddress destination, Inet6Address from, Inet6Address to, int hopLimit,
            IcmpV6Type type, Packet.Builder body) {
        IcmpV6CommonPacket.Builder icmp = new IcmpV6CommonPacket.Builder()
                .type(type)
                .code(IcmpV6Code.NO_CODE)
                .srcAddr(from)
                .dstAddr(to)
                .payloadBuilder(body)
                .correctChecksumAtBuild(true);
        IpV6Packet.Builder ip = new IpV6Packet.Builder()
                .version(IpVersion.IPV6)
                .trafficClass(IpV6SimpleTrafficClass.newInstance((byte) 0))
                .flowLabel(IpV6SimpleFlowLabel.newInstance(0))
                .nextHeader(IpNumber.ICMPV6)
                .hopLimit((byte) hopLimit)
                .srcAddr(from)
                .dstAddr(to)
                .payloadBuilder(icmp)
                .correctLengthAtBuild(true);
        return new EthernetPacket.Builder()
                .dstAddr(pcapMac(destination))
                .srcAddr(pcapMac(source))
                .type(EtherType.IPV6)
                .payloadBuilder(ip)
                .paddingAtBuild(true)
                .build()
                .getRawData();
    }

    /** Builds a Neighbour Advertisement with a Target Link-Layer Address option. */
    public static byte[] neighborAdvertisement(MacAddress source, MacAddress destination, Inet6Address from, Inet6Address to,
            Inet6Address target, boolean router, boolean solicited, boolean override, MacAddress targetMac) {
        IcmpV6NeighborAdvertisementPacket.Builder na = new IcmpV6NeighborAdvertisementPacket.Builder()
                .routerFlag(router)
                .solicitedFlag(solicited)
                .overrideFlag(override)
                .targetAddress(target)
                .options(List.of(new IpV6NeighborDiscoveryTargetLinkLayerAddressOption.Builder()
                        .linkLayerAddress(targetMac.toBytes())
                        .correctLengthAtBuild(true)
                        .build()));
        return icmpv6(source, destination, from, to, 255, IcmpV6Type.NEIGHBOR_ADVERTISEMENT, na);
    }

    /** Builds a Neighbour Solicitation; with a null {@code sourceMacOption} it carries no SLLA, as a DAD probe must not. */
    public static byte[] neighborSolicitation(MacAddress source, MacAddress destination, Inet6Address from, Inet6Address to,
            Inet6Address target, MacAddress sourceMacOption) {
        IcmpV6NeighborSolicitationPacket.Builder ns = new IcmpV6NeighborSolicitationPacket.Builder()
                .targetAddress(target)
                .options(sourceMacOption == null ? List.of() : List.of(new IpV6NeighborDiscoverySourceLinkLayerAddressOption.Builder()
                        .linkLayerAddress(sourceMacOption.toBytes())
                        .correctLengthAtBuild(true)
                        .build()));
        return icmpv6(source, destination, from, to, 255, IcmpV6Type.NEIGHBOR_SOLICITATION, ns);
    }

    /**
     * Recomputes the ICMPv6 checksum of a frame built by {@link #icmpv6} after its bytes were
     * changed on purpose, so that only the intended field is wrong.
     */
    public static void fixIcmpv6Checksum(byte[] frame) {
        int payloadLength = ((frame[14 + 4] & 0xff) << 8) | (frame[14 + 5] & 0xff);
        frame[ICMPV6_OFFSET + 2] = 0;
        frame[ICMPV6_OFFSET + 3] = 0;
        long sum = 0;
        for (int i = 14 + 8; i < 14 + 40; i += 2) {
            sum += ((frame[i] & 0xff) << 8) | (frame[i + 1] & 0xff);
        }
        sum += payloadLength;
        sum += 58;
        for (int i = 0; i < payloadLength; i += 2) {
            int high = frame[ICMPV6_OFFSET + i] & 0xff;
            int low = i + 1 < payloadLength ? frame[ICMPV6_OFFSET + i + 1] & 0xff : 0;
            sum += (high << 8) | low;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        int checksum = (int) (~sum & 0xffff);
        frame[ICMPV6_OFFSET + 2] = (byte) (checksum >>> 8);
        frame[ICMPV6_OFFSET + 3] = (byte) checksum;
    }

    static org.pcap4j.util.MacAddress pcapMac(MacAddress mac) {
        return org.pcap4j.util.MacAddress.getByAddress(mac.toBytes());
    }

    static Inet6Address of(byte[] bytes) {
        try {
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an IPv6 address has 16 bytes, got " + bytes.length, e);
        }
    }

    private static Inet6Address literal(String text) {
        try {
            // A literal containing ':' is parsed, never looked up.
            return (Inet6Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
