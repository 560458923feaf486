package io.stackbench.stack.wire;

import java.util.Objects;

/**
 * A view of a Routing header (RFC 8200 §4.4): Next Header, Hdr Ext Len, Routing Type, Segments Left
 * and data whose layout depends on the routing type.
 *
 * <p>The view starts at the header and may run on past it. The constructor checks only that the
 * range lies inside the array, so call {@link #check()} (or {@link Ipv6RoutingRepr#parse}) before
 * reading a received header.
 */
public final class Ipv6RoutingHeader {

    private static final int ROUTING_TYPE = 2;
    private static final int SEGMENTS_LEFT = 3;
    private static final int DATA = 4;

    private final byte[] buffer;
    private final int offset;
    private final int length;

    /** Wraps {@code buffer[offset, offset + length)}. */
    public Ipv6RoutingHeader(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    /** Wraps a whole array. */
    public Ipv6RoutingHeader(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    /** Checks that the view contains the whole header. */
    public void check() throws MalformedPacketException {
        Ipv6ExtensionHeaders.check("routing", buffer, offset, length);
    }

    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public IpProtocol nextHeader() {
        return new IpProtocol(Bytes.readU8(buffer, offset + Ipv6ExtensionHeaders.NEXT_HEADER));
    }

    public void setNextHeader(IpProtocol nextHeader) {
        buffer[offset + Ipv6ExtensionHeaders.NEXT_HEADER] = (byte) nextHeader.value();
    }

    /** Hdr Ext Len: the header length in 8-byte units, not counting the first 8 bytes. */
    public int headerExtensionLength() {
        return Bytes.readU8(buffer, offset + Ipv6ExtensionHeaders.HEADER_EXTENSION_LENGTH);
    }

    public void setHeaderExtensionLength(int units) {
        buffer[offset + Ipv6ExtensionHeaders.HEADER_EXTENSION_LENGTH] = (byte) units;
    }

    /** Returns the header length in bytes, from Hdr Ext Len. */
    public int headerLength() {
        return Ipv6ExtensionHeaders.lengthFromField(headerExtensionLength());
    }

    public int routingType() {
        return Bytes.readU8(buffer, offset + ROUTING_TYPE);
    }

    public void setRoutingType(int routingType) {
        buffer[offset + ROUTING_TYPE] = (byte) routingType;
    }

    /** Segments Left: the number of route segments still to visit before the final destination. */
    public int segmentsLeft() {
        return Bytes.readU8(buffer, offset + SEGMENTS_LEFT);
    }

    public void setSegmentsLeft(int segmentsLeft) {
        buffer[offset + SEGMENTS_LEFT] = (byte) segmentsLeft;
    }

    /** Returns the index in {@link #buffer()} of the type-specific data after the first four bytes. */
    public int dataOffset() {
        return offset + DATA;
    }

    public int dataLength() {
        return headerLength() - DATA;
    }
}
