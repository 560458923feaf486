package io.stackbench.scenario.filter;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pcap4j.packet.ArpPacket;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IcmpV4DestinationUnreachablePacket;
import org.pcap4j.packet.IcmpV4EchoPacket;
import org.pcap4j.packet.IcmpV4EchoReplyPacket;
import org.pcap4j.packet.IcmpV6CommonPacket;
import org.pcap4j.packet.IcmpV6EchoRequestPacket;
import org.pcap4j.packet.IcmpV6NeighborAdvertisementPacket;
import org.pcap4j.packet.IcmpV6NeighborSolicitationPacket;
import org.pcap4j.packet.IcmpV6RouterAdvertisementPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc791Tos;
import org.pcap4j.packet.IpV6NeighborDiscoveryPrefixInformationOption;
import org.pcap4j.packet.IpV6NeighborDiscoverySourceLinkLayerAddressOption;
import org.pcap4j.packet.IpV6NeighborDiscoveryTargetLinkLayerAddressOption;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.IpV6SimpleFlowLabel;
import org.pcap4j.packet.IpV6SimpleTrafficClass;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpMaximumSegmentSizeOption;
import org.pcap4j.packet.TcpNoOperationOption;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.TcpSackPermittedOption;
import org.pcap4j.packet.TcpTimestampsOption;
import org.pcap4j.packet.TcpWindowScaleOption;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.UnknownPacket;
import org.pcap4j.packet.namednumber.ArpHardwareType;
import org.pcap4j.packet.namednumber.ArpOperation;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IcmpV4Code;
import org.pcap4j.packet.namednumber.IcmpV4Type;
import org.pcap4j.packet.namednumber.IcmpV6Code;
import org.pcap4j.packet.namednumber.IcmpV6Type;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.packet.namednumber.TcpPort;
import org.pcap4j.packet.namednumber.UdpPort;
import org.pcap4j.util.MacAddress;

/** Frames built with pcap4j builders, named after what they are; the values are chosen to be distinct. */
final class TestFrames {

    static final MacAddress MAC_A = mac("02:00:00:00:00:01");
    static final MacAddress MAC_B = mac("02:00:00:00:00:02");
    static final MacAddress BROADCAST = mac("ff:ff:ff:ff:ff:ff");

    static final byte[] ARP_REQUEST = arp(ArpOperation.REQUEST, MAC_A, "10.0.0.1", mac("00:00:00:00:00:00"), "10.0.0.2", BROADCAST);
    static final byte[] ARP_REPLY = arp(ArpOperation.REPLY, MAC_B, "10.0.0.2", MAC_A, "10.0.0.1", MAC_A);
    static final byte[] ARP_ANNOUNCEMENT = arp(ArpOperation.REQUEST, MAC_A, "10.0.0.1", mac("00:00:00:00:00:00"), "10.0.0.1", BROADCAST);
    static final byte[] ARP_PROBE = arp(ArpOperation.REQUEST, MAC_A, "0.0.0.0", mac("00:00:00:00:00:00"), "10.0.0.1", BROADCAST);

    static final byte[] ICMP_ECHO_REQUEST = ethernet(MAC_A, MAC_B, EtherType.IPV4,
            ipv4("10.0.0.1", "10.0.0.2", IpNumber.ICMPV4, 64, true, 0x1111, 0xb8, new IcmpV4CommonPacket.Builder()
                    .type(IcmpV4Type.ECHO)
                    .code(IcmpV4Code.NO_CODE)
                    .payloadBuilder(new IcmpV4EchoPacket.Builder()
                            .identifier((short) 0x1234)
                            .sequenceNumber((short) 7)
                            .payloadBuilder(data("ping data")))
                    .correctChecksumAtBuild(true)));

