package io.stackbench.report.html;

import java.net.InetAddress;
import java.util.Locale;
import org.pcap4j.packet.ArpPacket;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IcmpV4EchoPacket;
import org.pcap4j.packet.IcmpV4EchoReplyPacket;
import org.pcap4j.packet.IcmpV6CommonPacket;
import org.pcap4j.packet.IcmpV6EchoReplyPacket;
import org.pcap4j.packet.IcmpV6EchoRequestPacket;
import org.pcap4j.packet.IcmpV6NeighborAdvertisementPacket;
import org.pcap4j.packet.IcmpV6NeighborSolicitationPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IcmpV6RouterAdvertisementPacket;
import org.pcap4j.packet.IpV6NeighborDiscoveryPrefixInformationOption;
import org.pcap4j.packet.IpV6NeighborDiscoveryTargetLinkLayerAddressOption;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.namednumber.ArpOperation;
import org.pcap4j.packet.namednumber.IcmpV4Type;
import org.pcap4j.packet.namednumber.IcmpV6Type;

/**
 * A one-line description of a frame in the words people use for it on the wire, decoded with
 * pcap4j (never with the stack's codecs).
 *
 * @param text the label drawn on the arrow, such as {@code ICMP echo request seq=3}
 * @param kind the label without per-frame counters such as sequence numbers, so that frames of one
 *     repeated exchange share a kind and can be folded
 */
record FrameLabel(String text, String kind) {

    private static final int ETHERNET_HEADER_LENGTH = 14;
    private static final int IPV6_HEADER_LENGTH = 40;
    private static final int HOP_BY_HOP = 0;
    private static final int ROUTING = 43;
    private static final int DESTINATION_OPTIONS = 60;
    private static final int ICMPV6 = 58;
    private static final int MLDV2_REPORT = 143;

    private static FrameLabel of(String text) {
        return new FrameLabel(text, text);
    }

    /** Describes {@code frame}, falling back to its EtherType or length when pcap4j cannot decode it. */
    static FrameLabel describe(byte[] frame) {
        if (frame.length < ETHERNET_HEADER_LENGTH) {
            return of("runt frame (" + frame.length + " bytes)");
        }
        EthernetPacket ethernet;
        try {
            ethernet = EthernetPacket.newPacket(frame, 0, frame.length);
        } catch (IllegalRawDataException | RuntimeException e) {
            return of("undecodable frame (" + frame.length + " bytes)");
        }

        try {
            // get(Class) returns the outermost layer of that class, so the datagram quoted inside
            // an ICMP error does not label the frame.
            ArpPacket arp = ethernet.get(ArpPacket.class);
            if (arp != null) {
                return arp(arp.getHeader());
            }
            IpV4Packet ipv4 = ethernet.get(IpV4Packet.class);
            if (ipv4 != null) {
                return ipv4(ipv4);
            }
            IpV6Packet ipv6 = ethernet.get(IpV6Packet.class);
            if (ipv6 != null) {
                return ipv6(ipv6);
            }
        } catch (RuntimeException e) {
            // pcap4j 1.8.2 raises unchecked exceptions from some accessors of malformed headers.
            return of("malformed " + ethernet.getHeader().getType().name() + " frame (" + frame.length + " bytes)");
        }
        int etherType = ((frame[12] & 0xff) << 8) | (frame[13] & 0xff);
        return of(String.format(Locale.ROOT, "EtherType 0x%04x (%d bytes)", etherType, frame.length));
    }

    private static FrameLabel arp(ArpPacket.ArpHeader arp) {
        String sender = address(arp.getSrcProtocolAddr());
        String target = address(arp.getDstProtocolAddr());
        ArpOperation operation = arp.getOperation();
        if (ArpOperation.REQUEST.equals(operation)) {
            if (sender.equals(target)) {
                return of("gratuitous ARP " + sender);
            }
            if (arp.getSrcProtocolAddr().isAnyLocalAddress()) {
                // RFC 5227 §2.1.1: a probe carries an all-zero sender protocol address.
                return of("ARP probe who-has " + target);
            }
            return of("ARP who-has " + target + " tell " + sender);
        }
        if (ArpOperation.REPLY.equals(operation)) {
            String text = "ARP " + sender + " is-at " + arp.getSrcHardwareAddr();
            return of(sender.equals(target) ? "gratuitous " + text : text);
        }
        return of("ARP opcode " + (operation.value() & 0xffff) + " " + sender + " → " + target);
    }

