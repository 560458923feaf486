package io.stackbench.stack.wire;

import java.util.Objects;

/**
 * A view of an IPv4 datagram (RFC 791 §3.1) in a byte array.
 *
 * <p>Accessors read and write the header fields directly. The constructor checks only that the
 * range lies inside the array, so call {@link #check()} (or {@link Ipv4Repr#parse}) before reading
 * a datagram received from the network. The view may be longer than the datagram, for example
 * when it covers a padded Ethernet payload: the payload accessors honour the Total Length field.
 */
public final class Ipv4Packet {

    public static final String PROTOCOL = "ipv4";

    public static final int VERSION = 4;
    /** Length of a header without options, in bytes. */
    public static final int MIN_HEADER_LENGTH = 20;
    /** Largest value of the Total Length field, in bytes. */
    public static final int MAX_TOTAL_LENGTH = 0xffff;

    private static final int VERSION_IHL = 0;
    private static final int DSCP_ECN = 1;
    private static final int TOTAL_LENGTH = 2;
    private static final int IDENTIFICATION = 4;
    private static final int FLAGS_FRAGMENT_OFFSET = 6;
    private static final int TTL = 8;
    private static final int PROTOCOL_FIELD = 9;
    private static final int HEADER_CHECKSUM = 10;
    private static final int SOURCE = 12;
    private static final int DESTINATION = 16;

    private static final int FLAG_RESERVED = 0x8000;
    private static final int FLAG_DONT_FRAGMENT = 0x4000;
    private static final int FLAG_MORE_FRAGMENTS = 0x2000;
    private static final int FRAGMENT_OFFSET_MASK = 0x1fff;

    private final byte[] buffer;
    private final int offset;
    private final int length;

