package io.stackbench.stack.wire;

import java.util.Objects;

/**
 * A view of a Fragment header (RFC 8200 §4.5): Next Header, a reserved byte, the Fragment Offset
 * with two reserved bits and the M flag, and the 32-bit Identification. Its length is always 8.
 *
 * <p>The constructor checks only that the range lies inside the array, so call {@link #check()}
 * (or {@link Ipv6FragmentRepr#parse}) before reading a received header.
 */
public final class Ipv6FragmentHeader {

    public static final int LENGTH = 8;

    private static final int NEXT_HEADER = 0;
    private static final int RESERVED = 1;
    private static final int OFFSET_FLAGS = 2;
    private static final int IDENTIFICATION = 4;

    private static final int MORE_FRAGMENTS = 0x0001;
    private static final int RESERVED_BITS = 0x0006;

    private final byte[] buffer;
    private final int offset;
    private final int length;

    /** Wraps {@code buffer[offset, offset + length)}. */
    public Ipv6FragmentHeader(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    /** Wraps a whole array. */
    public Ipv6FragmentHeader(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    /** Checks that the view contains the 8-byte header. */
    public void check() throws MalformedPacketException {
        if (length < LENGTH) {
            throw Ipv6Packet.malformed(MalformedPacketException.Reason.TRUNCATED,
                    "fragment header of " + length + " bytes is shorter than " + LENGTH + " bytes");
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

    public IpProtocol nextHeader() {
        return new IpProtocol(Bytes.readU8(buffer, offset + NEXT_HEADER));
    }

    public void setNextHeader(IpProtocol nextHeader) {
        buffer[offset + NEXT_HEADER] = (byte) nextHeader.value();
    }

    /** Fragment Offset in units of 8 bytes, as on the wire. */
    public int fragmentOffset() {
        return Bytes.readU16(buffer, offset + OFFSET_FLAGS) >>> 3;
    }

    public void setFragmentOffset(int eightByteUnits) {
        int flags = Bytes.readU16(buffer, offset + OFFSET_FLAGS) & 0x7;
        Bytes.writeU16(buffer, offset + OFFSET_FLAGS, ((eightByteUnits << 3) & 0xfff8) | flags);
    }

    /** Returns the M flag: more fragments follow this one. */
    public boolean moreFragments() {
        return (Bytes.readU16(buffer, offset + OFFSET_FLAGS) & MORE_FRAGMENTS) != 0;
    }

    public void setMoreFragments(boolean moreFragments) {
        int field = Bytes.readU16(buffer, offset + OFFSET_FLAGS);
        Bytes.writeU16(buffer, offset + OFFSET_FLAGS, moreFragments ? field | MORE_FRAGMENTS : field & ~MORE_FRAGMENTS);
    }

    /** Clears the reserved byte and the two reserved bits before the M flag. */
    public void clearReserved() {
        buffer[offset + RESERVED] = 0;
        int field = Bytes.readU16(buffer, offset + OFFSET_FLAGS);
        Bytes.writeU16(buffer, offset + OFFSET_FLAGS, field & ~RESERVED_BITS);
    }

    /** Identification, compared as an unsigned 32-bit number. */
    public long identification() {
        return Bytes.readU32(buffer, offset + IDENTIFICATION);
    }

    public void setIdentification(long identification) {
        Bytes.writeU32(buffer, offset + IDENTIFICATION, identification);
    }

    /** Returns the index in {@link #buffer()} of the fragment data after the header. */
    public int payloadOffset() {
        return offset + LENGTH;
    }
}