    private static FrameLabel ipv4(IpV4Packet ipv4) {
        IcmpV4CommonPacket icmp = ipv4.get(IcmpV4CommonPacket.class);
        if (icmp != null) {
            IcmpV4Type type = icmp.getHeader().getType();
            if (IcmpV4Type.ECHO.equals(type) && icmp.get(IcmpV4EchoPacket.class) != null) {
                int sequence = icmp.get(IcmpV4EchoPacket.class).getHeader().getSequenceNumberAsInt();
                return new FrameLabel("ICMP echo request seq=" + sequence, "ICMP echo request");
            }
            if (IcmpV4Type.ECHO_REPLY.equals(type) && icmp.get(IcmpV4EchoReplyPacket.class) != null) {
                int sequence = icmp.get(IcmpV4EchoReplyPacket.class).getHeader().getSequenceNumberAsInt();
                return new FrameLabel("ICMP echo reply seq=" + sequence, "ICMP echo reply");
            }
            return of("ICMP " + type.name().toLowerCase(Locale.ROOT) + " (" + icmp.getHeader().getCode().name().toLowerCase(Locale.ROOT)
                    + ")");
        }
        String source = address(ipv4.getHeader().getSrcAddr());
        String destination = address(ipv4.getHeader().getDstAddr());
        FrameLabel transport = transport(ipv4, source, destination);
        if (transport != null) {
            return transport;
        }
        return of("IPv4 " + source + " → " + destination + " protocol " + ipv4.getHeader().getProtocol().valueAsString());
    }

    private static FrameLabel ipv6(IpV6Packet ipv6) {
        IcmpV6CommonPacket icmp = icmpv6After(ipv6.getRawData());
        if (icmp != null) {
            return icmpv6(icmp, ipv6.getHeader().getSrcAddr().isAnyLocalAddress());
        }
        String source = address(ipv6.getHeader().getSrcAddr());
        String destination = address(ipv6.getHeader().getDstAddr());
        FrameLabel transport = transport(ipv6, source, destination);
        if (transport != null) {
            return transport;
        }
        return of("IPv6 " + source + " → " + destination + " next header " + ipv6.getHeader().getNextHeader().valueAsString());
    }

    /**
     * Returns the ICMPv6 message that follows the IPv6 header and its extension headers, or null
     * when there is none. The offset comes from each extension header's Hdr Ext Len field. pcap4j
     * 1.8.2 ends a Hop-by-Hop Options header before a PadN option of length 0, so it reads an MLDv2
     * report's 8-byte Router Alert header as 6 bytes and misreads the message after it.
     */
    private static IcmpV6CommonPacket icmpv6After(byte[] ip) {
        int nextHeader = ip[6] & 0xff;
        int offset = IPV6_HEADER_LENGTH;
        int end = Math.min(ip.length, IPV6_HEADER_LENGTH + (((ip[4] & 0xff) << 8) | (ip[5] & 0xff)));
        while ((nextHeader == HOP_BY_HOP || nextHeader == ROUTING || nextHeader == DESTINATION_OPTIONS) && offset + 2 <= end) {
            int following = ip[offset] & 0xff;
            offset += ((ip[offset + 1] & 0xff) + 1) * 8;
            nextHeader = following;
        }
        if (nextHeader != ICMPV6 || offset >= end) {
            return null;
        }
        try {
            return IcmpV6CommonPacket.newPacket(ip, offset, end - offset);
        } catch (IllegalRawDataException e) {
            return null;
        }
    }

