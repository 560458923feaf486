package io.stackbench.stack.tcp;

import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.spi.TcpConnection;
import io.stackbench.sim.spi.TcpHandler;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One side of a test transfer: writes its bytes in chunks at planned times, closes as planned,
 * and records what arrives and how the connection ends. Failed writes and closes are
 * recorded as failures instead of thrown, so they reach the property's message and not the
 * simulator.
 */
final class TransferEndpoint implements TcpHandler {

    /** How the bytes are written. */
    enum WritePattern {
        /** One write right after the active open, before the handshake completes (the listener writes on ESTABLISHED). */
        ONE_WRITE_BEFORE_ESTABLISHED,
        /** One write on ESTABLISHED. */
        ONE_WRITE,
        /** Writes of 1 to 64 bytes, all on ESTABLISHED. */
        SMALL_WRITES,
        /** Writes of 1 to 3,000 bytes, each 0 to 20 ms after the previous one. */
        TIMED_WRITES
    }

    /** One planned write: {@code delayNanos} after the previous one, {@code length} bytes. */
    record Chunk(long delayNanos, int length) {
    }

    final String name;
    final byte[] toSend;
    final List<Chunk> plan;
    final boolean closeAfterRemoteClose;
    private final Simulator simulator;

    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final List<String> closedReasons = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    /** Connections other than the transfer's that ended, such as one a late SYN opened. */
    int otherConnectionsClosed;
    TcpConnection connection;
    int establishedCount;
    private boolean writingStarted;
    private boolean writesDone;
    private boolean remoteClosed;
    private boolean closeCalled;

    TransferEndpoint(String name, Simulator simulator, byte[] toSend, WritePattern pattern, boolean closeAfterRemoteClose, long seed) {
        this.name = name;
        this.simulator = simulator;
        this.toSend = toSend;
        this.plan = plan(toSend.length, pattern, new Random(seed));
        this.closeAfterRemoteClose = closeAfterRemoteClose;
    }

    static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static List<Chunk> plan(int total, WritePattern pattern, Random random) {
        List<Chunk> chunks = new ArrayList<>();
        if (total == 0) {
            return chunks;
        }
        switch (pattern) {
            case ONE_WRITE_BEFORE_ESTABLISHED, ONE_WRITE -> chunks.add(new Chunk(0, total));
            case SMALL_WRITES -> {
                for (int written = 0; written < total; ) {
                    int length = Math.min(total - written, 1 + random.nextInt(64));
                    chunks.add(new Chunk(0, length));
                    written += length;
                }
            }
            case TIMED_WRITES -> {
                for (int written = 0; written < total; ) {
                    int length = Math.min(total - written, 1 + random.nextInt(3_000));
                    chunks.add(new Chunk(random.nextInt(20_000_001), length));
                    written += length;
                }
            }
        }
        return chunks;
    }

    /** Starts the plan now, or closes at once when there is nothing to write. A second call does nothing. */
    void startWriting() {
        if (writingStarted) {
            return;
        }
        writingStarted = true;
        if (plan.isEmpty()) {
            writesDone = true;
            closeIfDue();
            return;
        }
        if (plan.get(0).delayNanos() == 0) {
            writeFrom(0, 0);
        } else {
            simulator.scheduleAfter(plan.get(0).delayNanos(), () -> writeFrom(0, 0));
        }
    }

    /** Writes chunk {@code index}, whose delay has passed, and the chunks after it without delay, then schedules the rest. */
    private void writeFrom(int index, int offset) {
        int next = index;
        int position = offset;
        while (next < plan.size() && (next == index || plan.get(next).delayNanos() == 0)) {
            int length = plan.get(next).length();
            write(Arrays.copyOfRange(toSend, position, position + length));
            position += length;
            next++;
        }
        if (next < plan.size()) {
            int resumeAt = next;
            int resumeOffset = position;
            simulator.scheduleAfter(plan.get(next).delayNanos(), () -> writeFrom(resumeAt, resumeOffset));
            return;
        }
        writesDone = true;
        closeIfDue();
    }

    private void write(byte[] data) {
        try {
            connection.write(data);
        } catch (IllegalStateException e) {
            failures.add(name + ": write of " + data.length + " bytes at " + simulator.now() + " ns failed: " + e.getMessage());
        }
    }

    private void closeIfDue() {
        // A close in SYN-SENT would delete the connection (RFC 9293 §3.10.4), so even a side with nothing to write waits for ESTABLISHED.
        if (closeCalled || establishedCount == 0 || !writesDone || (closeAfterRemoteClose && !remoteClosed)) {
            return;
        }
        closeCalled = true;
        connection.close();
    }

    @Override
    public void onEstablished(TcpConnection established) {
        establishedCount++;
        if (connection == null) {
            connection = established;
        }
        if (established == connection) {
            startWriting();
            closeIfDue();
        }
    }

    @Override
    public void onData(TcpConnection from, byte[] data) {
        if (from == connection) {
            received.writeBytes(data);
        } else {
            failures.add(name + ": " + data.length + " bytes arrived on a second connection " + from);
        }
    }

    @Override
    public void onRemoteClose(TcpConnection from) {
        if (from == connection) {
            remoteClosed = true;
            closeIfDue();
        }
    }

    /**
     * Records how the transfer's connection ended. A late copy of the SYN can reach the listener after
     * that connection closed and open a half-open one, which the other side's RST then ends (RFC 9293
     * §3.10.7.4). That connection is not the transfer's, so only its count is kept.
     */
    @Override
    public void onClosed(TcpConnection from, String reason) {
        if (connection == null || from == connection) {
            closedReasons.add(reason);
        } else {
            otherConnectionsClosed++;
        }
    }
}
