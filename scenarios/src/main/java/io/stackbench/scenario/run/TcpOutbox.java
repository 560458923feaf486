package io.stackbench.scenario.run;

import io.stackbench.sim.spi.TcpConnection;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Data that the bench wrote to one TCP connection and the connection's send buffer has not taken
 * yet, in write order. {@link #flush} hands over as much as the buffer takes, and the handler calls
 * it again whenever acknowledged data frees space, so a transfer of any length streams through the
 * bounded send buffer. A close requested while data is waiting runs once the last byte is written.
 */
final class TcpOutbox {

    /** Largest write of the counting pattern, so a generated chunk stays small. */
    static final int PATTERN_CHUNK = 1 << 16;

    /** The counting pattern from byte 0, long enough to copy a chunk starting at any phase mod 256. */
    private static final byte[] PATTERN = new byte[PATTERN_CHUNK + 256];

    static {
        for (int i = 0; i < PATTERN.length; i++) {
            PATTERN[i] = (byte) i;
        }
    }

    /** One write: literal bytes when {@code data} is not null, else {@code length} bytes of the pattern. */
    private static final class Pending {
        final byte[] data;
        final long length;
        long written;

        Pending(byte[] data, long length) {
            this.data = data;
            this.length = length;
        }
    }

    private final Deque<Pending> pending = new ArrayDeque<>();
    private boolean closeRequested;
    private boolean closed;

    void addBytes(byte[] data) {
        if (data.length > 0) {
            pending.addLast(new Pending(data, data.length));
        }
    }

    /** Queues {@code length} bytes whose byte i is i mod 256. */
    void addPattern(long length) {
        if (length > 0) {
            pending.addLast(new Pending(null, length));
        }
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** True once a close was requested, whether it already ran or waits for queued data. */
    boolean closeRequested() {
        return closeRequested;
    }

    /** Closes {@code connection} once every queued byte is written, which may be at once. */
    void requestClose(TcpConnection connection) {
        closeRequested = true;
        flush(connection);
    }

    /** Drops what is queued, for an abort. */
    void clear() {
        pending.clear();
    }

    /** Writes queued data while the send buffer has space, then runs a requested close once nothing is left. */
    void flush(TcpConnection connection) {
        while (!pending.isEmpty()) {
            int writable = connection.writableBytes();
            if (writable <= 0) {
                return;
            }
            Pending head = pending.peekFirst();
            long left = head.length - head.written;
            int length = (int) Math.min(left, head.data == null ? Math.min(writable, PATTERN_CHUNK) : writable);
            connection.write(chunk(head, length));
            head.written += length;
            if (head.written == head.length) {
                pending.removeFirst();
            }
        }
        if (closeRequested && !closed) {
            closed = true;
            connection.close();
        }
    }

    private static byte[] chunk(Pending head, int length) {
        if (head.data == null) {
            int phase = (int) (head.written & 0xff);
            return Arrays.copyOfRange(PATTERN, phase, phase + length);
        }
        if (head.written == 0 && length == head.data.length) {
            return head.data;
        }
        return Arrays.copyOfRange(head.data, (int) head.written, (int) head.written + length);
    }
}
