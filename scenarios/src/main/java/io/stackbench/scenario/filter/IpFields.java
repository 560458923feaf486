package io.stackbench.scenario.filter;

import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6Packet;

/** Extracts the ip and ipv6 fields. */
final class IpFields {

    private IpFields() {
    }

    static void ipv4(IpV4Packet packet, FrameFields.Builder out) {
        IpV4Packet.IpV4Header header = packet.getHeader();
        byte[] source = header.getSrcAddr().getAddress();
        byte[] destination = header.getDstAddr().getAddress();

        out.protocol(FilterField.IP);
        out.number(FilterField.IP_VERSION, header.getVersion().value() & 0xff);
        out.number(FilterField.IP_HDR_LEN, header.getIhlAsInt() * 4L);
        out.number(FilterField.IP_DSFIELD, header.getTos().value() & 0xff);
        out.number(FilterField.IP_LEN, header.getTotalLengthAsInt());
        out.number(FilterField.IP_ID, header.getIdentificationAsInt());
        out.flag(FilterField.IP_FLAGS_DF, header.getDontFragmentFlag());
        out.flag(FilterField.IP_FLAGS_MF, header.getMoreFragmentFlag());
        out.number(FilterField.IP_FRAG_OFFSET, header.getFragmentOffset() & 0x1fff);
        out.number(FilterField.IP_TTL, header.getTtlAsInt());
        out.number(FilterField.IP_PROTO, header.getProtocol().value() & 0xff);
        out.address(FilterField.IP_SRC, source);
        out.address(FilterField.IP_DST, destination);
        out.address(FilterField.IP_ADDR, source);
        out.address(FilterField.IP_ADDR, destination);
        out.number(FilterField.IP_CHECKSUM, header.getHeaderChecksum() & 0xffff);
    }

    static void ipv6(IpV6Packet packet, FrameFields.Builder out) {
        IpV6Packet.IpV6Header header = packet.getHeader();
        byte[] source = header.getSrcAddr().getAddress();
        byte[] destination = header.getDstAddr().getAddress();

        out.protocol(FilterField.IPV6);
        out.number(FilterField.IPV6_VERSION, header.getVersion().value() & 0xff);
        out.number(FilterField.IPV6_TCLASS, header.getTrafficClass().value() & 0xff);
        out.number(FilterField.IPV6_FLOW, header.getFlowLabel().value() & 0xfffff);
        out.number(FilterField.IPV6_PLEN, header.getPayloadLengthAsInt());
        out.number(FilterField.IPV6_NXT, header.getNextHeader().value() & 0xff);
        out.number(FilterField.IPV6_HLIM, header.getHopLimitAsInt());
        out.address(FilterField.IPV6_SRC, source);
        out.address(FilterField.IPV6_DST, destination);
        out.address(FilterField.IPV6_ADDR, source);
        out.address(FilterField.IPV6_ADDR, destination);
    }
}
