package io.stackbench.stack.wire;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The meaning of an ICMPv4 message (RFC 792): one record per message the stack handles, and
 * {@link Other} for every other type, so that any message with a valid checksum stays
 * representable.
 *
 * <p>Each record copies its byte arrays on the way in and out, so a repr never shares a buffer.
 */
public sealed interface Icmpv4Repr {

    Icmpv4Type type();

    int code();

    /** Returns the message length, the 8-byte header plus the data. */
    int bufferLength();

    /**
     * Writes the whole message into {@code packet} and fills the checksum. The view must be exactly
     * {@link #bufferLength()} bytes long, because the checksum covers all of it.
     */
    void emit(Icmpv4Packet packet);

    /**
     * Reads a received message.
     *
     * @throws MalformedPacketException {@code icmpv4.truncated} for fewer than 8 bytes, or
     *     {@code icmpv4.bad-checksum} when the checksum over the whole view does not verify
     */
    static Icmpv4Repr parse(Icmpv4Packet packet) throws MalformedPacketException {
        packet.check();

        if (!packet.verifyChecksum()) {
            throw new MalformedPacketException(Icmpv4Packet.PROTOCOL, MalformedPacketException.Reason.BAD_CHECKSUM,
                    String.format(Locale.ROOT, "checksum 0x%04x does not verify over %d bytes",
                            packet.checksum(), packet.length()));
        }

        int dataEnd = packet.dataOffset() + packet.dataLength();
        byte[] data = Arrays.copyOfRange(packet.buffer(), packet.dataOffset(), dataEnd);
        int type = packet.type().value();
        int code = packet.code();
        if (type == Icmpv4Type.ECHO_REQUEST.value() && code == 0) {
            return new EchoRequest(packet.identifier(), packet.sequenceNumber(), data);
        }
        if (type == Icmpv4Type.ECHO_REPLY.value() && code == 0) {
            return new EchoReply(packet.identifier(), packet.sequenceNumber(), data);
        }
        if (type == Icmpv4Type.DESTINATION_UNREACHABLE.value()) {
            return new DestinationUnreachable(new Icmpv4UnreachableCode(code), packet.nextHopMtu(), data);
        }
        if (type == Icmpv4Type.TIME_EXCEEDED.value()) {
            return new TimeExceeded(code, data);
        }
        byte[] rest = Arrays.copyOfRange(packet.buffer(), packet.offset() + 4, dataEnd);
        return new Other(packet.type(), code, rest);
    }

    /**
     * Echo request (type 8, code 0). RFC 792 requires the {@link EchoReply} to return the same
     * identifier, sequence number and data.
     */
    record EchoRequest(int identifier, int sequenceNumber, byte[] data) implements Icmpv4Repr {

