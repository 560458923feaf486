package io.stackbench.scenario.peer;

import io.stackbench.scenario.load.Addresses;
import io.stackbench.scenario.model.TcpScript;
import io.stackbench.sim.engine.SimTime;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.packet.TcpMaximumSegmentSizeOption;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.TcpTimestampsOption;
import org.pcap4j.packet.TcpWindowScaleOption;
import org.pcap4j.packet.namednumber.TcpOptionKind;

/**
 * A TCP segment the stack sent to a tcp-peer, decoded with pcap4j.
 *
 * @param arrivedNanos when it reached the peer
 * @param seq sequence number on the wire
 * @param ack acknowledgment number on the wire
 * @param flags header bits, as {@link TcpScript#FIN} and the others
 * @param options the options in order; an unknown kind is named by its number
 * @param checksumValid whether the checksum over the pseudo-header is right
 */
public record ObservedSegment(long arrivedNanos, InetAddress source, InetAddress destination, int sourcePort, int destinationPort, long seq,
        long ack, int flags, int window, List<TcpScript.Option> options, byte[] payload, boolean checksumValid) {

    /** Decodes {@code tcp}, which arrived at {@code now} inside an IP packet from {@code source} to {@code destination}. */
    static ObservedSegment of(long now, InetAddress source, InetAddress destination, TcpPacket tcp) {
        TcpPacket.TcpHeader header = tcp.getHeader();
        int flags = (header.getFin() ? TcpScript.FIN : 0) | (header.getSyn() ? TcpScript.SYN : 0) | (header.getRst() ? TcpScript.RST : 0)
                | (header.getPsh() ? TcpScript.PSH : 0) | (header.getAck() ? TcpScript.ACK : 0) | (header.getUrg() ? TcpScript.URG : 0)
                // pcap4j keeps ECE and CWR in the two low bits of its six reserved bits.
                | ((header.getReserved() & 0x01) != 0 ? TcpScript.ECE : 0) | ((header.getReserved() & 0x02) != 0 ? TcpScript.CWR : 0);
        List<TcpScript.Option> options = new ArrayList<>();
        for (TcpPacket.TcpOption option : header.getOptions()) {
            options.add(option(option));
        }
        byte[] payload = tcp.getPayload() == null ? new byte[0] : tcp.getPayload().getRawData();
        return new ObservedSegment(now, source, destination, header.getSrcPort().valueAsInt(), header.getDstPort().valueAsInt(),
                header.getSequenceNumberAsLong(), header.getAcknowledgmentNumberAsLong(), flags, header.getWindowAsInt(), List.copyOf(options),
                payload, tcp.hasValidChecksum(source, destination, false));
    }

    private static TcpScript.Option option(TcpPacket.TcpOption option) {
        if (option instanceof TcpMaximumSegmentSizeOption mss) {
            return new TcpScript.Option("mss", (long) mss.getMaxSegSizeAsInt(), null);
        } else if (option instanceof TcpWindowScaleOption scale) {
            return new TcpScript.Option("wscale", (long) scale.getShiftCountAsInt(), null);
        } else if (option instanceof TcpTimestampsOption timestamps) {
            return new TcpScript.Option("TS", timestamps.getTsValueAsLong(), timestamps.getTsEchoReplyAsLong());
        }
        TcpOptionKind kind = option.getKind();
        if (kind.equals(TcpOptionKind.SACK_PERMITTED)) {
            return new TcpScript.Option("sackOK", null, null);
        } else if (kind.equals(TcpOptionKind.NO_OPERATION)) {
            return new TcpScript.Option("nop", null, null);
        } else if (kind.equals(TcpOptionKind.END_OF_OPTION_LIST)) {
            return new TcpScript.Option("eol", null, null);
        }
        return new TcpScript.Option("kind " + (kind.value() & 0xff), null, null);
    }

    /** Returns the segment's sequence space length: payload bytes plus one for SYN and one for FIN (RFC 9293 §3.4). */
    long length() {
        return payload.length + ((flags & TcpScript.SYN) != 0 ? 1 : 0) + ((flags & TcpScript.FIN) != 0 ? 1 : 0);
    }

    /**
     * Describes the segment as tcpdump would, with seq relative to {@code stackIsn} and ack relative
     * to {@code peerIsn}. A negative ISN prints the absolute value instead.
     */
    String describe(long stackIsn, long peerIsn) {
        StringBuilder text = new StringBuilder(TcpScript.formatFlags(flags));
        text.append(" seq ").append(relative(seq, stackIsn));
        if ((flags & TcpScript.ACK) != 0 || ack != 0) {
            text.append(" ack ").append(relative(ack, peerIsn));
        }
        text.append(" win ").append(window);
        if (!options.isEmpty()) {
            text.append(" <").append(String.join(",", options.stream().map(TcpScript.Option::toString).toList())).append('>');
        }
        text.append(" length ").append(payload.length);
        if (!checksumValid) {
            text.append(" (bad checksum)");
        }
        text.append(", ").append(Addresses.format(source)).append(' ').append(sourcePort).append(" > ")
                .append(Addresses.format(destination)).append(' ').append(destinationPort)
                .append(", at ").append(SimTime.format(arrivedNanos));
        return text.toString();
    }

    private static String relative(long value, long isn) {
        return isn < 0 ? value + " (absolute)" : String.valueOf(TcpScript.relative(value, isn));
    }
}
