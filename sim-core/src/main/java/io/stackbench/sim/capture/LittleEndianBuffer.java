package io.stackbench.sim.capture;

import java.util.Arrays;

/** A growable byte array that appends little-endian integers, for building one block at a time. */
final class LittleEndianBuffer {

    private byte[] bytes = new byte[256];
    private int size;

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    void u8(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void u16(int value) {
        ensure(2);
        bytes[size++] = (byte) value;
        bytes[size++] = (byte) (value >>> 8);
    }

    void u32(int value) {
        ensure(4);
        putU32(size, value);
        size += 4;
    }

    void u64(long value) {
        u32((int) value);
        u32((int) (value >>> 32));
    }

    void bytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    /** Appends zero bytes up to the next multiple of 4. */
    void padTo32Bits() {
        int padding = Pcapng.padded(size) - size;
        ensure(padding);
        Arrays.fill(bytes, size, size + padding, (byte) 0);
        size += padding;
    }

    /** Overwrites four bytes at {@code position}, which must already have been appended. */
    void putU32(int position, int value) {
        bytes[position] = (byte) value;
        bytes[position + 1] = (byte) (value >>> 8);
        bytes[position + 2] = (byte) (value >>> 16);
        bytes[position + 3] = (byte) (value >>> 24);
    }

    /** Returns the internal array, of which only the first {@link #size()} bytes are valid. */
    byte[] array() {
        return bytes;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }
}