    static final byte[] ICMP_ECHO_REPLY = ethernet(MAC_B, MAC_A, EtherType.IPV4,
            ipv4("10.0.0.2", "10.0.0.1", IpNumber.ICMPV4, 63, false, 0x2222, 0, new IcmpV4CommonPacket.Builder()
                    .type(IcmpV4Type.ECHO_REPLY)
                    .code(IcmpV4Code.NO_CODE)
                    .payloadBuilder(new IcmpV4EchoReplyPacket.Builder()
                            .identifier((short) 0x1234)
                            .sequenceNumber((short) 7)
                            .payloadBuilder(data("ping data")))
                    .correctChecksumAtBuild(true)));

    static final byte[] UDP_DATAGRAM = ethernet(MAC_A, MAC_B, EtherType.IPV4,
            ipv4("10.0.0.1", "10.0.0.2", IpNumber.UDP, 64, false, 0x3333, 0, udp4Builder()));

    /** The port unreachable that 10.0.0.2 returns for UDP_DATAGRAM, quoting its whole IPv4 datagram. */
    static final byte[] ICMP_PORT_UNREACHABLE = ethernet(MAC_B, MAC_A, EtherType.IPV4,
            ipv4("10.0.0.2", "10.0.0.1", IpNumber.ICMPV4, 64, false, 0x4444, 0xc0, new IcmpV4CommonPacket.Builder()
                    .type(IcmpV4Type.DESTINATION_UNREACHABLE)
                    .code(IcmpV4Code.PORT_UNREACHABLE)
                    .payloadBuilder(new IcmpV4DestinationUnreachablePacket.Builder()
                            .payload(ipv4("10.0.0.1", "10.0.0.2", IpNumber.UDP, 64, false, 0x3333, 0, udp4Builder()).build()))
                    .correctChecksumAtBuild(true)));

    /** First fragment of a UDP datagram: MF set, offset 0. */
    static final byte[] IPV4_FIRST_FRAGMENT = ethernet(MAC_A, MAC_B, EtherType.IPV4,
            fragment(true, (short) 0));
    /** Last fragment: MF clear, offset 185 units of 8 bytes (byte 1480). */
    static final byte[] IPV4_LAST_FRAGMENT = ethernet(MAC_A, MAC_B, EtherType.IPV4,
            fragment(false, (short) 185));

    static final byte[] TCP_SYN = tcp4("10.0.0.1", "10.0.0.2", MAC_A, MAC_B, 40000, 80, 1000L, 0L, Flags.SYN, 1460, "");
    static final byte[] TCP_SYN_ACK = tcp4("10.0.0.2", "10.0.0.1", MAC_B, MAC_A, 80, 40000, 5000L, 1001L, Flags.SYN_ACK, 1400, "");
    static final byte[] TCP_DATA = tcp4("10.0.0.1", "10.0.0.2", MAC_A, MAC_B, 40000, 80, 1001L, 5001L, Flags.PSH_ACK, 0, "xyz");
    /** A SYN with every option a stack offers (MSS, SACK permitted, timestamps, NOP, window scale 7) and URG with pointer 2. */
    static final byte[] TCP_SYN_OPTIONS = tcp4WithOptions((short) 2, List.of(mss(1460), TcpSackPermittedOption.getInstance(),
            timestamps(0x01020304, 0), TcpNoOperationOption.getInstance(), windowScale(7)));
    /** A SYN whose window scale shift 15 exceeds the RFC 7323 §2.3 maximum of 14. */
    static final byte[] TCP_SYN_LARGE_SHIFT = tcp4WithOptions((short) 0, List.of(windowScale(15), timestamps(0xfffffffe, 77)));
    static final byte[] TCP_RST = tcp4("10.0.0.2", "10.0.0.1", MAC_B, MAC_A, 80, 40000, 0xfffffff0L, 1004L, Flags.RST_ACK, 0, "");

    /** Duplicate address detection probe for fe80::2: unspecified source, no options. */
    static final byte[] NS_DAD = ethernet(MAC_A, mac("33:33:ff:00:00:02"), EtherType.IPV6,
            ipv6("::", "ff02::1:ff00:2", 255, 0, 0, icmpv6("::", "ff02::1:ff00:2", IcmpV6Type.NEIGHBOR_SOLICITATION,
                    new IcmpV6NeighborSolicitationPacket.Builder()
                            .targetAddress(inet6("fe80::2"))
                            .options(List.of()))));

