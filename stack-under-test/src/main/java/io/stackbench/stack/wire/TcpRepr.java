package io.stackbench.stack.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The fields of a TCP segment (RFC 9293 §3.1), its options and its data.
 *
 * <p>Sequence and acknowledgment numbers are unsigned 32-bit values in a {@code long}. The
 * acknowledgment number and the urgent pointer are kept as sent even when ACK or URG is clear, so
 * a segment parses and emits again unchanged. The four reserved bits are ignored on parse and
 * written as zero, as RFC 9293 §3.1 has receivers and senders do.
 *
 * <p>{@code options} lists the options as they appear on the wire, up to and including an End of
 * Option List. Emit pads the options with zero bytes to a multiple of 4, and a zero byte reads back
 * as End of Option List, so the constructor appends one to a list that needs padding and does not
 * end with it. The payload array is copied on the way in and out, so a repr never shares a buffer.
 */
public record TcpRepr(
        int sourcePort,
        int destinationPort,
        long sequenceNumber,
        long acknowledgmentNumber,
        TcpFlags flags,
        int window,
        int urgentPointer,
        List<TcpOption> options,
        byte[] payload) {

    /** Most bytes of options and padding: Data Offset is 4 bits, so the header is at most 60 bytes. */
    public static final int MAX_OPTIONS_LENGTH = TcpPacket.MAX_HEADER_LENGTH - TcpPacket.MIN_HEADER_LENGTH;

    public TcpRepr {
        requireRange("sourcePort", sourcePort, 0xffff);
        requireRange("destinationPort", destinationPort, 0xffff);
        requireU32("sequenceNumber", sequenceNumber);
        requireU32("acknowledgmentNumber", acknowledgmentNumber);
        Objects.requireNonNull(flags, "flags");
        requireRange("window", window, 0xffff);
        requireRange("urgentPointer", urgentPointer, 0xffff);
        options = endOptions(options);
        payload = payload.clone();
    }

    /**
     * Returns {@code options} with an End of Option List appended when the options need padding.
     *
     * @throws IllegalArgumentException when an option follows End of Option List, where no
     *     receiver reads it, or when the padded options exceed 40 bytes
     */
    private static List<TcpOption> endOptions(List<TcpOption> options) {
        List<TcpOption> ended = new ArrayList<>(options);
        int endIndex = ended.indexOf(new TcpOption.EndOfOptionList());
        if (endIndex >= 0 && endIndex != ended.size() - 1) {
            throw new IllegalArgumentException("TCP options " + ended + " continue after END_OF_OPTION_LIST");
        }
        if (endIndex < 0 && TcpOption.bufferLength(ended) % 4 != 0) {
            ended.add(new TcpOption.EndOfOptionList());
        }
        int paddedLength = padded(TcpOption.bufferLength(ended));
        if (paddedLength > MAX_OPTIONS_LENGTH) {
            throw new IllegalArgumentException("TCP options " + ended + " take " + paddedLength
                    + " bytes with padding, more than the " + MAX_OPTIONS_LENGTH + " bytes a header has room for");
        }
        return List.copyOf(ended);
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    private static void requireRange(String field, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("TCP " + field + " " + value + " is not between 0 and " + max);
        }
    }

    private static void requireU32(String field, long value) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException("TCP " + field + " " + value + " does not fit in 32 bits");
        }
    }

    /**
     * Reads a received segment carried over IPv4, checking the checksum over the IPv4
     * pseudo-header.
     *
     * @throws MalformedPacketException {@code tcp.truncated}, {@code tcp.bad-header-length} or
     *     {@code tcp.bad-length} (see {@link TcpPacket#check()}), {@code tcp.bad-checksum}, or
     *     {@code tcp.bad-option-length} (see {@link TcpOption#parseAll})
     */
    public static TcpRepr parse(TcpPacket packet, Ipv4Address source, Ipv4Address destination)
            throws MalformedPacketException {
        packet.check();

        if (!packet.verifyChecksum(source, destination)) {
            throw badChecksum(packet);
        }

        return readFields(packet);
    }

    /**
     * Reads a received segment carried over IPv6, checking the checksum over the IPv6
     * pseudo-header. {@code destination} is the final destination (RFC 8200 §8.1).
     *
     * @throws MalformedPacketException as {@link #parse(TcpPacket, Ipv4Address, Ipv4Address)}
     */
    public static TcpRepr parse(TcpPacket packet, Ipv6Address source, Ipv6Address destination)
            throws MalformedPacketException {
        packet.check();

        if (!packet.verifyChecksum(source, destination)) {
            throw badChecksum(packet);
        }

        return readFields(packet);
    }

    private static MalformedPacketException badChecksum(TcpPacket packet) {
        return TcpPacket.malformed(MalformedPacketException.Reason.BAD_CHECKSUM,
                String.format(Locale.ROOT, "checksum 0x%04x does not verify over the pseudo-header and %d bytes",
                        packet.checksum(), packet.length()));
    }

    private static TcpRepr readFields(TcpPacket packet) throws MalformedPacketException {
        List<TcpOption> options = TcpOption.parseAll(packet.buffer(), packet.optionsOffset(), packet.optionsLength());
        byte[] payload = Arrays.copyOfRange(packet.buffer(), packet.payloadOffset(),
                packet.payloadOffset() + packet.payloadLength());
        return new TcpRepr(
                packet.sourcePort(),
                packet.destinationPort(),
                packet.sequenceNumber(),
                packet.acknowledgmentNumber(),
                packet.flags(),
                packet.window(),
                packet.urgentPointer(),
                options,
                payload);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Returns the header length that {@link #emit} writes: 20 bytes plus the padded options. */
    public int headerLength() {
        return TcpPacket.MIN_HEADER_LENGTH + padded(TcpOption.bufferLength(options));
    }

    /** Returns the payload length in bytes, without copying the payload. */
    public int payloadLength() {
        return payload.length;
    }

    /** Returns the segment length, header plus payload. */
    public int bufferLength() {
        return headerLength() + payload.length;
    }

    /**
     * Writes the whole segment into {@code packet} and fills the checksum over the IPv4
     * pseudo-header. The view must be exactly {@link #bufferLength()} bytes long, because the
     * checksum covers all of it.
     */
    public void emit(TcpPacket packet, Ipv4Address source, Ipv4Address destination) {
        emitFields(packet);
        packet.fillChecksum(source, destination);
    }

    /**
     * Writes the whole segment into {@code packet} and fills the checksum over the IPv6
     * pseudo-header, as {@link #emit(TcpPacket, Ipv4Address, Ipv4Address)} does.
     */
    public void emit(TcpPacket packet, Ipv6Address source, Ipv6Address destination) {
        emitFields(packet);
        packet.fillChecksum(source, destination);
    }

    private void emitFields(TcpPacket packet) {
        Bytes.requireExactLength(packet.length(), bufferLength(), "TCP segment");
        packet.setSourcePort(sourcePort);
        packet.setDestinationPort(destinationPort);
        packet.setSequenceNumber(sequenceNumber);
        packet.setAcknowledgmentNumber(acknowledgmentNumber);
        packet.setDataOffset(headerLength() / 4);
        packet.setReserved(0);
        packet.setFlags(flags);
        packet.setWindow(window);
        packet.setUrgentPointer(urgentPointer);

        // RFC 9293 §3.1: the padding after the options is zeros, up to the 32-bit boundary.
        byte[] buffer = packet.buffer();
        TcpOption.emitAll(options, buffer, packet.optionsOffset());
        int optionsEnd = packet.optionsOffset() + TcpOption.bufferLength(options);
        Arrays.fill(buffer, optionsEnd, packet.payloadOffset(), (byte) 0);

        System.arraycopy(payload, 0, buffer, packet.payloadOffset(), payload.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TcpRepr other
                && sourcePort == other.sourcePort
                && destinationPort == other.destinationPort
                && sequenceNumber == other.sequenceNumber
                && acknowledgmentNumber == other.acknowledgmentNumber
                && flags.equals(other.flags)
                && window == other.window
                && urgentPointer == other.urgentPointer
                && options.equals(other.options)
                && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourcePort, destinationPort, sequenceNumber, acknowledgmentNumber, flags, window,
                urgentPointer, options, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "TcpRepr[sourcePort=" + sourcePort + ", destinationPort=" + destinationPort
                + ", sequenceNumber=" + sequenceNumber + ", acknowledgmentNumber=" + acknowledgmentNumber
                + ", flags=" + flags + ", window=" + window + ", urgentPointer=" + urgentPointer
                + ", options=" + options + ", payload=" + HexFormat.of().formatHex(payload) + "]";
    }
}
