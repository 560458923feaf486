package io.stackbench.sim.capture;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The body of one pcapng block (the bytes between the block total length and its repeat), read in
 * the section's byte order. Every access is bounds-checked and raises a
 * {@link CaptureFormatException} with the file offset of the fault.
 */
final class BlockBody {

    /** One option: its code and where its value lies in the body. */
    record Option(int code, int valueOffset, int length) {
    }

    private final byte[] bytes;
    private final ByteOrder order;
    private final long fileOffset;
    private final String blockName;

    /**
     * @param fileOffset the file offset of {@code bytes[0]}, for error messages
     * @param blockName  the block type as the pcapng draft names it, for error messages
     */
    BlockBody(byte[] bytes, ByteOrder order, long fileOffset, String blockName) {
        this.bytes = bytes;
        this.order = order;
        this.fileOffset = fileOffset;
        this.blockName = blockName;
    }

    int length() {
        return bytes.length;
    }

    /** Raises unless the body has at least {@code minimum} bytes. */
    void requireLength(int minimum) throws CaptureFormatException {
        if (bytes.length < minimum) {
            throw fault(0, blockName + " body has " + bytes.length + " bytes, fewer than the minimum " + minimum);
        }
    }

    int u8(int position) throws CaptureFormatException {
        require(position, 1, "an 8-bit field");
        return bytes[position] & 0xff;
    }

    int u16(int position) throws CaptureFormatException {
        require(position, 2, "a 16-bit field");
        return (int) readUnsigned(bytes, position, 2, order);
    }

    /** Reads an unsigned 32-bit field into the low half of a long. */
    long u32(int position) throws CaptureFormatException {
        require(position, 4, "a 32-bit field");
        return readUnsigned(bytes, position, 4, order);
    }

    long u64(int position) throws CaptureFormatException {
        require(position, 8, "a 64-bit field");
        return readUnsigned(bytes, position, 8, order);
    }

    /** Reads a timestamp stored as its upper 32 bits followed by its lower 32 bits. */
    long timestamp(int position) throws CaptureFormatException {
        return (u32(position) << 32) | u32(position + 4);
    }

    byte[] slice(int position, int length) throws CaptureFormatException {
        require(position, length, "a field of " + length + " bytes");
        return Arrays.copyOfRange(bytes, position, position + length);
    }

    String utf8(int position, int length) throws CaptureFormatException {
        require(position, length, "a string of " + length + " bytes");
        return new String(bytes, position, length, StandardCharsets.UTF_8);
    }

    /**
     * Reads the options from {@code start} up to {@code opt_endofopt} or the end of the body.
     * Fewer than four bytes left at the end are taken as padding.
     */
    List<Option> options(int start) throws CaptureFormatException {
        List<Option> options = new ArrayList<>();
        int position = start;
        while (position + 4 <= bytes.length) {
            int code = u16(position);
            int length = u16(position + 2);
            if (code == Pcapng.OPT_ENDOFOPT) {
                break;
            }
            if (position + 4 + length > bytes.length) {
                throw fault(position + 2, "option " + code + " of the " + blockName + " has length " + length
                        + ", which runs past the end of the block");
            }
            options.add(new Option(code, position + 4, length));
            position += 4 + Pcapng.padded(length);
        }
        return options;
    }

    /** Raises unless an option value has exactly {@code expected} bytes. */
    void requireOptionLength(Option option, int expected, String name) throws CaptureFormatException {
        if (option.length() != expected) {
            throw fault(option.valueOffset() - 2, name + " option of the " + blockName + " has length "
                    + option.length() + ", expected " + expected);
        }
    }

    /** Returns an exception for a fault at {@code position} in this body. */
    CaptureFormatException fault(int position, String reason) {
        return new CaptureFormatException(fileOffset + position, reason);
    }

    private void require(int position, int length, String fieldDescription) throws CaptureFormatException {
        if (position < 0 || length < 0 || position > bytes.length - length) {
            throw fault(Math.min(Math.max(position, 0), bytes.length), blockName + " is too short for "
                    + fieldDescription + " at body position " + position + " (body length " + bytes.length + ")");
        }
    }

    /** Reads {@code size} bytes at {@code position} as an unsigned number; a 64-bit one may come out negative. */
    static long readUnsigned(byte[] bytes, int position, int size, ByteOrder order) {
        long value = 0;
        if (order == ByteOrder.BIG_ENDIAN) {
            for (int i = 0; i < size; i++) {
                value = (value << 8) | (bytes[position + i] & 0xff);
            }
        } else {
            for (int i = size - 1; i >= 0; i--) {
                value = (value << 8) | (bytes[position + i] & 0xff);
            }
        }
        return value;
    }
}
