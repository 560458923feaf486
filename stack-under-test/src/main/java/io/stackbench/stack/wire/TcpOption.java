package io.stackbench.stack.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One TCP option (RFC 9293 §3.2): End of Option List and No-Operation are a single kind byte,
 * every other option is a kind byte, a length byte that counts the whole option, and data.
 *
 * <p>The options of RFC 9293, RFC 7323 and RFC 2018 have records. Every other kind is kept as
 * {@link Unknown} with its raw data, so any option list that parses also emits again.
 */
public sealed interface TcpOption {

    TcpOptionKind kind();

    /** Returns the option length in bytes, kind and length bytes included. */
    int bufferLength();

    /** Writes the whole option at {@code buffer[offset]}. */
    void emit(byte[] buffer, int offset);

    /**
     * Reads the options in {@code buffer[offset, offset + length)}, in order. An End of Option List
     * is returned as the last element, and the bytes after it are ignored, because RFC 9293 §3.1
     * makes them padding.
     *
     * @throws MalformedPacketException {@code tcp.bad-option-length} for an option whose length
     *     field is below 2, that runs past the end of the range, or whose length is not the one
     *     its kind defines
     */
    static List<TcpOption> parseAll(byte[] buffer, int offset, int length) throws MalformedPacketException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        List<TcpOption> options = new ArrayList<>();
        int end = offset + length;
        int position = offset;
        while (position < end) {
            int kind = Bytes.readU8(buffer, position);
            if (kind == TcpOptionKind.END_OF_OPTION_LIST.value()) {
                options.add(new EndOfOptionList());
                break;
            }
            if (kind == TcpOptionKind.NO_OPERATION.value()) {
                options.add(new NoOperation());
                position++;
                continue;
            }

            if (end - position < 2) {
                throw badLength("option " + new TcpOptionKind(kind) + " at byte " + (position - offset)
                        + " is the last byte of the options, so it has no length byte");
            }
            int optionLength = Bytes.readU8(buffer, position + 1);
            if (optionLength < 2) {
                throw badLength("option " + new TcpOptionKind(kind) + " at byte " + (position - offset)
                        + " has length " + optionLength + ", below the 2 bytes of its kind and length");
            }
            if (optionLength > end - position) {
                throw badLength("option " + new TcpOptionKind(kind) + " at byte " + (position - offset) + " is "
                        + optionLength + " bytes long, but only " + (end - position) + " bytes of options remain");
            }

            options.add(parseOne(buffer, position, kind, optionLength));
            position += optionLength;
        }
        return List.copyOf(options);
    }

    private static TcpOption parseOne(byte[] buffer, int position, int kind, int optionLength)
            throws MalformedPacketException {
        TcpOptionKind optionKind = new TcpOptionKind(kind);
        if (optionKind.equals(TcpOptionKind.MAXIMUM_SEGMENT_SIZE)) {
            requireLength(optionKind, optionLength, MaximumSegmentSize.LENGTH);
            return new MaximumSegmentSize(Bytes.readU16(buffer, position + 2));
        }
        if (optionKind.equals(TcpOptionKind.WINDOW_SCALE)) {
            requireLength(optionKind, optionLength, WindowScale.LENGTH);
            return new WindowScale(Bytes.readU8(buffer, position + 2));
        }
        if (optionKind.equals(TcpOptionKind.SACK_PERMITTED)) {
            requireLength(optionKind, optionLength, SackPermitted.LENGTH);
            return new SackPermitted();
        }
        if (optionKind.equals(TcpOptionKind.SACK)) {
            return Sack.read(buffer, position, optionLength);
        }
        if (optionKind.equals(TcpOptionKind.TIMESTAMPS)) {
            requireLength(optionKind, optionLength, Timestamps.LENGTH);
            return new Timestamps(Bytes.readU32(buffer, position + 2), Bytes.readU32(buffer, position + 6));
        }
        return new Unknown(optionKind, Arrays.copyOfRange(buffer, position + 2, position + optionLength));
    }

    private static void requireLength(TcpOptionKind kind, int optionLength, int expected)
            throws MalformedPacketException {
        if (optionLength != expected) {
            throw badLength("option " + kind + " has length " + optionLength + ", but its length is always " + expected);
        }
    }

    private static MalformedPacketException badLength(String detail) {
        return new MalformedPacketException(TcpPacket.PROTOCOL, MalformedPacketException.Reason.BAD_OPTION_LENGTH,
                detail);
    }

    /** Returns the length in bytes of all options together, without padding. */
    static int bufferLength(List<TcpOption> options) {
        int total = 0;
        for (TcpOption option : options) {
            total += option.bufferLength();
        }
        return total;
    }

    /** Writes the options one after another from {@code buffer[offset]}, without padding. */
    static void emitAll(List<TcpOption> options, byte[] buffer, int offset) {
        int position = offset;
        for (TcpOption option : options) {
            option.emit(buffer, position);
            position += option.bufferLength();
        }
    }

    /** End of Option List, kind 0: the options end here, and any bytes after it are padding. */
    record EndOfOptionList() implements TcpOption {

        @Override
        public TcpOptionKind kind() {
            return TcpOptionKind.END_OF_OPTION_LIST;
        }

        @Override
        public int bufferLength() {
            return 1;
        }

        @Override
        public void emit(byte[] buffer, int offset) {
            buffer[offset] = (byte) kind().value();
        }
    }

    /** No-Operation, kind 1: one byte that senders use to align the next option. */
    record NoOperation() implements TcpOption {

        @Override
        public TcpOptionKind kind() {
            return TcpOptionKind.NO_OPERATION;
        }

        @Override
        public int bufferLength() {
            return 1;
        }

        @Override
        public void emit(byte[] buffer, int offset) {
            buffer[offset] = (byte) kind().value();
        }
    }

    /**
     * Maximum Segment Size, kind 2, length 4 (RFC 9293 §3.7.1): the largest segment data, in bytes,
     * that the sender of the option can receive.
     */
    record MaximumSegmentSize(int mss) implements TcpOption {

        static final int LENGTH = 4;

        public MaximumSegmentSize {
            requireRange("MSS", mss, 0xffff);
        }

        @Override
        public TcpOptionKind kind() {
            return TcpOptionKind.MAXIMUM_SEGMENT_SIZE;
        }

        @Override
        public int bufferLength() {
            return LENGTH;
        }

        @Override
        public void emit(byte[] buffer, int offset) {
            emitKindAndLength(buffer, offset, kind(), LENGTH);
            Bytes.writeU16(buffer, offset + 2, mss);
        }
    }

    /**
     * Window Scale, kind 3, length 3 (RFC 7323 §2.2). {@code shift} is the shift.cnt byte as sent.
     * A value above 14 is kept here, because RFC 7323 §2.3 has the receiver use 14 in its place,
     * and that choice belongs to the TCP layer.
     */
    record WindowScale(int shift) implements TcpOption {

        static final int LENGTH = 3;

        public WindowScale {
            requireRange("window scale shift", shift, 0xff);
        }

        @Override
        public TcpOptionKind kind() {
            return TcpOptionKind.WINDOW_SCALE;
        }

        @Override
        public int bufferLength() {
            return LENGTH;
        }

        @Override
        public void emit(byte[] buffer, int offset) {
            emitKindAndLength(buffer, offset, kind(), LENGTH);
            buffer[offset + 2] = (byte) shift;
        }
    }

    /** SACK-Permitted, kind 4, length 2 (RFC 2018 §2), sent only on a SYN. */
    record SackPermitted() implements TcpOption {

        static final int LENGTH = 2;

        @Override
        public TcpOptionKind kind() {
            return TcpOptionKind.SACK_PERMITTED;
        }

        @Override
        public int bufferLength() {
            return LENGTH;
        }

        @Override
        public void emit(byte[] buffer, int offset) {
            emitKindAndLength(buffer, offset, kind(), LENGTH);
        }
    }

    /**
     * SACK, kind 5, length 2 + 8 n (RFC 2018 §3): n blocks of received data that are not
     * contiguous with the acknowledged data. At most 4 blocks fit in the 40 bytes of TCP options,
     * and this record accepts up to 31, the most that the length byte can count, so that
     * {@link #parseAll} can read any range.
     */
    record Sack(List<Block> blocks) implements TcpOption {

        /** Bytes per block: two 32-bit sequence numbers. */
        static final int BLOCK_LENGTH = 8;
        static final int MAX_BLOCKS = (0xff - 2) / BLOCK_LENGTH;

        /**
         * One block: {@code leftEdge} is the first sequence number of the block and
         * {@code rightEdge} the sequence number just after its last byte, both unsigned 32-bit.
         */
        public record Block(long leftEdge, long rightEdge) {

            public Block {
                requireU32("SACK left edge", leftEdge);
                requireU32("SACK right edge", rightEdge);
            }
        }

        public Sack {
            blocks = List.copyOf(blocks);
            if (blocks.isEmpty() || blocks.size() > MAX_BLOCKS) {
                throw new IllegalArgumentException("a SACK option carries 1 to " + MAX_BLOCKS + " blocks, not "
                        + blocks.size());
            }
        }

        static Sack read(byte[] buffer, int position, int optionLength) throws MalformedPacketException {
            int dataLength = optionLength - 2;
            if (dataLength == 0 || dataLength % BLOCK_LENGTH != 0) {
                throw badLength("option SACK has length " + optionLength + ", but its length is 2 plus 8 bytes"
                        + " for each of at least one block");
            }
            List<Block> blocks = new ArrayList<>();
            for (int at = position + 2; at < position + optionLength; at += BLOCK_LENGTH) {
                blocks.add(new Block(Bytes.readU32(buffer, at), Bytes.readU32(buffer, at + 4)));
            }
            return new Sack(blocks);
        }

        @Override
        public TcpOptionKind kind() {
            return TcpOptionKind.SACK;
        }

        @Override
        public int bufferLength() {
            return 2 + BLOCK_LENGTH * blocks.size();
        }

        @Override
        public void emit(byte[] buffer, int offset) {
            emitKindAndLength(buffer, offset, kind(), bufferLength());
            int at = offset + 2;
            for (Block block : blocks) {
                Bytes.writeU32(buffer, at, block.leftEdge());
                Bytes.writeU32(buffer, at + 4, block.rightEdge());
                at += BLOCK_LENGTH;
            }
        }
    }

    /**
     * Timestamps, kind 8, length 10 (RFC 7323 §3.2). {@code value} is TSval, the sender's clock,
     * and {@code echoReply} is TSecr, the TSval last received from the peer; both are unsigned
     * 32-bit.
     */
    record Timestamps(long value, long echoReply) implements TcpOption {

        static final int LENGTH = 10;

        public Timestamps {
            requireU32("TSval", value);
            requireU32("TSecr", echoReply);
        }

        @Override
        public TcpOptionKind kind() {
            return TcpOptionKind.TIMESTAMPS;
        }

        @Override
        public int bufferLength() {
            return LENGTH;
        }

        @Override
        public void emit(byte[] buffer, int offset) {
            emitKindAndLength(buffer, offset, kind(), LENGTH);
            Bytes.writeU32(buffer, offset + 2, value);
            Bytes.writeU32(buffer, offset + 6, echoReply);
        }
    }

    /**
     * Any other kind, kept raw. {@code data} is the bytes after the kind and length bytes, 0 to 253
     * of them. A kind that has its own record is rejected, because a round trip must give back an
     * equal option.
     */
    record Unknown(TcpOptionKind kind, byte[] data) implements TcpOption {

        /** Largest data: a length byte of 255 minus the kind and length bytes. */
        static final int MAX_DATA_LENGTH = 0xff - 2;

        public Unknown {
            Objects.requireNonNull(kind, "kind");
            if (data.length > MAX_DATA_LENGTH) {
                throw new IllegalArgumentException("TCP option data of " + data.length + " bytes exceeds "
                        + MAX_DATA_LENGTH);
            }
            if (hasOwnRecord(kind)) {
                throw new IllegalArgumentException("TCP option " + kind + " has its own record; use that instead"
                        + " of Unknown");
            }
            data = data.clone();
        }

        private static boolean hasOwnRecord(TcpOptionKind kind) {
            return switch (kind.value()) {
                case 0, 1, 2, 3, 4, 5, 8 -> true;
                default -> false;
            };
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int bufferLength() {
            return 2 + data.length;
        }

        @Override
        public void emit(byte[] buffer, int offset) {
            emitKindAndLength(buffer, offset, kind, bufferLength());
            System.arraycopy(data, 0, buffer, offset + 2, data.length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown other && kind.equals(other.kind) && Arrays.equals(data, other.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "Unknown[kind=" + kind + ", data=" + HexFormat.of().formatHex(data) + "]";
        }
    }

    private static void emitKindAndLength(byte[] buffer, int offset, TcpOptionKind kind, int optionLength) {
        buffer[offset] = (byte) kind.value();
        buffer[offset + 1] = (byte) optionLength;
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
}