    private static FrameLabel icmpv6(IcmpV6CommonPacket icmp, boolean fromUnspecified) {
        IcmpV6Type type = icmp.getHeader().getType();
        IcmpV6NeighborSolicitationPacket solicitation = icmp.get(IcmpV6NeighborSolicitationPacket.class);
        if (solicitation != null) {
            String target = address(solicitation.getHeader().getTargetAddress());
            // Duplicate address detection sends its solicitation from the unspecified address.
            return of("NS who-has " + target + (fromUnspecified ? " (DAD probe)" : ""));
        }

        IcmpV6NeighborAdvertisementPacket advertisement = icmp.get(IcmpV6NeighborAdvertisementPacket.class);
        if (advertisement != null) {
            IcmpV6NeighborAdvertisementPacket.IcmpV6NeighborAdvertisementHeader header = advertisement.getHeader();
            StringBuilder text = new StringBuilder("NA ").append(address(header.getTargetAddress()));
            for (IcmpV6CommonPacket.IpV6NeighborDiscoveryOption option : header.getOptions()) {
                if (option instanceof IpV6NeighborDiscoveryTargetLinkLayerAddressOption linkLayer) {
                    text.append(" is-at ").append(linkLayer.getLinkLayerAddressAsMacAddress());
                }
            }
            return of(text.toString());
        }

        if (IcmpV6Type.ECHO_REQUEST.equals(type) && icmp.get(IcmpV6EchoRequestPacket.class) != null) {
            int sequence = icmp.get(IcmpV6EchoRequestPacket.class).getHeader().getSequenceNumberAsInt();
            return new FrameLabel("ICMPv6 echo request seq=" + sequence, "ICMPv6 echo request");
        }
        if (IcmpV6Type.ECHO_REPLY.equals(type) && icmp.get(IcmpV6EchoReplyPacket.class) != null) {
            int sequence = icmp.get(IcmpV6EchoReplyPacket.class).getHeader().getSequenceNumberAsInt();
            return new FrameLabel("ICMPv6 echo reply seq=" + sequence, "ICMPv6 echo reply");
        }

        if (IcmpV6Type.ROUTER_SOLICITATION.equals(type)) {
            return of("RS");
        }
        IcmpV6RouterAdvertisementPacket routerAdvertisement = icmp.get(IcmpV6RouterAdvertisementPacket.class);
        if (routerAdvertisement != null) {
            return routerAdvertisement(routerAdvertisement.getHeader());
        }
        if ((type.value() & 0xff) == MLDV2_REPORT) {
            return of("MLDv2 report");
        }
        return of("ICMPv6 " + type.name().toLowerCase(Locale.ROOT));
    }

    private static FrameLabel routerAdvertisement(IcmpV6RouterAdvertisementPacket.IcmpV6RouterAdvertisementHeader header) {
        StringBuilder text = new StringBuilder("RA lifetime ").append(header.getRouterLifetimeAsInt()).append('s');
        for (IcmpV6CommonPacket.IpV6NeighborDiscoveryOption option : header.getOptions()) {
            if (option instanceof IpV6NeighborDiscoveryPrefixInformationOption prefix) {
                text.append(" prefix ").append(address(prefix.getPrefix())).append('/').append(prefix.getPrefixLengthAsInt());
            }
        }
        return of(text.toString());
    }

    /** Returns the UDP or TCP label of {@code ip}, or null when it carries neither. */
    private static FrameLabel transport(org.pcap4j.packet.Packet ip, String source, String destination) {
        UdpPacket udp = ip.get(UdpPacket.class);
        if (udp != null) {
            String ports = "UDP " + source + ":" + udp.getHeader().getSrcPort().valueAsString() + " → " + destination + ":"
                    + udp.getHeader().getDstPort().valueAsString();
            int length = udp.getPayload() == null ? 0 : udp.getPayload().length();
            return new FrameLabel(ports + " len=" + length, ports);
        }
        TcpPacket tcp = ip.get(TcpPacket.class);
        if (tcp != null) {
            TcpPacket.TcpHeader header = tcp.getHeader();
            String ports = "TCP " + header.getSrcPort().valueAsString() + " → " + header.getDstPort().valueAsString() + " [" + flags(header)
                    + "]";
            int length = tcp.getPayload() == null ? 0 : tcp.getPayload().length();
            String text = ports + " seq=" + header.getSequenceNumberAsLong() + (header.getAck() ? " ack=" + header.getAcknowledgmentNumberAsLong() : "")
                    + " len=" + length;
            return new FrameLabel(text, ports);
        }
        return null;
    }

    private static String flags(TcpPacket.TcpHeader header) {
        StringBuilder flags = new StringBuilder();
        appendFlag(flags, header.getSyn(), "SYN");
        appendFlag(flags, header.getFin(), "FIN");
        appendFlag(flags, header.getRst(), "RST");
        appendFlag(flags, header.getPsh(), "PSH");
        appendFlag(flags, header.getAck(), "ACK");
        appendFlag(flags, header.getUrg(), "URG");
        return flags.toString();
    }

    private static void appendFlag(StringBuilder flags, boolean set, String name) {
        if (set) {
            flags.append(flags.length() == 0 ? "" : ", ").append(name);
        }
    }

    /** Formats an IPv4 address in dotted decimal and an IPv6 address in the RFC 5952 §4 compressed form. */
    static String address(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != 16) {
            return address.getHostAddress();
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }

        // RFC 5952 §4.2: "::" replaces the longest run of two or more zero groups, the first on a tie.
        int bestStart = -1;
        int bestLength = 1;
        for (int start = 0; start < 8; start++) {
            int length = 0;
            while (start + length < 8 && groups[start + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }

        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