    /** Wraps {@code buffer[offset, offset + length)}. */
    public Ipv4Packet(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    /** Wraps a whole array. */
    public Ipv4Packet(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    /**
     * Checks the version (RFC 1122 §3.2.1.1) and that the header length, the total length and the
     * buffer fit each other. {@link Ipv4Repr#parse} checks the header checksum (RFC 1122 §3.2.1.2).
     */
    public void check() throws MalformedPacketException {
        if (length < MIN_HEADER_LENGTH) {
            throw malformed(MalformedPacketException.Reason.TRUNCATED,
                    "datagram of " + length + " bytes is shorter than the " + MIN_HEADER_LENGTH + "-byte header");
        }
        if (version() != VERSION) {
            throw malformed(MalformedPacketException.Reason.BAD_VERSION,
                    "version " + version() + " is not 4");
        }
        if (internetHeaderLength() < MIN_HEADER_LENGTH / 4) {
            throw malformed(MalformedPacketException.Reason.BAD_HEADER_LENGTH,
                    "IHL " + internetHeaderLength() + " is below the minimum of 5 words");
        }
        if (totalLength() < headerLength()) {
            throw malformed(MalformedPacketException.Reason.BAD_LENGTH,
                    "total length " + totalLength() + " is shorter than the " + headerLength() + "-byte header");
        }
        if (totalLength() > length) {
            throw malformed(MalformedPacketException.Reason.TRUNCATED,
                    "total length " + totalLength() + " exceeds the " + length + " bytes received");
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
        return Bytes.readU8(buffer, offset + VERSION_IHL) >>> 4;
    }

    public void setVersion(int version) {
        buffer[offset + VERSION_IHL] = (byte) ((version << 4) | internetHeaderLength());
    }

    /** IHL: the header length in 32-bit words. */
    public int internetHeaderLength() {
        return buffer[offset + VERSION_IHL] & 0x0f;
    }

    public void setInternetHeaderLength(int words) {
        buffer[offset + VERSION_IHL] = (byte) ((version() << 4) | (words & 0x0f));
    }

    /** Returns the header length in bytes, IHL times four. */
    public int headerLength() {
        return internetHeaderLength() * 4;
    }

    /** Differentiated Services Code Point, the upper six bits of the old TOS byte (RFC 2474). */
    public int dscp() {
        return Bytes.readU8(buffer, offset + DSCP_ECN) >>> 2;
    }

    public void setDscp(int dscp) {
        buffer[offset + DSCP_ECN] = (byte) ((dscp << 2) | ecn());
    }

    /** Explicit Congestion Notification, the lower two bits of the old TOS byte (RFC 3168). */
    public int ecn() {
        return buffer[offset + DSCP_ECN] & 0x03;
    }

    public void setEcn(int ecn) {
        buffer[offset + DSCP_ECN] = (byte) ((dscp() << 2) | (ecn & 0x03));
    }

    /** Total Length: header plus data, in bytes. */
    public int totalLength() {
        return Bytes.readU16(buffer, offset + TOTAL_LENGTH);
    }

    public void setTotalLength(int totalLength) {
        Bytes.writeU16(buffer, offset + TOTAL_LENGTH, totalLength);
    }

    public int identification() {
        return Bytes.readU16(buffer, offset + IDENTIFICATION);
    }

    public void setIdentification(int identification) {
        Bytes.writeU16(buffer, offset + IDENTIFICATION, identification);
    }

    /** Returns the first flag bit, which RFC 791 reserves and requires to be zero. */
    public boolean reservedFlag() {
        return (flagsAndFragmentOffset() & FLAG_RESERVED) != 0;
    }

    public void setReservedFlag(boolean reservedFlag) {
        setFlag(FLAG_RESERVED, reservedFlag);
    }

    /** Returns the DF (Don't Fragment) flag. */
    public boolean dontFragment() {
        return (flagsAndFragmentOffset() & FLAG_DONT_FRAGMENT) != 0;
    }

    public void setDontFragment(boolean dontFragment) {
        setFlag(FLAG_DONT_FRAGMENT, dontFragment);
    }

    /** Returns the MF (More Fragments) flag. */
    public boolean moreFragments() {
        return (flagsAndFragmentOffset() & FLAG_MORE_FRAGMENTS) != 0;
    }

    public void setMoreFragments(boolean moreFragments) {
        setFlag(FLAG_MORE_FRAGMENTS, moreFragments);
    }

    /** Fragment Offset in units of 8 bytes, as on the wire. */
    public int fragmentOffset() {
        return flagsAndFragmentOffset() & FRAGMENT_OFFSET_MASK;
    }

    public void setFragmentOffset(int eightByteUnits) {
        int flags = flagsAndFragmentOffset() & ~FRAGMENT_OFFSET_MASK;
        Bytes.writeU16(buffer, offset + FLAGS_FRAGMENT_OFFSET, flags | (eightByteUnits & FRAGMENT_OFFSET_MASK));
    }

    private int flagsAndFragmentOffset() {
        return Bytes.readU16(buffer, offset + FLAGS_FRAGMENT_OFFSET);
    }

    private void setFlag(int flag, boolean set) {
        int field = flagsAndFragmentOffset();
        Bytes.writeU16(buffer, offset + FLAGS_FRAGMENT_OFFSET, set ? field | flag : field & ~flag);
    }

    public int timeToLive() {
        return Bytes.readU8(buffer, offset + TTL);
    }

    public void setTimeToLive(int timeToLive) {
        buffer[offset + TTL] = (byte) timeToLive;
    }

    public IpProtocol protocol() {
        return new IpProtocol(Bytes.readU8(buffer, offset + PROTOCOL_FIELD));
    }

    public void setProtocol(IpProtocol protocol) {
        buffer[offset + PROTOCOL_FIELD] = (byte) protocol.value();
    }

    public int headerChecksum() {
        return Bytes.readU16(buffer, offset + HEADER_CHECKSUM);
    }

    public void setHeaderChecksum(int checksum) {
        Bytes.writeU16(buffer, offset + HEADER_CHECKSUM, checksum);
    }

    public Ipv4Address sourceAddress() {
        return Ipv4Address.read(buffer, offset + SOURCE);
    }

    public void setSourceAddress(Ipv4Address address) {
        address.write(buffer, offset + SOURCE);
    }

    public Ipv4Address destinationAddress() {
        return Ipv4Address.read(buffer, offset + DESTINATION);
    }

    public void setDestinationAddress(Ipv4Address address) {
        address.write(buffer, offset + DESTINATION);
    }

    /** True when the header checksum over {@link #headerLength()} bytes verifies. */
    public boolean verifyChecksum() {
        return InternetChecksum.verify(buffer, offset, headerLength());
    }

    /** Computes the header checksum over {@link #headerLength()} bytes and stores it. */
    public void fillChecksum() {
        setHeaderChecksum(0);
        setHeaderChecksum(InternetChecksum.compute(buffer, offset, headerLength()));
    }

    /** Returns the index in {@link #buffer()} where the data after the header and options starts. */
    public int payloadOffset() {
        return offset + headerLength();
    }

    /** Returns the data length from the Total Length field, so trailing link padding is excluded. */
    public int payloadLength() {
        return totalLength() - headerLength();
    }
}