        public EchoRequest {
            requireU16("identifier", identifier);
            requireU16("sequenceNumber", sequenceNumber);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public Icmpv4Type type() {
            return Icmpv4Type.ECHO_REQUEST;
        }

        @Override
        public int code() {
            return 0;
        }

        @Override
        public int bufferLength() {
            return Icmpv4Packet.HEADER_LENGTH + data.length;
        }

        @Override
        public void emit(Icmpv4Packet packet) {
            emitEcho(packet, type(), identifier, sequenceNumber, data);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EchoRequest e
                    && identifier == e.identifier && sequenceNumber == e.sequenceNumber && Arrays.equals(data, e.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(identifier, sequenceNumber, Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "EchoRequest[identifier=" + identifier + ", sequenceNumber=" + sequenceNumber
                    + ", data=" + hex(data) + "]";
        }
    }

    /** Echo Reply (type 0, code 0). */
    record EchoReply(int identifier, int sequenceNumber, byte[] data) implements Icmpv4Repr {

        public EchoReply {
            requireU16("identifier", identifier);
            requireU16("sequenceNumber", sequenceNumber);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public Icmpv4Type type() {
            return Icmpv4Type.ECHO_REPLY;
        }

        @Override
        public int code() {
            return 0;
        }

        @Override
        public int bufferLength() {
            return Icmpv4Packet.HEADER_LENGTH + data.length;
        }

        @Override
        public void emit(Icmpv4Packet packet) {
            emitEcho(packet, type(), identifier, sequenceNumber, data);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EchoReply e
                    && identifier == e.identifier && sequenceNumber == e.sequenceNumber && Arrays.equals(data, e.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(identifier, sequenceNumber, Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "EchoReply[identifier=" + identifier + ", sequenceNumber=" + sequenceNumber
                    + ", data=" + hex(data) + "]";
        }
    }

    /**
     * Destination Unreachable (type 3). {@code originalDatagram} is the start of the datagram that
     * caused it: its IP header and at least 8 bytes of its data (RFC 1122 §3.2.2). The four bytes
     * after the checksum are unused except for {@code nextHopMtu} with code 4 (RFC 1191 §4); they
     * are read as two ignored bytes and the 16-bit Next-Hop MTU, and written the same way.
     */
    record DestinationUnreachable(Icmpv4UnreachableCode unreachableCode, int nextHopMtu, byte[] originalDatagram)
            implements Icmpv4Repr {

        public DestinationUnreachable {
            Objects.requireNonNull(unreachableCode, "unreachableCode");
            requireU16("nextHopMtu", nextHopMtu);
            originalDatagram = originalDatagram.clone();
        }

        @Override
        public byte[] originalDatagram() {
            return originalDatagram.clone();
        }

        @Override
        public Icmpv4Type type() {
            return Icmpv4Type.DESTINATION_UNREACHABLE;
        }

        @Override
        public int code() {
            return unreachableCode.value();
        }

        @Override
        public int bufferLength() {
            return Icmpv4Packet.HEADER_LENGTH + originalDatagram.length;
        }

        @Override
        public void emit(Icmpv4Packet packet) {
            emitHeader(packet, type(), code(), originalDatagram);
            packet.setNextHopMtu(nextHopMtu);
            packet.fillChecksum();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DestinationUnreachable d
                    && unreachableCode.equals(d.unreachableCode) && nextHopMtu == d.nextHopMtu
                    && Arrays.equals(originalDatagram, d.originalDatagram);
        }

        @Override
        public int hashCode() {
            return Objects.hash(unreachableCode, nextHopMtu, Arrays.hashCode(originalDatagram));
        }

        @Override
        public String toString() {
            return "DestinationUnreachable[unreachableCode=" + unreachableCode + ", nextHopMtu=" + nextHopMtu
                    + ", originalDatagram=" + hex(originalDatagram) + "]";
        }
    }

    /**
     * Time Exceeded (type 11). The four bytes after the checksum are unused: written as zero and
     * ignored on parse.
     */
    record TimeExceeded(int code, byte[] originalDatagram) implements Icmpv4Repr {

        /** The TTL reached zero in transit. */
        public static final int TTL_EXCEEDED_IN_TRANSIT = 0;
        /** Reassembly gave up before all fragments arrived. */
        public static final int FRAGMENT_REASSEMBLY_TIME_EXCEEDED = 1;

        public TimeExceeded {
            requireU8("code", code);
            originalDatagram = originalDatagram.clone();
        }

        @Override
        public byte[] originalDatagram() {
            return originalDatagram.clone();
        }

        @Override
        public Icmpv4Type type() {
            return Icmpv4Type.TIME_EXCEEDED;
        }

        @Override
        public int bufferLength() {
            return Icmpv4Packet.HEADER_LENGTH + originalDatagram.length;
        }

        @Override
        public void emit(Icmpv4Packet packet) {
            emitHeader(packet, type(), code, originalDatagram);
            packet.setNextHopMtu(0);
            packet.fillChecksum();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TimeExceeded t && code == t.code && Arrays.equals(originalDatagram, t.originalDatagram);
        }

        @Override
        public int hashCode() {
            return Objects.hash(code, Arrays.hashCode(originalDatagram));
        }

        @Override
        public String toString() {
            return "TimeExceeded[code=" + code + ", originalDatagram=" + hex(originalDatagram) + "]";
        }
    }

    /**
     * Any message that none of the other records represent. {@code rest} is every byte after the
     * checksum, so it is at least 4 bytes long: the type-specific header bytes, then the data.
     * Echo messages with code 0, Destination Unreachable and Time Exceeded are rejected here,
     * because {@link #parse} returns their own records and a round trip must give back an equal repr.
     */
    record Other(Icmpv4Type type, int code, byte[] rest) implements Icmpv4Repr {

        public Other {
            Objects.requireNonNull(type, "type");
            requireU8("code", code);
            if (rest.length < 4) {
                throw new IllegalArgumentException("ICMPv4 rest of " + rest.length
                        + " bytes is shorter than the 4 type-specific header bytes");
            }
            if (hasOwnRecord(type, code)) {
                throw new IllegalArgumentException("ICMPv4 type " + type + " code " + code
                        + " has its own record; use that instead of Other");
            }
            rest = rest.clone();
        }

        private static boolean hasOwnRecord(Icmpv4Type type, int code) {
            boolean echo = type.equals(Icmpv4Type.ECHO_REQUEST) || type.equals(Icmpv4Type.ECHO_REPLY);
            return (echo && code == 0)
                    || type.equals(Icmpv4Type.DESTINATION_UNREACHABLE)
                    || type.equals(Icmpv4Type.TIME_EXCEEDED);
        }

        @Override
        public byte[] rest() {
            return rest.clone();
        }

        @Override
        public int bufferLength() {
            return 4 + rest.length;
        }

        @Override
        public void emit(Icmpv4Packet packet) {
            Bytes.requireExactLength(packet.length(), bufferLength(), "ICMPv4 message");
            packet.setType(type);
            packet.setCode(code);
            System.arraycopy(rest, 0, packet.buffer(), packet.offset() + 4, rest.length);
            packet.fillChecksum();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Other other && type.equals(other.type) && code == other.code
                    && Arrays.equals(rest, other.rest);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, code, Arrays.hashCode(rest));
        }

        @Override
        public String toString() {
            return "Other[type=" + type + ", code=" + code + ", rest=" + hex(rest) + "]";
        }
    }

    private static void emitEcho(
            Icmpv4Packet packet, Icmpv4Type type, int identifier, int sequenceNumber, byte[] data) {
        emitHeader(packet, type, 0, data);
        packet.setIdentifier(identifier);
        packet.setSequenceNumber(sequenceNumber);
        packet.fillChecksum();
    }

    /** Writes type, code and the data. The caller then writes bytes 4 to 7 and the checksum. */
    private static void emitHeader(Icmpv4Packet packet, Icmpv4Type type, int code, byte[] data) {
        Bytes.requireExactLength(packet.length(), Icmpv4Packet.HEADER_LENGTH + data.length, "ICMPv4 message");
        packet.setType(type);
        packet.setCode(code);
        System.arraycopy(data, 0, packet.buffer(), packet.dataOffset(), data.length);
    }

    private static void requireU8(String field, int value) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("ICMPv4 " + field + " " + value + " does not fit in 8 bits");
        }
    }

    private static void requireU16(String field, int value) {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException("ICMPv4 " + field + " " + value + " does not fit in 16 bits");
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
