package io.stackbench.stack.tcp;

/**
 * Bytes written by the user and not yet acknowledged, in a ring that grows by doubling up to
 * {@link #CAPACITY}. Byte 0 is the first byte not yet acknowledged; the connection keeps its
 * sequence number.
 */
final class SendBuffer {

    /** Maximum bytes queued per connection; a write beyond it fails. A power of two, as the ring's sizes are. */
    static final int CAPACITY = 1 << 20;

    private static final int INITIAL_SIZE = 4096;

    private byte[] bytes = new byte[INITIAL_SIZE];
    private int head;
    private int size;

    int size() {
        return size;
    }

    /** Returns how many more bytes fit before {@link #CAPACITY}. */
    int free() {
        return CAPACITY - size;
    }

    /** Appends {@code data}; returns false, appending nothing, when it does not fit in {@link #CAPACITY}. */
    boolean append(byte[] data) {
        int length = data.length;
        if (length > free()) {
            return false;
        }
        if (size + length > bytes.length) {
            grow(size + length);
        }
        int tail = (head + size) & (bytes.length - 1);
        int first = Math.min(length, bytes.length - tail);
        System.arraycopy(data, 0, bytes, tail, first);
        System.arraycopy(data, first, bytes, 0, length - first);
        size += length;
        return true;
    }

    /** Copies {@code length} bytes starting {@code offset} bytes after byte 0 into {@code target} at {@code targetOffset}. */
    void copyTo(int offset, byte[] target, int targetOffset, int length) {
        int start = (head + offset) & (bytes.length - 1);
        int first = Math.min(length, bytes.length - start);
        System.arraycopy(bytes, start, target, targetOffset, first);
        System.arraycopy(bytes, 0, target, targetOffset + first, length - first);
    }

    /** Returns a copy of {@code length} bytes starting {@code offset} bytes after byte 0. */
    byte[] copy(int offset, int length) {
        byte[] copy = new byte[length];
        copyTo(offset, copy, 0, length);
        return copy;
    }

    /** Discards the first {@code count} bytes, which the peer acknowledged. */
    void discard(int count) {
        size -= count;
        head = size == 0 ? 0 : (head + count) & (bytes.length - 1);
    }

    void clear() {
        head = 0;
        size = 0;
    }

    private void grow(int needed) {
        int capacity = bytes.length;
        while (capacity < needed) {
            capacity *= 2;
        }
        byte[] grown = new byte[capacity];
        copyTo(0, grown, 0, size);
        bytes = grown;
        head = 0;
    }
}
