package io.stackbench.stack.tcp;

import io.stackbench.sim.engine.Timer;

/**
 * One connection timer as a deadline. Moving the deadline later, which the retransmission timer
 * does on every ACK of new data (RFC 6298 §5.3), schedules nothing: the event already queued
 * fires at the old deadline, finds a later one and schedules itself again. So a bulk transfer
 * queues about one event per timeout period instead of one per segment. {@link #cancel()} keeps
 * the queued event too, and that event then does nothing; {@link #stop()} removes it.
 */
final class DeadlineTimer {

    private static final long NONE = Long.MAX_VALUE;

    private final TcpLayer layer;
    private final Runnable action;
    private final Runnable fire = this::fire;
    private long deadline = NONE;
    private Timer scheduled;

    DeadlineTimer(TcpLayer layer, Runnable action) {
        this.layer = layer;
        this.action = action;
    }

    /** Sets the deadline to {@code delay} nanoseconds from now, replacing any deadline set before. */
    void start(long delay) {
        deadline = layer.now() + delay;
        if (scheduled != null && scheduled.isPending()) {
            if (scheduled.deadline() <= deadline) {
                return;
            }
            scheduled.cancel();
        }
        scheduled = layer.schedule(delay, fire);
    }

    /** Sets the deadline unless one is set already. */
    void startIfStopped(long delay) {
        if (!isRunning()) {
            start(delay);
        }
    }

    /** Clears the deadline; the event already queued, if any, fires and does nothing. */
    void cancel() {
        deadline = NONE;
    }

    /** Clears the deadline and removes the queued event, for a connection that ends. */
    void stop() {
        deadline = NONE;
        if (scheduled != null) {
            scheduled.cancel();
            scheduled = null;
        }
    }

    boolean isRunning() {
        return deadline != NONE;
    }

    /** Returns the deadline in simulated nanoseconds; only meaningful while {@link #isRunning()}. */
    long deadline() {
        return deadline;
    }

    private void fire() {
        scheduled = null;
        if (deadline == NONE) {
            return;
        }
        long now = layer.now();
        if (now < deadline) {
            scheduled = layer.schedule(deadline - now, fire);
            return;
        }
        deadline = NONE;
        action.run();
    }
}
