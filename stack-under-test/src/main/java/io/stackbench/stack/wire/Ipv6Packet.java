package io.stackbench.stack.wire;

import java.util.Objects;

/**
 * A view of an IPv6 packet (RFC 8200 §3) in a byte array: the 40-byte fixed header and the
 * payload, which starts with any extension headers.
 *
 * <p>Accessors read and write the header fields directly. The constructor checks only that the
 * range lies inside the array, so call {@link #check()} (or {@link Ipv6Repr#parse}) before reading
 * a packet received from the network. The view may be longer than the packet, for example when it
 * covers a padded Ethernet payload: the payload accessors honour the Payload Length field.
 */
public final class Ipv6Packet {

    public static final String PROTOCOL = "ipv6";

    public static final int VERSION = 6;
    public static final int HEADER_LENGTH = 40;
    /** Largest value of the Payload Length field, in bytes. */
    public static final int MAX_PAYLOAD_LENGTH = 0xffff;
    /** Smallest link MTU that IPv6 allows (RFC 8200 §5). */
    public static final int MIN_MTU = 1280;

    private static final int VERSION_TRAFFIC_CLASS_FLOW_LABEL = 0;
    private static final int PAYLOAD_LENGTH = 4;
    private static final int NEXT_HEADER = 6;
    private static final int HOP_LIMIT = 7;
    private static final int SOURCE = 8;
    private static final int DESTINATION = 24;

    private static final int FLOW_LABEL_MASK = 0x000f_ffff;

    private final byte[] buffer;
    private final int offset;
    private final int length;

    /** Wraps {@code buffer[offset, offset + length)}. */
    public Ipv6Packet(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    /** Wraps a whole array. */
    public Ipv6Packet(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    /**
     * Checks the version and that the Payload Length fits the buffer. Bytes after the payload, such
     * as Ethernet padding, are allowed and ignored.
     *
     * <p>A Payload Length of 0 is accepted only when the next header is No Next Header (59), the
     * one payload that may be empty (RFC 8200 §4.7). Every extension header and upper-layer header
     * is longer than zero bytes, and a zero field with a Hop-by-Hop header would mean a jumbogram
     * (RFC 2675 §3), which no Ethernet link can carry, so those packets are rejected here.
     */
    public void check() throws MalformedPacketException {
        if (length < HEADER_LENGTH) {
            throw malformed(MalformedPacketException.Reason.TRUNCATED,
                    "packet of " + length + " bytes is shorter than the " + HEADER_LENGTH + "-byte header");
        }
        if (version() != VERSION) {
            throw malformed(MalformedPacketException.Reason.BAD_VERSION,
                    "version " + version() + " is not 6");
        }
        if (payloadLength() > length - HEADER_LENGTH) {
            throw malformed(MalformedPacketException.Reason.TRUNCATED,
                    "payload length " + payloadLength() + " exceeds the " + (length - HEADER_LENGTH)
                            + " bytes received after the header");
        }
        if (payloadLength() == 0 && !nextHeader().equals(IpProtocol.IPV6_NONXT)) {
            throw malformed(MalformedPacketException.Reason.BAD_LENGTH,
                    "payload length 0 with next header " + nextHeader()
                            + ": only No Next Header (59) may be empty, and jumbograms are not supported");
        }
    }

    static MalformedPacketException malformed(MalformedPacketException.Reason reason, String detail) {
        return new MalformedPacketException(PROTOCOL, reason, detail);
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

    public int version() {
        return Bytes.readU8(buffer, offset + VERSION_TRAFFIC_CLASS_FLOW_LABEL) >>> 4;
    }

    public void setVersion(int version) {
        int first = Bytes.readU8(buffer, offset + VERSION_TRAFFIC_CLASS_FLOW_LABEL);
        buffer[offset + VERSION_TRAFFIC_CLASS_FLOW_LABEL] = (byte) ((version << 4) | (first & 0x0f));
    }

    /** Traffic Class: DSCP in the upper six bits and ECN in the lower two (RFC 2474, RFC 3168). */
    public int trafficClass() {
        return (firstWord() >>> 20) & 0xff;
    }

    public void setTrafficClass(int trafficClass) {
        setFirstWord((firstWord() & 0xf00f_ffff) | ((trafficClass & 0xff) << 20));
    }

    /** Flow Label, 20 bits (RFC 6437). */
    public int flowLabel() {
        return firstWord() & FLOW_LABEL_MASK;
    }

    public void setFlowLabel(int flowLabel) {
        setFirstWord((firstWord() & ~FLOW_LABEL_MASK) | (flowLabel & FLOW_LABEL_MASK));
    }

    private int firstWord() {
        return (Bytes.readU16(buffer, offset) << 16) | Bytes.readU16(buffer, offset + 2);
    }

    private void setFirstWord(int word) {
        Bytes.writeU16(buffer, offset, word >>> 16);
        Bytes.writeU16(buffer, offset + 2, word & 0xffff);
    }

    /** Payload Length: the bytes after the 40-byte header, extension headers included. */
    public int payloadLength() {
        return Bytes.readU16(buffer, offset + PAYLOAD_LENGTH);
    }

    public void setPayloadLength(int payloadLength) {
        Bytes.writeU16(buffer, offset + PAYLOAD_LENGTH, payloadLength);
    }

    /** Next Header: the type of the first extension header, or of the upper-layer header. */
    public IpProtocol nextHeader() {
        return new IpProtocol(Bytes.readU8(buffer, offset + NEXT_HEADER));
    }

    public void setNextHeader(IpProtocol nextHeader) {
        buffer[offset + NEXT_HEADER] = (byte) nextHeader.value();
    }

    public int hopLimit() {
        return Bytes.readU8(buffer, offset + HOP_LIMIT);
    }

    public void setHopLimit(int hopLimit) {
        buffer[offset + HOP_LIMIT] = (byte) hopLimit;
    }

    public Ipv6Address sourceAddress() {
        return Ipv6Address.read(buffer, offset + SOURCE);
    }

    public void setSourceAddress(Ipv6Address address) {
        address.write(buffer, offset + SOURCE);
    }

    public Ipv6Address destinationAddress() {
        return Ipv6Address.read(buffer, offset + DESTINATION);
    }

    public void setDestinationAddress(Ipv6Address address) {
        address.write(buffer, offset + DESTINATION);
    }

    /** Returns the index in {@link #buffer()} where the payload after the fixed header starts. */
    public int payloadOffset() {
        return offset + HEADER_LENGTH;
    }
}
