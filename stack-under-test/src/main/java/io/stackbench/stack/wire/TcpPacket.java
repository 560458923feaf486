package io.stackbench.stack.wire;

import java.util.Objects;

/**
 * A view of a TCP segment (RFC 9293 §3.1) in a byte array: the fixed 20-byte header, up to 40
 * bytes of options and the segment data.
 *
 * <p>The view covers exactly the segment, normally the IP payload, because the checksum covers
 * every byte of it and the pseudo-header gives its length. The constructor checks only that the
 * range lies inside the array, so call {@link #check()} (or {@link TcpRepr#parse}) before reading
 * a segment received from the network.
 */
public final class TcpPacket {

    public static final String PROTOCOL = "tcp";

    /** Length of a header without options, in bytes. */
    public static final int MIN_HEADER_LENGTH = 20;
    /** Length of a header with the most options, Data Offset 15, in bytes. */
    public static final int MAX_HEADER_LENGTH = 60;

    private static final int SOURCE_PORT = 0;
    private static final int DESTINATION_PORT = 2;
    private static final int SEQUENCE_NUMBER = 4;
    private static final int ACKNOWLEDGMENT_NUMBER = 8;
    private static final int DATA_OFFSET_RESERVED = 12;
    private static final int CONTROL_BITS = 13;
    private static final int WINDOW = 14;
    private static final int CHECKSUM = 16;
    private static final int URGENT_POINTER = 18;

    private final byte[] buffer;
    private final int offset;
    private final int length;

