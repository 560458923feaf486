package io.stackbench.stack.wire;

import java.util.Locale;
import java.util.Objects;

/**
 * The fields of an IPv4 header (RFC 791 §3.1) that the stack uses. Options and the
 * reserved flag are not represented, so {@link #emit} always writes a 20-byte header.
 *
 * <p>{@code fragmentOffset} is in units of 8 bytes, as on the wire, and
 * {@link #fragmentOffsetBytes()} converts it to bytes. {@code payloadLength} is the data length
 * in bytes after the header.
 */
public record Ipv4Repr(
        Ipv4Address source,
        Ipv4Address destination,
        IpProtocol protocol,
        int timeToLive,
        int identification,
        boolean dontFragment,
        boolean moreFragments,
        int fragmentOffset,
        int dscp,
        int ecn,
        int payloadLength) {

    /** Largest payload behind a 20-byte header: the Total Length field is 16 bits. */
    public static final int MAX_PAYLOAD_LENGTH = Ipv4Packet.MAX_TOTAL_LENGTH - Ipv4Packet.MIN_HEADER_LENGTH;

    public Ipv4Repr {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(protocol, "protocol");
        requireRange("timeToLive", timeToLive, 0xff);
        requireRange("identification", identification, 0xffff);
        requireRange("fragmentOffset", fragmentOffset, 0x1fff);
        requireRange("dscp", dscp, 0x3f);
        requireRange("ecn", ecn, 0x03);
        requireRange("payloadLength", payloadLength, MAX_PAYLOAD_LENGTH);
    }

    private static void requireRange(String field, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("IPv4 " + field + " " + value + " is not between 0 and " + max);
        }
    }

    /**
     * Reads a received datagram. Options are skipped, and bytes after Total Length (link padding)
     * are ignored.
     *
     * @throws MalformedPacketException with reason TRUNCATED, BAD_VERSION, BAD_HEADER_LENGTH,
     *     BAD_LENGTH (see {@link Ipv4Packet#check()}) or BAD_CHECKSUM
     */
    public static Ipv4Repr parse(Ipv4Packet packet) throws MalformedPacketException {
        packet.check();

        if (!packet.verifyChecksum()) {
            throw Ipv4Packet.malformed(MalformedPacketException.Reason.BAD_CHECKSUM,
                    String.format(Locale.ROOT, "header checksum 0x%04x does not verify", packet.headerChecksum()));
        }

        return new Ipv4Repr(
                packet.sourceAddress(),
                packet.destinationAddress(),
                packet.protocol(),
                packet.timeToLive(),
                packet.identification(),
                packet.dontFragment(),
                packet.moreFragments(),
                packet.fragmentOffset(),
                packet.dscp(),
                packet.ecn(),
                packet.payloadLength());
    }

    /** Returns the Fragment Offset in bytes. */
    public int fragmentOffsetBytes() {
        return fragmentOffset * 8;
    }

    /** Returns the length of the header that {@link #emit} writes, 20 bytes. */
    public int headerLength() {
        return Ipv4Packet.MIN_HEADER_LENGTH;
    }

    /** Returns the datagram length, header plus payload. */
    public int bufferLength() {
        return headerLength() + payloadLength;
    }

    /**
     * Writes a 20-byte header with a correct checksum into the start of {@code packet}. The payload
     * bytes are left as they are, for the caller to write behind {@link Ipv4Packet#payloadOffset()}.
     */
    public void emit(Ipv4Packet packet) {
        Bytes.requireCapacity(packet.length(), headerLength(), "IPv4 packet");
        packet.setVersion(Ipv4Packet.VERSION);
        packet.setInternetHeaderLength(Ipv4Packet.MIN_HEADER_LENGTH / 4);
        packet.setDscp(dscp);
        packet.setEcn(ecn);
        packet.setTotalLength(bufferLength());
        packet.setIdentification(identification);

        packet.setReservedFlag(false);
        packet.setDontFragment(dontFragment);
        packet.setMoreFragments(moreFragments);
        packet.setFragmentOffset(fragmentOffset);
        packet.setTimeToLive(timeToLive);
        packet.setProtocol(protocol);
        packet.setSourceAddress(source);
        packet.setDestinationAddress(destination);
        packet.fillChecksum();
    }
}
