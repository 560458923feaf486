package io.stackbench.stack.wire;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The fields of a UDP datagram (RFC 768): ports and data. The Length and Checksum fields are
 * derived, so {@code emit} computes them over the pseudo-header of the family it is given.
 *
 * @param sourcePort 0 to 65535; 0 means the sender expects no reply (RFC 768)
 * @param destinationPort 0 to 65535
 * @param payload the data, at most 65,527 bytes so the Length field fits in 16 bits
 */
public record UdpRepr(int sourcePort, int destinationPort, byte[] payload) {

    /** Largest payload whose Length field, header included, fits in 16 bits. */
    public static final int MAX_PAYLOAD_LENGTH = UdpPacket.MAX_LENGTH - UdpPacket.HEADER_LENGTH;

    public UdpRepr {
        requirePort("sourcePort", sourcePort);
        requirePort("destinationPort", destinationPort);
        Objects.requireNonNull(payload, "payload");
        if (payload.length > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("UDP payload of " + payload.length + " bytes exceeds the maximum of " + MAX_PAYLOAD_LENGTH);
        }
    }

    private static void requirePort(String name, int value) {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException(name + " " + value + " is not a port number (0 to 65535)");
        }
    }

    /**
     * Reads a datagram received over IPv4. A zero checksum field means the sender computed none
     * (RFC 768), so the datagram is accepted unchecked.
     *
     * @throws MalformedPacketException {@code udp.truncated}, {@code udp.bad-length} or
     *     {@code udp.bad-checksum}
     */
    public static UdpRepr parse(UdpPacket packet, Ipv4Address source, Ipv4Address destination) throws MalformedPacketException {
        packet.check();
        if (packet.checksum() != 0 && !packet.verifyChecksum(source, destination)) {
            throw badChecksum(packet);
        }
        return read(packet);
    }

    /**
     * Reads a datagram received over IPv6, where the checksum is mandatory (RFC 8200 §8.1).
     * {@code destination} is the final destination, which differs from the IPv6 destination field
     * when a Routing header has segments left.
     *
     * @throws MalformedPacketException {@code udp.truncated}, {@code udp.bad-length},
     *     {@code udp.zero-checksum} or {@code udp.bad-checksum}
     */
    public static UdpRepr parse(UdpPacket packet, Ipv6Address source, Ipv6Address destination) throws MalformedPacketException {
        packet.check();
        if (packet.checksum() == 0) {
            throw UdpPacket.malformed(MalformedPacketException.Reason.ZERO_CHECKSUM,
                    "checksum 0 is not allowed over IPv6; RFC 8200 §8.1 makes the UDP checksum mandatory");
        }
        if (!packet.verifyChecksum(source, destination)) {
            throw badChecksum(packet);
        }
        return read(packet);
    }

    private static MalformedPacketException badChecksum(UdpPacket packet) {
        return UdpPacket.malformed(MalformedPacketException.Reason.BAD_CHECKSUM,
                String.format("checksum 0x%04x does not verify over the pseudo-header and %d bytes", packet.checksum(),
                        packet.datagramLength()));
    }

    private static UdpRepr read(UdpPacket packet) {
        byte[] data = Arrays.copyOfRange(packet.buffer(), packet.payloadOffset(), packet.payloadOffset() + packet.payloadLength());
        return new UdpRepr(packet.sourcePort(), packet.destinationPort(), data);
    }

    /** Returns the datagram length: the 8-byte header and the payload. */
    public int bufferLength() {
        return UdpPacket.HEADER_LENGTH + payload.length;
    }

    /** Writes the datagram into {@code packet} with the checksum over the IPv4 pseudo-header. */
    public void emit(UdpPacket packet, Ipv4Address source, Ipv4Address destination) {
        emitFields(packet);
        packet.fillChecksum(source, destination);
    }

    /** Writes the datagram into {@code packet} with the checksum over the IPv6 pseudo-header. */
    public void emit(UdpPacket packet, Ipv6Address source, Ipv6Address destination) {
        emitFields(packet);
        packet.fillChecksum(source, destination);
    }

    private void emitFields(UdpPacket packet) {
        Bytes.requireCapacity(packet.length(), bufferLength(), "UDP datagram");
        packet.setSourcePort(sourcePort);
        packet.setDestinationPort(destinationPort);
        packet.setDatagramLength(bufferLength());
        System.arraycopy(payload, 0, packet.buffer(), packet.payloadOffset(), payload.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UdpRepr u && sourcePort == u.sourcePort && destinationPort == u.destinationPort && Arrays.equals(payload, u.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourcePort, destinationPort, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "UdpRepr[sourcePort=" + sourcePort + ", destinationPort=" + destinationPort + ", payload=" + HexFormat.of().formatHex(payload) + "]";
    }
}