    static final byte[] NS_ADDRESS_RESOLUTION = ethernet(MAC_A, mac("33:33:ff:00:00:02"), EtherType.IPV6,
            ipv6("fe80::1", "ff02::1:ff00:2", 255, 0, 0, icmpv6("fe80::1", "ff02::1:ff00:2", IcmpV6Type.NEIGHBOR_SOLICITATION,
                    new IcmpV6NeighborSolicitationPacket.Builder()
                            .targetAddress(inet6("fe80::2"))
                            .options(List.of(new IpV6NeighborDiscoverySourceLinkLayerAddressOption.Builder()
                                    .linkLayerAddress(MAC_A.getAddress())
                                    .correctLengthAtBuild(true)
                                    .build())))));

    static final byte[] NA_SOLICITED = ethernet(MAC_B, MAC_A, EtherType.IPV6,
            ipv6("fe80::2", "fe80::1", 255, 0x2e, 0x12345, icmpv6("fe80::2", "fe80::1", IcmpV6Type.NEIGHBOR_ADVERTISEMENT,
                    new IcmpV6NeighborAdvertisementPacket.Builder()
                            .routerFlag(false)
                            .solicitedFlag(true)
                            .overrideFlag(true)
                            .targetAddress(inet6("fe80::2"))
                            .options(List.of(new IpV6NeighborDiscoveryTargetLinkLayerAddressOption.Builder()
                                    .linkLayerAddress(MAC_B.getAddress())
                                    .correctLengthAtBuild(true)
                                    .build())))));

    static final byte[] RA_WITH_PREFIX = ethernet(MAC_B, mac("33:33:00:00:00:01"), EtherType.IPV6,
            ipv6("fe80::2", "ff02::1", 255, 0, 0, icmpv6("fe80::2", "ff02::1", IcmpV6Type.ROUTER_ADVERTISEMENT,
                    new IcmpV6RouterAdvertisementPacket.Builder()
                            .curHopLimit((byte) 64)
                            .managedAddressConfigurationFlag(true)
                            .otherConfigurationFlag(false)
                            .routerLifetime((short) 1800)
                            .reachableTime(0)
                            .retransTimer(0)
                            .options(List.of(
                                    new IpV6NeighborDiscoverySourceLinkLayerAddressOption.Builder()
                                            .linkLayerAddress(MAC_B.getAddress())
                                            .correctLengthAtBuild(true)
                                            .build(),
                                    new IpV6NeighborDiscoveryPrefixInformationOption.Builder()
                                            .prefixLength((byte) 64)
                                            .onLinkFlag(true)
                                            .addressConfigurationFlag(true)
                                            .validLifetime(86400)
                                            .preferredLifetime(14400)
                                            .prefix(inet6("2001:db8:0:1::"))
                                            .correctLengthAtBuild(true)
                                            .build())))));

    static final byte[] ICMPV6_ECHO_REQUEST = ethernet(MAC_A, MAC_B, EtherType.IPV6,
            ipv6("2001:db8::1", "2001:db8::2", 64, 0, 0, icmpv6("2001:db8::1", "2001:db8::2", IcmpV6Type.ECHO_REQUEST,
                    new IcmpV6EchoRequestPacket.Builder()
                            .identifier((short) 0x4321)
                            .sequenceNumber((short) 9)
                            .payloadBuilder(data("ping6")))));

    static final byte[] UDP6_DATAGRAM = ethernet(MAC_A, MAC_B, EtherType.IPV6,
            ipv6("2001:db8::1", "2001:db8::2", 64, 0, 0, new UdpPacket.Builder()
                    .srcPort(UdpPort.getInstance((short) 5001))
                    .dstPort(UdpPort.getInstance((short) 7778))
                    .srcAddr(inet6("2001:db8::1"))
                    .dstAddr(inet6("2001:db8::2"))
                    .payloadBuilder(data("hello6"))
                    .correctChecksumAtBuild(true)
                    .correctLengthAtBuild(true)));

