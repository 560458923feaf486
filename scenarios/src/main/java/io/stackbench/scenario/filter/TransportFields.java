package io.stackbench.scenario.filter;

import org.pcap4j.packet.TcpMaximumSegmentSizeOption;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.TcpSackPermittedOption;
import org.pcap4j.packet.TcpTimestampsOption;
import org.pcap4j.packet.TcpWindowScaleOption;
import org.pcap4j.packet.UdpPacket;

/** Extracts the udp and tcp fields. */
final class TransportFields {

    private TransportFields() {
    }

    static void udp(UdpPacket packet, FrameFields.Builder out) {
        UdpPacket.UdpHeader header = packet.getHeader();
        int sourcePort = header.getSrcPort().valueAsInt();
        int destinationPort = header.getDstPort().valueAsInt();

        out.protocol(FilterField.UDP);
        out.number(FilterField.UDP_SRCPORT, sourcePort);
        out.number(FilterField.UDP_DSTPORT, destinationPort);
        out.number(FilterField.UDP_PORT, sourcePort);
        out.number(FilterField.UDP_PORT, destinationPort);
        out.number(FilterField.UDP_LENGTH, header.getLengthAsInt());
        out.number(FilterField.UDP_CHECKSUM, header.getChecksum() & 0xffff);
    }

    /** Extracts the tcp fields; tcp.seq and tcp.ack are the raw values, never relative ones. */
    static void tcp(TcpPacket packet, FrameFields.Builder out) {
        TcpPacket.TcpHeader header = packet.getHeader();
        int sourcePort = header.getSrcPort().valueAsInt();
        int destinationPort = header.getDstPort().valueAsInt();

        out.protocol(FilterField.TCP);
        out.number(FilterField.TCP_SRCPORT, sourcePort);
        out.number(FilterField.TCP_DSTPORT, destinationPort);
        out.number(FilterField.TCP_PORT, sourcePort);
        out.number(FilterField.TCP_PORT, destinationPort);
        out.number(FilterField.TCP_SEQ, header.getSequenceNumberAsLong());
        out.number(FilterField.TCP_SEQ_RAW, header.getSequenceNumberAsLong());
        out.number(FilterField.TCP_ACK, header.getAcknowledgmentNumberAsLong());
        out.number(FilterField.TCP_ACK_RAW, header.getAcknowledgmentNumberAsLong());
        out.number(FilterField.TCP_HDR_LEN, header.getDataOffsetAsInt() * 4L);
        out.flag(FilterField.TCP_FLAGS_FIN, header.getFin());
        out.flag(FilterField.TCP_FLAGS_SYN, header.getSyn());
        out.flag(FilterField.TCP_FLAGS_RESET, header.getRst());
        out.flag(FilterField.TCP_FLAGS_PUSH, header.getPsh());
        out.flag(FilterField.TCP_FLAGS_ACK, header.getAck());
        out.flag(FilterField.TCP_FLAGS_URG, header.getUrg());
        out.number(FilterField.TCP_WINDOW_SIZE_VALUE, header.getWindowAsInt());
        out.number(FilterField.TCP_CHECKSUM, header.getChecksum() & 0xffff);
        out.number(FilterField.TCP_URGENT_POINTER, header.getUrgentPointerAsInt());
        for (TcpPacket.TcpOption option : header.getOptions()) {
            options(option, out);
        }
        // pcap4j bounds the TCP packet by the IP length, so Ethernet padding is not counted.
        out.number(FilterField.TCP_LEN, packet.length() - header.length());
    }

    private static void options(TcpPacket.TcpOption option, FrameFields.Builder out) {
        out.number(FilterField.TCP_OPTION_KIND, option.getKind().value() & 0xff);
        if (option instanceof TcpMaximumSegmentSizeOption mss) {
            out.number(FilterField.TCP_OPTIONS_MSS_VAL, mss.getMaxSegSizeAsInt());
        } else if (option instanceof TcpWindowScaleOption windowScale) {
            int shift = windowScale.getShiftCountAsInt();
            out.number(FilterField.TCP_OPTIONS_WSCALE_SHIFT, shift);
            // Wireshark computes the multiplier from a shift capped at 14, the RFC 7323 §2.3 maximum.
            out.number(FilterField.TCP_OPTIONS_WSCALE_MULTIPLIER, 1L << Math.min(shift, 14));
        } else if (option instanceof TcpSackPermittedOption) {
            out.protocol(FilterField.TCP_OPTIONS_SACK_PERM);
        } else if (option instanceof TcpTimestampsOption timestamps) {
            out.number(FilterField.TCP_OPTIONS_TIMESTAMP_TSVAL, timestamps.getTsValueAsLong());
            out.number(FilterField.TCP_OPTIONS_TIMESTAMP_TSECR, timestamps.getTsEchoReplyAsLong());
        }
    }
}
