package io.stackbench.stack.wire;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The fields of a Routing header (RFC 8200 §4.4). {@code data} is everything after Segments Left,
 * kept raw because its layout depends on the routing type, so the header is
 * {@code 4 + data.length} bytes long, a multiple of 8.
 */
public record Ipv6RoutingRepr(IpProtocol nextHeader, int routingType, int segmentsLeft, byte[] data) {

    /** Source routing, deprecated by RFC 5095 because it allows traffic amplification. */
    public static final int TYPE_0 = 0;
    /** Mobile IPv6 home address (RFC 6275 §6.4). */
    public static final int TYPE_2 = 2;
    /** Segment Routing Header (RFC 8754). */
    public static final int SEGMENT_ROUTING = 4;

    public Ipv6RoutingRepr {
        Objects.requireNonNull(nextHeader, "nextHeader");
        requireU8("routingType", routingType);
        requireU8("segmentsLeft", segmentsLeft);
        Ipv6ExtensionHeaders.requireHeaderLength("IPv6 routing", 4 + data.length);
        data = data.clone();
    }

    private static void requireU8(String field, int value) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("IPv6 routing " + field + " " + value + " does not fit in 8 bits");
        }
    }

    /**
     * Reads a received header. Whether the routing type is known, and what to do when it is not,
     * is left to the IPv6 layer (RFC 8200 §4.4).
     *
     * @throws MalformedPacketException {@code ipv6.truncated} when the view ends inside the header
     */
    public static Ipv6RoutingRepr parse(Ipv6RoutingHeader header) throws MalformedPacketException {
        header.check();
        byte[] data = Arrays.copyOfRange(header.buffer(), header.dataOffset(), header.dataOffset() + header.dataLength());
        return new Ipv6RoutingRepr(header.nextHeader(), header.routingType(), header.segmentsLeft(), data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Returns the header length in bytes. */
    public int bufferLength() {
        return 4 + data.length;
    }

    /** Writes the whole header into the start of {@code header}. */
    public void emit(Ipv6RoutingHeader header) {
        Bytes.requireCapacity(header.length(), bufferLength(), "IPv6 routing header");
        header.setNextHeader(nextHeader);
        header.setHeaderExtensionLength(bufferLength() / Ipv6ExtensionHeaders.UNIT - 1);
        header.setRoutingType(routingType);
        header.setSegmentsLeft(segmentsLeft);
        System.arraycopy(data, 0, header.buffer(), header.dataOffset(), data.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv6RoutingRepr other && nextHeader.equals(other.nextHeader)
                && routingType == other.routingType && segmentsLeft == other.segmentsLeft
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nextHeader, routingType, segmentsLeft, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "Ipv6RoutingRepr[nextHeader=" + nextHeader + ", routingType=" + routingType
                + ", segmentsLeft=" + segmentsLeft + ", data=" + HexFormat.of().formatHex(data) + "]";
    }
}
