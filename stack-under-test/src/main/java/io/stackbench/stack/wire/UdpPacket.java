package io.stackbench.stack.wire;

import java.util.Objects;

/**
 * A view of a UDP datagram (RFC 768) in a byte array.
 *
 * <p>The view covers the IP payload. The constructor checks only that the range lies inside the
 * array, so call {@link #check()} (or {@link UdpRepr#parse}) before reading a datagram received
 * from the network. The Length field may be shorter than the view, and the payload accessors and
 * the checksum honour the Length field.
 */
public final class UdpPacket {

    public static final String PROTOCOL = "udp";

    public static final int HEADER_LENGTH = 8;
    /** Largest value of the Length field, header included. */
    public static final int MAX_LENGTH = 0xffff;

    private static final int SOURCE_PORT = 0;
    private static final int DESTINATION_PORT = 2;
    private static final int LENGTH = 4;
    private static final int CHECKSUM = 6;

    private final byte[] buffer;
    private final int offset;
    private final int length;

    /** Wraps {@code buffer[offset, offset + length)}. */
    public UdpPacket(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    /** Wraps a whole array. */
    public UdpPacket(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    /**
     * Checks that the header fits in the view and that the Length field covers the header and no
     * more than the bytes received. The checksum is checked by {@link UdpRepr#parse}.
     */
    public void check() throws MalformedPacketException {
        if (length < HEADER_LENGTH) {
            throw malformed(MalformedPacketException.Reason.TRUNCATED,
                    "datagram of " + length + " bytes is shorter than the " + HEADER_LENGTH + "-byte header");
        }
        if (datagramLength() < HEADER_LENGTH) {
            throw malformed(MalformedPacketException.Reason.BAD_LENGTH,
                    "length field " + datagramLength() + " is shorter than the " + HEADER_LENGTH + "-byte header");
        }
        if (datagramLength() > length) {
            throw malformed(MalformedPacketException.Reason.TRUNCATED,
                    "length field " + datagramLength() + " exceeds the " + length + " bytes received");
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

    /** Returns the length of the view, which may exceed the Length field. */
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

    /** Returns the Length field: header and data in bytes. */
    public int datagramLength() {
        return Bytes.readU16(buffer, offset + LENGTH);
    }

    public void setDatagramLength(int value) {
        Bytes.writeU16(buffer, offset + LENGTH, value);
    }

    public int checksum() {
        return Bytes.readU16(buffer, offset + CHECKSUM);
    }

    public void setChecksum(int value) {
        Bytes.writeU16(buffer, offset + CHECKSUM, value);
    }

    /** Returns the index of the first data byte in {@link #buffer()}. */
    public int payloadOffset() {
        return offset + HEADER_LENGTH;
    }

    /** Returns the data length that the Length field gives. */
    public int payloadLength() {
        return datagramLength() - HEADER_LENGTH;
    }

    /**
     * True when the checksum over the IPv4 pseudo-header and the datagram verifies. A zero
     * checksum field is "no checksum" on IPv4 (RFC 768) and is not checked here.
     */
    public boolean verifyChecksum(Ipv4Address source, Ipv4Address destination) {
        return sum(new InternetChecksum().updateIpv4PseudoHeader(source, destination, IpProtocol.UDP, datagramLength())) == 0;
    }

    /** True when the checksum over the IPv6 pseudo-header (RFC 8200 §8.1) and the datagram verifies. */
    public boolean verifyChecksum(Ipv6Address source, Ipv6Address destination) {
        return sum(new InternetChecksum().updateIpv6PseudoHeader(source, destination, IpProtocol.UDP, datagramLength())) == 0;
    }

    /** Computes the checksum over the IPv4 pseudo-header and the datagram and stores it. */
    public void fillChecksum(Ipv4Address source, Ipv4Address destination) {
        setChecksum(0);
        setChecksum(transmitted(sum(new InternetChecksum().updateIpv4PseudoHeader(source, destination, IpProtocol.UDP, datagramLength()))));
    }

    /** Computes the checksum over the IPv6 pseudo-header and the datagram and stores it. */
    public void fillChecksum(Ipv6Address source, Ipv6Address destination) {
        setChecksum(0);
        setChecksum(transmitted(sum(new InternetChecksum().updateIpv6PseudoHeader(source, destination, IpProtocol.UDP, datagramLength()))));
    }

    private int sum(InternetChecksum pseudoHeader) {
        return pseudoHeader.update(buffer, offset, datagramLength()).value();
    }

    /** RFC 768: a computed checksum of zero is sent as all ones, because zero means "none". */
    private static int transmitted(int checksum) {
        return checksum == 0 ? 0xffff : checksum;
    }
}
