package io.stackbench.stack.wire;

import java.util.Objects;

/**
 * The fields of an IPv6 fixed header (RFC 8200 §3). The version is always 6, so it is not a field.
 * {@code payloadLength} is the Payload Length field: the bytes after the 40-byte header, including
 * any extension headers.
 */
public record Ipv6Repr(
        Ipv6Address source,
        Ipv6Address destination,
        IpProtocol nextHeader,
        int hopLimit,
        int trafficClass,
        int flowLabel,
        int payloadLength) {

    public Ipv6Repr {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(nextHeader, "nextHeader");
        requireRange("hopLimit", hopLimit, 0xff);
        requireRange("trafficClass", trafficClass, 0xff);
        requireRange("flowLabel", flowLabel, 0xf_ffff);
        requireRange("payloadLength", payloadLength, Ipv6Packet.MAX_PAYLOAD_LENGTH);
        if (payloadLength == 0 && !nextHeader.equals(IpProtocol.IPV6_NONXT)) {
            throw new IllegalArgumentException("IPv6 payload length 0 requires next header IPV6_NONXT (59), not "
                    + nextHeader + ", because parse rejects any other empty payload");
        }
    }

    private static void requireRange(String field, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("IPv6 " + field + " " + value + " is not between 0 and " + max);
        }
    }

    /**
     * Reads the fixed header of a received packet. Bytes after Payload Length (link padding) are
     * ignored. Extension headers are not read: walk them with {@link Ipv6HeaderChain#walk}.
     *
     * @throws MalformedPacketException with reason TRUNCATED, BAD_VERSION or BAD_LENGTH (see
     *     {@link Ipv6Packet#check()})
     */
    public static Ipv6Repr parse(Ipv6Packet packet) throws MalformedPacketException {
        packet.check();
        return new Ipv6Repr(
                packet.sourceAddress(),
                packet.destinationAddress(),
                packet.nextHeader(),
                packet.hopLimit(),
                packet.trafficClass(),
                packet.flowLabel(),
                packet.payloadLength());
    }

    /** Returns the length of the fixed header, 40 bytes. */
    public int headerLength() {
        return Ipv6Packet.HEADER_LENGTH;
    }

    /** Returns the packet length, header plus payload. */
    public int bufferLength() {
        return headerLength() + payloadLength;
    }

    /**
     * Writes the 40-byte header into the start of {@code packet}. The payload bytes are left as they
     * are, for the caller to write behind {@link Ipv6Packet#payloadOffset()}.
     */
    public void emit(Ipv6Packet packet) {
        Bytes.requireCapacity(packet.length(), headerLength(), "IPv6 packet");
        packet.setVersion(Ipv6Packet.VERSION);
        packet.setTrafficClass(trafficClass);
        packet.setFlowLabel(flowLabel);
        packet.setPayloadLength(payloadLength);
        packet.setNextHeader(nextHeader);
        packet.setHopLimit(hopLimit);
        packet.setSourceAddress(source);
        packet.setDestinationAddress(destination);
    }
}