    /** Wraps {@code buffer[offset, offset + length)}. */
    public TcpPacket(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    /** Wraps a whole array. */
    public TcpPacket(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    /**
     * Checks that the segment contains the fixed header and that the Data Offset lies between the
     * fixed header and the end of the segment. {@link TcpRepr#parse} checks the checksum and the
     * options.
     */
    public void check() throws MalformedPacketException {
        if (length < MIN_HEADER_LENGTH) {
            throw malformed(MalformedPacketException.Reason.TRUNCATED,
                    "segment of " + length + " bytes is shorter than the " + MIN_HEADER_LENGTH + "-byte header");
        }
        if (dataOffset() < MIN_HEADER_LENGTH / 4) {
            throw malformed(MalformedPacketException.Reason.BAD_HEADER_LENGTH,
                    "data offset " + dataOffset() + " is below the minimum of 5 words");
        }
        if (headerLength() > length) {
            throw malformed(MalformedPacketException.Reason.BAD_LENGTH,
                    "data offset " + dataOffset() + " puts the data at byte " + headerLength()
                            + ", beyond the end of the " + length + "-byte segment");
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

    public int sourcePort() {
        return Bytes.readU16(buffer, offset + SOURCE_PORT);
    }

    public void setSourcePort(int port) {
        Bytes.writeU16(buffer, offset + SOURCE_PORT, port);
    }

    public int destinationPort() {
        return Bytes.readU16(buffer, offset + DESTINATION_PORT);
    }

    public void setDestinationPort(int port) {
        Bytes.writeU16(buffer, offset + DESTINATION_PORT, port);
    }

    /** Sequence Number, unsigned 32-bit. */
    public long sequenceNumber() {
        return Bytes.readU32(buffer, offset + SEQUENCE_NUMBER);
    }

    public void setSequenceNumber(long sequenceNumber) {
        Bytes.writeU32(buffer, offset + SEQUENCE_NUMBER, sequenceNumber);
    }

    /** Acknowledgment Number, unsigned 32-bit; meaningful only when ACK is set. */
    public long acknowledgmentNumber() {
        return Bytes.readU32(buffer, offset + ACKNOWLEDGMENT_NUMBER);
    }

    public void setAcknowledgmentNumber(long acknowledgmentNumber) {
        Bytes.writeU32(buffer, offset + ACKNOWLEDGMENT_NUMBER, acknowledgmentNumber);
    }

    /** Data Offset: the header length in 32-bit words. */
    public int dataOffset() {
        return Bytes.readU8(buffer, offset + DATA_OFFSET_RESERVED) >>> 4;
    }

    public void setDataOffset(int words) {
        buffer[offset + DATA_OFFSET_RESERVED] = (byte) (((words & 0x0f) << 4) | reserved());
    }

    /** Returns the header length in bytes, Data Offset times four. */
    public int headerLength() {
        return dataOffset() * 4;
    }

    /** Rsrvd: the four bits between Data Offset and CWR, which senders set to zero (RFC 9293 §3.1). */
    public int reserved() {
        return buffer[offset + DATA_OFFSET_RESERVED] & 0x0f;
    }

    public void setReserved(int reserved) {
        buffer[offset + DATA_OFFSET_RESERVED] = (byte) ((dataOffset() << 4) | (reserved & 0x0f));
    }

    /** Returns the eight control bits CWR, ECE, URG, ACK, PSH, RST, SYN and FIN. */
    public TcpFlags flags() {
        return new TcpFlags(Bytes.readU8(buffer, offset + CONTROL_BITS));
    }

    public void setFlags(TcpFlags flags) {
        buffer[offset + CONTROL_BITS] = (byte) flags.bits();
    }

    public boolean cwr() {
        return flags().contains(TcpFlags.CWR);
    }

    public boolean ece() {
        return flags().contains(TcpFlags.ECE);
    }

    public boolean urg() {
        return flags().contains(TcpFlags.URG);
    }

    public boolean ack() {
        return flags().contains(TcpFlags.ACK);
    }

    public boolean psh() {
        return flags().contains(TcpFlags.PSH);
    }

    public boolean rst() {
        return flags().contains(TcpFlags.RST);
    }

    public boolean syn() {
        return flags().contains(TcpFlags.SYN);
    }

    public boolean fin() {
        return flags().contains(TcpFlags.FIN);
    }

    /** Window as sent, in bytes before any window scaling (RFC 7323 §2.3). */
    public int window() {
        return Bytes.readU16(buffer, offset + WINDOW);
    }

    public void setWindow(int window) {
        Bytes.writeU16(buffer, offset + WINDOW, window);
    }

    public int checksum() {
        return Bytes.readU16(buffer, offset + CHECKSUM);
    }

    public void setChecksum(int checksum) {
        Bytes.writeU16(buffer, offset + CHECKSUM, checksum);
    }

    /** Urgent Pointer, an offset from the sequence number; meaningful only when URG is set. */
    public int urgentPointer() {
        return Bytes.readU16(buffer, offset + URGENT_POINTER);
    }

    public void setUrgentPointer(int urgentPointer) {
        Bytes.writeU16(buffer, offset + URGENT_POINTER, urgentPointer);
    }

    /** Returns the index in {@link #buffer()} of the options, right after the fixed header. */
    public int optionsOffset() {
        return offset + MIN_HEADER_LENGTH;
    }

    /** Returns the length of the options and their padding, the header length minus 20 bytes. */
    public int optionsLength() {
        return headerLength() - MIN_HEADER_LENGTH;
    }

    /** Returns the index in {@link #buffer()} where the segment data starts. */
    public int payloadOffset() {
        return offset + headerLength();
    }

    /** Returns the length of the segment data, everything after the header. */
    public int payloadLength() {
        return length - headerLength();
    }

    /** True when the checksum over the IPv4 pseudo-header and the whole segment verifies. */
    public boolean verifyChecksum(Ipv4Address source, Ipv4Address destination) {
        return sumWithPseudoHeader(source, destination).value() == 0;
    }

    /**
     * True when the checksum over the IPv6 pseudo-header and the whole segment verifies.
     * {@code destination} is the final destination (RFC 8200 §8.1).
     */
    public boolean verifyChecksum(Ipv6Address source, Ipv6Address destination) {
        return sumWithPseudoHeader(source, destination).value() == 0;
    }

    /** Computes the checksum over the IPv4 pseudo-header and the whole segment, and stores it. */
    public void fillChecksum(Ipv4Address source, Ipv4Address destination) {
        setChecksum(0);
        setChecksum(sumWithPseudoHeader(source, destination).value());
    }

    /**
     * Computes the checksum over the IPv6 pseudo-header and the whole segment, and stores it.
     * {@code destination} is the final destination (RFC 8200 §8.1).
     */
    public void fillChecksum(Ipv6Address source, Ipv6Address destination) {
        setChecksum(0);
        setChecksum(sumWithPseudoHeader(source, destination).value());
    }

    private InternetChecksum sumWithPseudoHeader(Ipv4Address source, Ipv4Address destination) {
        // The IPv4 pseudo-header carries the TCP length in 16 bits (RFC 9293 §3.1).
        if (length > 0xffff) {
            throw new IllegalArgumentException("TCP segment of " + length
                    + " bytes is too long for the 16-bit length of the IPv4 pseudo-header");
        }
        return new InternetChecksum()
                .updateIpv4PseudoHeader(source, destination, IpProtocol.TCP, length)
                .update(buffer, offset, length);
    }

    private InternetChecksum sumWithPseudoHeader(Ipv6Address source, Ipv6Address destination) {
        return new InternetChecksum()
                .updateIpv6PseudoHeader(source, destination, IpProtocol.TCP, length)
                .update(buffer, offset, length);
    }
}