    static final byte[] TCP6_SYN = ethernet(MAC_A, MAC_B, EtherType.IPV6,
            ipv6("2001:db8::1", "2001:db8::2", 64, 0, 0, new TcpPacket.Builder()
                    .srcPort(TcpPort.getInstance((short) 40001))
                    .dstPort(TcpPort.getInstance((short) 443))
                    .sequenceNumber(123456789)
                    .acknowledgmentNumber(0)
                    .syn(true)
                    .window((short) 28800)
                    .options(List.of(mss(1440)))
                    .srcAddr(inet6("2001:db8::1"))
                    .dstAddr(inet6("2001:db8::2"))
                    .correctChecksumAtBuild(true)
                    .correctLengthAtBuild(true)
                    .paddingAtBuild(true)));

    private TestFrames() {
    }

    /** Returns every frame above by name, in a fixed order: frame i of the cross-check pcap is entry i. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> frames = new LinkedHashMap<>();
        frames.put("ARP_REQUEST", ARP_REQUEST);
        frames.put("ARP_REPLY", ARP_REPLY);
        frames.put("ARP_ANNOUNCEMENT", ARP_ANNOUNCEMENT);
        frames.put("ARP_PROBE", ARP_PROBE);
        frames.put("ICMP_ECHO_REQUEST", ICMP_ECHO_REQUEST);
        frames.put("ICMP_ECHO_REPLY", ICMP_ECHO_REPLY);
        frames.put("UDP_DATAGRAM", UDP_DATAGRAM);
        frames.put("ICMP_PORT_UNREACHABLE", ICMP_PORT_UNREACHABLE);
        frames.put("IPV4_FIRST_FRAGMENT", IPV4_FIRST_FRAGMENT);
        frames.put("IPV4_LAST_FRAGMENT", IPV4_LAST_FRAGMENT);
        frames.put("TCP_SYN", TCP_SYN);
        frames.put("TCP_SYN_ACK", TCP_SYN_ACK);
        frames.put("TCP_DATA", TCP_DATA);
        frames.put("TCP_RST", TCP_RST);
        frames.put("TCP_SYN_OPTIONS", TCP_SYN_OPTIONS);
        frames.put("TCP_SYN_LARGE_SHIFT", TCP_SYN_LARGE_SHIFT);
        frames.put("NS_DAD", NS_DAD);
        frames.put("NS_ADDRESS_RESOLUTION", NS_ADDRESS_RESOLUTION);
        frames.put("NA_SOLICITED", NA_SOLICITED);
        frames.put("RA_WITH_PREFIX", RA_WITH_PREFIX);
        frames.put("ICMPV6_ECHO_REQUEST", ICMPV6_ECHO_REQUEST);
        frames.put("UDP6_DATAGRAM", UDP6_DATAGRAM);
        frames.put("TCP6_SYN", TCP6_SYN);
        frames.put("MLD2_REPORT", MldFrames.MLD2_REPORT);
        frames.put("MLD2_REPORT_UNSPECIFIED_SOURCE", MldFrames.MLD2_REPORT_UNSPECIFIED_SOURCE);
        frames.put("MLD2_REPORT_NO_HOP_BY_HOP", MldFrames.MLD2_REPORT_NO_HOP_BY_HOP);
        frames.put("MLD2_REPORT_TRUNCATED_RECORD", MldFrames.MLD2_REPORT_TRUNCATED_RECORD);
        frames.put("MLD1_QUERY_GENERAL", MldFrames.MLD1_QUERY_GENERAL);
        frames.put("MLD2_QUERY_SPECIFIC", MldFrames.MLD2_QUERY_SPECIFIC);
        frames.put("MLD2_QUERY_GENERAL", MldFrames.MLD2_QUERY_GENERAL);
        frames.put("MLD1_REPORT", MldFrames.MLD1_REPORT);
        frames.put("MLD1_DONE", MldFrames.MLD1_DONE);
        return frames;
    }

    private enum Flags { SYN, SYN_ACK, PSH_ACK, RST_ACK }

    private static byte[] arp(ArpOperation operation, MacAddress senderMac, String senderIp, MacAddress targetMac,
            String targetIp, MacAddress ethernetDestination) {
        ArpPacket.Builder arp = new ArpPacket.Builder()
                .hardwareType(ArpHardwareType.ETHERNET)
                .protocolType(EtherType.IPV4)
                .hardwareAddrLength((byte) MacAddress.SIZE_IN_BYTES)
                .protocolAddrLength((byte) 4)
                .operation(operation)
                .srcHardwareAddr(senderMac)
                .srcProtocolAddr(inet4(senderIp))
                .dstHardwareAddr(targetMac)
                .dstProtocolAddr(inet4(targetIp));
        return ethernet(senderMac, ethernetDestination, EtherType.ARP, arp);
    }

    private static byte[] ethernet(MacAddress source, MacAddress destination, EtherType type, Packet.Builder payload) {
        return new EthernetPacket.Builder()
                .srcAddr(source)
                .dstAddr(destination)
                .type(type)
                .payloadBuilder(payload)
                .paddingAtBuild(true)
                .build()
                .getRawData();
    }

    private static IpV4Packet.Builder ipv4(String source, String destination, IpNumber protocol, int ttl,
            boolean dontFragment, int identification, int tos, Packet.Builder payload) {
        return new IpV4Packet.Builder()
                .version(IpVersion.IPV4)
                .tos(IpV4Rfc791Tos.newInstance((byte) tos))
                .identification((short) identification)
                .dontFragmentFlag(dontFragment)
                .ttl((byte) ttl)
                .protocol(protocol)
                .srcAddr(inet4(source))
                .dstAddr(inet4(destination))
                .payloadBuilder(payload)
                .correctChecksumAtBuild(true)
                .correctLengthAtBuild(true);
    }

    private static IpV4Packet.Builder fragment(boolean moreFragments, short offset) {
        return new IpV4Packet.Builder()
                .version(IpVersion.IPV4)
                .tos(IpV4Rfc791Tos.newInstance((byte) 0))
                .identification((short) 9)
                .moreFragmentFlag(moreFragments)
                .fragmentOffset(offset)
                .ttl((byte) 64)
                .protocol(IpNumber.UDP)
                .srcAddr(inet4("10.0.0.1"))
                .dstAddr(inet4("10.0.0.2"))
                .payloadBuilder(new UnknownPacket.Builder().rawData(new byte[16]))
                .correctChecksumAtBuild(true)
                .correctLengthAtBuild(true);
    }

    private static UdpPacket.Builder udp4Builder() {
        return new UdpPacket.Builder()
                .srcPort(UdpPort.getInstance((short) 5000))
                .dstPort(UdpPort.getInstance((short) 7777))
                .srcAddr(inet4("10.0.0.1"))
                .dstAddr(inet4("10.0.0.2"))
                .payloadBuilder(data("hello"))
                .correctChecksumAtBuild(true)
                .correctLengthAtBuild(true);
    }

    private static byte[] tcp4(String source, String destination, MacAddress sourceMac, MacAddress destinationMac,
            int sourcePort, int destinationPort, long sequence, long acknowledgment, Flags flags, int mss, String payload) {
        TcpPacket.Builder tcp = new TcpPacket.Builder()
                .srcPort(TcpPort.getInstance((short) sourcePort))
                .dstPort(TcpPort.getInstance((short) destinationPort))
                .sequenceNumber((int) sequence)
                .acknowledgmentNumber((int) acknowledgment)
                .syn(flags == Flags.SYN || flags == Flags.SYN_ACK)
                .ack(flags != Flags.SYN)
                .psh(flags == Flags.PSH_ACK)
                .rst(flags == Flags.RST_ACK)
                .window((short) 65535)
                .options(mss == 0 ? List.of() : List.of(mss(mss)))
                .srcAddr(inet4(source))
                .dstAddr(inet4(destination))
                .correctChecksumAtBuild(true)
                .correctLengthAtBuild(true)
                .paddingAtBuild(true);
        if (!payload.isEmpty()) {
            tcp.payloadBuilder(data(payload));
        }
        return ethernet(sourceMac, destinationMac, EtherType.IPV4,
                ipv4(source, destination, IpNumber.TCP, 64, true, 0x5555, 0, tcp));
    }

    private static byte[] tcp4WithOptions(short urgentPointer, List<TcpPacket.TcpOption> options) {
        TcpPacket.Builder tcp = new TcpPacket.Builder()
                .srcPort(TcpPort.getInstance((short) 40001))
                .dstPort(TcpPort.getInstance((short) 80))
                .sequenceNumber(2000)
                .acknowledgmentNumber(0)
                .syn(true)
                .urg(urgentPointer != 0)
                .urgentPointer(urgentPointer)
                .window((short) 64240)
                .options(options)
                .srcAddr(inet4("10.0.0.1"))
                .dstAddr(inet4("10.0.0.2"))
                .correctChecksumAtBuild(true)
                .correctLengthAtBuild(true)
                .paddingAtBuild(true);
        return ethernet(MAC_A, MAC_B, EtherType.IPV4, ipv4("10.0.0.1", "10.0.0.2", IpNumber.TCP, 64, true, 0x5556, 0, tcp));
    }

    private static TcpWindowScaleOption windowScale(int shift) {
        return new TcpWindowScaleOption.Builder().shiftCount((byte) shift).correctLengthAtBuild(true).build();
    }

    private static TcpTimestampsOption timestamps(int value, int echoReply) {
        return new TcpTimestampsOption.Builder().tsValue(value).tsEchoReply(echoReply).correctLengthAtBuild(true).build();
    }

    private static TcpMaximumSegmentSizeOption mss(int value) {
        return new TcpMaximumSegmentSizeOption.Builder()
                .maxSegSize((short) value)
                .correctLengthAtBuild(true)
                .build();
    }

    private static IpV6Packet.Builder ipv6(String source, String destination, int hopLimit, int trafficClass,
            int flowLabel, Packet.Builder payload) {
        IpNumber next = payload instanceof UdpPacket.Builder ? IpNumber.UDP
                : payload instanceof TcpPacket.Builder ? IpNumber.TCP : IpNumber.ICMPV6;
        return new IpV6Packet.Builder()
                .version(IpVersion.IPV6)
                .trafficClass(IpV6SimpleTrafficClass.newInstance((byte) trafficClass))
                .flowLabel(IpV6SimpleFlowLabel.newInstance(flowLabel))
                .nextHeader(next)
                .hopLimit((byte) hopLimit)
                .srcAddr(inet6(source))
                .dstAddr(inet6(destination))
                .payloadBuilder(payload)
                .correctLengthAtBuild(true);
    }

    private static IcmpV6CommonPacket.Builder icmpv6(String source, String destination, IcmpV6Type type,
            Packet.Builder body) {
        return new IcmpV6CommonPacket.Builder()
                .type(type)
                .code(IcmpV6Code.NO_CODE)
                .srcAddr(inet6(source))
                .dstAddr(inet6(destination))
                .payloadBuilder(body)
                .correctChecksumAtBuild(true);
    }

    private static UnknownPacket.Builder data(String text) {
        return new UnknownPacket.Builder().rawData(text.getBytes(StandardCharsets.US_ASCII));
    }

    static MacAddress mac(String text) {
        return MacAddress.getByAddress(io.stackbench.sim.net.MacAddress.parse(text).toBytes());
    }

    static Inet4Address inet4(String text) {
        byte[] octets = Literals.ipv4Octets(text);
        if (octets == null) {
            throw new IllegalArgumentException("invalid IPv4 address in a test frame: " + text);
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(octets);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static Inet6Address inet6(String text) {
        byte[] octets = Literals.ipv6Octets(text);
        if (octets == null) {
            throw new IllegalArgumentException("invalid IPv6 address in a test frame: " + text);
        }
        try {
            return Inet6Address.getByAddress(null, octets, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
