package io.stackbench.scenario.filter;

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
import org.pcap4j.packet.IcmpV6RouterAdvertisementPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.factory.PacketFactories;
import org.pcap4j.packet.namednumber.IpNumber;

/**
 * Walks the layers that pcap4j decoded from a frame and hands each one to the decoder of its protocol.
 *
 * <p>pcap4j's iterator visits the frame and every nested payload, including the datagram quoted in
 * an ICMP error, so quoted headers contribute field occurrences as they do in Wireshark. pcap4j 1.8.2
 * stores a header it cannot parse as an {@code IllegalPacket}, which no decoder here matches, so that
 * protocol's fields are simply absent. After a Hop-by-Hop Options, Routing or Destination Options
 * header, the layers are parsed again from the offset that the header's own length gives.
 */
final class FrameDecoder {

    private static final int ETHERNET_HEADER_LENGTH = 14;

    private FrameDecoder() {
    }

    static void decode(byte[] frame, FrameFields.Builder out) {
        if (frame.length < ETHERNET_HEADER_LENGTH) {
            // Only frame.len is known, and pcap4j 1.8.2 raises IllegalArgumentException for an empty array.
            return;
        }
        EthernetPacket ethernet;
        try {
            ethernet = EthernetPacket.newPacket(frame, 0, frame.length);
        } catch (IllegalRawDataException | RuntimeException e) {
            // pcap4j wraps most bad headers in IllegalPacket, but matching must not throw even
            // where one of its parsers raises an unchecked exception instead.
            return;
        }

        decodeLayers(ethernet, frame, 0, out);
    }

    /**
     * Decodes {@code outermost}, which pcap4j parsed from {@code frame} at {@code start}, and every layer
     * nested in it. Each pcap4j packet has at most one payload, so the iterator visits a single chain,
     * and a layer starts where the headers of the layers before it end.
     */
    private static void decodeLayers(Packet outermost, byte[] frame, int start, FrameFields.Builder out) {
        int position = start;
        for (Packet layer : outermost) {
            try {
                decodeLayer(layer, out);
            } catch (RuntimeException e) {
                // NOTE: the fields of this layer that follow the failing pcap4j accessor stay absent.
            }
            if (layer instanceof IpV6Packet && Ipv6ExtensionHeaders.startsWithExtensionHeader(frame, position)) {
                // pcap4j may misread these headers (see Ipv6ExtensionHeaders), so every layer it
                // parsed inside this packet is dropped and the rest is parsed again from our offset.
                decodeAfterExtensionHeaders(frame, position, out);
                return;
            }
            Packet.Header header = layer.getHeader();
            position += header == null ? 0 : header.length();
        }
    }

    private static void decodeAfterExtensionHeaders(byte[] frame, int ipv6Start, FrameFields.Builder out) {
        Ipv6ExtensionHeaders.UpperLayer upper = Ipv6ExtensionHeaders.walk(frame, ipv6Start, out);
        if (upper.truncated() || upper.offset() >= upper.end()) {
            return;
        }
        Packet payload;
        try {
            payload = PacketFactories.getFactory(Packet.class, IpNumber.class).newInstance(
                    frame, upper.offset(), upper.end() - upper.offset(), IpNumber.getInstance((byte) upper.protocol()));
        } catch (RuntimeException e) {
            return;
        }
        decodeLayers(payload, frame, upper.offset(), out);
    }

    private static void decodeLayer(Packet layer, FrameFields.Builder out) {
        if (layer instanceof EthernetPacket ethernet) {
            LinkLayerFields.ethernet(ethernet, out);
        } else if (layer instanceof ArpPacket arp) {
            LinkLayerFields.arp(arp, out);
        } else if (layer instanceof IpV4Packet ipv4) {
            IpFields.ipv4(ipv4, out);
        } else if (layer instanceof IpV6Packet ipv6) {
            IpFields.ipv6(ipv6, out);
        } else if (layer instanceof IcmpV4CommonPacket icmp) {
            IcmpFields.icmpv4(icmp, out);
        } else if (layer instanceof IcmpV4EchoPacket echo) {
            IcmpFields.icmpv4Echo(echo.getHeader().getIdentifierAsInt(), echo.getHeader().getSequenceNumberAsInt(), out);
        } else if (layer instanceof IcmpV4EchoReplyPacket echo) {
            IcmpFields.icmpv4Echo(echo.getHeader().getIdentifierAsInt(), echo.getHeader().getSequenceNumberAsInt(), out);
        } else if (layer instanceof IcmpV6CommonPacket icmpv6) {
            IcmpFields.icmpv6(icmpv6, out);
        } else if (layer instanceof IcmpV6NeighborSolicitationPacket solicitation) {
            IcmpFields.neighborSolicitation(solicitation, out);
        } else if (layer instanceof IcmpV6NeighborAdvertisementPacket advertisement) {
            IcmpFields.neighborAdvertisement(advertisement, out);
        } else if (layer instanceof IcmpV6RouterAdvertisementPacket advertisement) {
            IcmpFields.routerAdvertisement(advertisement, out);
        } else if (layer instanceof IcmpV6EchoRequestPacket echo) {
            IcmpFields.icmpv6Echo(echo.getHeader().getIdentifierAsInt(), echo.getHeader().getSequenceNumberAsInt(), out);
        } else if (layer instanceof IcmpV6EchoReplyPacket echo) {
            IcmpFields.icmpv6Echo(echo.getHeader().getIdentifierAsInt(), echo.getHeader().getSequenceNumberAsInt(), out);
        } else if (layer instanceof UdpPacket udp) {
            TransportFields.udp(udp, out);
        } else if (layer instanceof TcpPacket tcp) {
            TransportFields.tcp(tcp, out);
        }
    }
}
