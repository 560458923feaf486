package io.stackbench.stack.wire;

import java.util.Objects;

/**
 * A view of an ICMPv4 message (RFC 792) in a byte array: type, code, checksum, four bytes whose
 * meaning depends on the type, and the data.
 *
 * <p>The view covers exactly the message, normally the IPv4 payload, because the checksum covers
 * every byte of it. The constructor checks only that the range lies inside the array, so call
 * {@link #check()} (or {@link Icmpv4Repr#parse}) before reading a received message.
 */
public final class Icmpv4Packet {

    public static final String PROTOCOL = "icmpv4";

    /** Length of type, code, checksum and the four type-specific bytes. */
    public static final int HEADER_LENGTH = 8;

    private static final int TYPE = 0;
    private static final int CODE = 1;
    private static final int CHECKSUM = 2;
    private static final int IDENTIFIER = 4;
    private static final int SEQUENCE_NUMBER = 6;
    private static final int NEXT_HOP_MTU = 6;

    private final byte[] buffer;
    private final int offset;
    private final int length;

    /** Wraps {@code buffer[offset, offset + length)}. */
    public Icmpv4Packet(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    /** Wraps a whole array. */
    public Icmpv4Packet(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    /** Checks that the message contains the 8-byte header. {@link Icmpv4Repr#parse} checks the checksum. */
    public void check() throws MalformedPacketException {
        if (length < HEADER_LENGTH) {
            throw new MalformedPacketException(PROTOCOL, MalformedPacketException.Reason.TRUNCATED,
                    "message of " + length + " bytes is shorter than the " + HEADER_LENGTH + "-byte header");
        }
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

    public Icmpv4Type type() {
        return new Icmpv4Type(Bytes.readU8(buffer, offset + TYPE));
    }

    public void setType(Icmpv4Type type) {
        buffer[offset + TYPE] = (byte) type.value();
    }

    public int code() {
        return Bytes.readU8(buffer, offset + CODE);
    }

    public void setCode(int code) {
        buffer[offset + CODE] = (byte) code;
    }

    public int checksum() {
        return Bytes.readU16(buffer, offset + CHECKSUM);
    }

    public void setChecksum(int checksum) {
        Bytes.writeU16(buffer, offset + CHECKSUM, checksum);
    }

    /** Identifier of an echo or timestamp message. */
    public int identifier() {
        return Bytes.readU16(buffer, offset + IDENTIFIER);
    }

    public void setIdentifier(int identifier) {
        Bytes.writeU16(buffer, offset + IDENTIFIER, identifier);
    }

    /** Sequence Number of an echo or timestamp message. */
    public int sequenceNumber() {
        return Bytes.readU16(buffer, offset + SEQUENCE_NUMBER);
    }

    public void setSequenceNumber(int sequenceNumber) {
        Bytes.writeU16(buffer, offset + SEQUENCE_NUMBER, sequenceNumber);
    }

    /** Next-Hop MTU of a Destination Unreachable with code 4, zero in the others (RFC 1191 §4). */
    public int nextHopMtu() {
        return Bytes.readU16(buffer, offset + NEXT_HOP_MTU);
    }

    /** Sets all four type-specific bytes: two zero bytes, then the Next-Hop MTU. */
    public void setNextHopMtu(int nextHopMtu) {
        Bytes.writeU16(buffer, offset + IDENTIFIER, 0);
        Bytes.writeU16(buffer, offset + NEXT_HOP_MTU, nextHopMtu);
    }

    /** True when the checksum over the whole message verifies. */
    public boolean verifyChecksum() {
        return InternetChecksum.verify(buffer, offset, length);
    }

    /** Computes the checksum over the whole message and stores it. */
    public void fillChecksum() {
        setChecksum(0);
        setChecksum(InternetChecksum.compute(buffer, offset, length));
    }

    /** Returns the index in {@link #buffer()} of the data after the 8-byte header. */
    public int dataOffset() {
        return offset + HEADER_LENGTH;
    }

    public int dataLength() {
        return length - HEADER_LENGTH;
    }
}
