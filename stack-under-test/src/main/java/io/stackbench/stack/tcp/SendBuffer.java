package io.stackbench.stack.tcp;

import java.util.Arrays;

/**
 * Bytes written by the user and not yet acknowledged. Byte 0 of the buffer is the byte at SND.UNA,
 * so the bytes from SND.NXT − SND.UNA onwards are not sent yet.
 */
final class SendBuffer {

    /** Maximum bytes queued per connection; a write beyond it fails. */
    static final int CAPACITY = 1 << 20;

    private byte[] bytes = new byte[4096];
    private int start;
    private int end;

    int size() {
        return end - start;
    }

    /** Appends {@code data}; returns false, appending nothing, when it does not fit in {@link #CAPACITY}. */
    boolean append(byte[] data) {
        if (size() + data.length > CAPACITY) {
            return false;
        }
        if (end + data.length > bytes.length) {
            int length = size();
            if (length + data.length <= bytes.length / 2) {
                // At most half full once the acknowledged bytes are dropped: move in place. At least
                // half the array was appended since the last move, so each byte moves O(1) times.
                System.arraycopy(bytes, start, bytes, 0, length);
            } else {
                byte[] grown = new byte[Math.max(bytes.length, Integer.highestOneBit(length + data.length) * 2)];
                System.arraycopy(bytes, start, grown, 0, length);
                bytes = grown;
            }
            start = 0;
            end = length;
        }
        System.arraycopy(data, 0, bytes, end, data.length);
        end += data.length;
        return true;
    }

    /** Returns a copy of {@code length} bytes starting {@code offset} bytes after SND.UNA. */
    byte[] copy(int offset, int length) {
        return Arrays.copyOfRange(bytes, start + offset, start + offset + length);
    }

    /** Discards the first {@code count} bytes, which the peer acknowledged. */
    void discard(int count) {
        start += count;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    void clear() {
        start = 0;
        end = 0;
    }
}
