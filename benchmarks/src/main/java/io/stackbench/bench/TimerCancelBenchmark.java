package io.stackbench.bench;

import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.engine.Timer;
import io.stackbench.sim.random.DeterministicRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of cancelling timers. A cancelled event stays in the queue until its deadline comes up,
 * so the whole life of a timer is measured: schedule, cancel, and the pop that discards it. The
 * same life without the cancel, where the timer fires a no-op, is the baseline. Every score is in
 * timers per second.
 *
 * <p>{@code idleTimers} far-future timers sit in the queue throughout, as the idle timers of many
 * stacks would, so the heap is deep.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TimerCancelBenchmark {

    private static final int TIMERS_PER_INVOCATION = 1000;
    private static final int OFFSET_BITS = 20;
    /** Every timer of one invocation is due within this time, so a run over it drains them all. */
    private static final long MAX_OFFSET_NANOS = 1L << OFFSET_BITS;
    /** A retransmission timeout, re-armed on every acknowledgement. */
    private static final long RETRANSMIT_TIMEOUT_NANOS = 1_000_000L;
    /** Time between two acknowledgements; a timeout of 1 ms thus leaves about 1,000 cancelled timers queued. */
    private static final long ACK_INTERVAL_NANOS = 1_000L;
    private static final long IDLE_DEADLINE = Long.MAX_VALUE / 2;
    private static final Runnable NO_OP = () -> { };
    private static final long SEED = 0x5eed;

    @Param({"0", "100000"})
    public int idleTimers;

    private Simulator simulator;
    private DeterministicRandom random;
    private final Timer[] timers = new Timer[TIMERS_PER_INVOCATION];
    private Timer retransmitTimer;

    @Setup(Level.Trial)
    public void fillQueue() {
        simulator = new Simulator();
        simulator.setEventBudget(Long.MAX_VALUE);
        random = new DeterministicRandom(SEED);
        for (int i = 0; i < idleTimers; i++) {
            simulator.scheduleAt(IDLE_DEADLINE + i, NO_OP);
        }
        retransmitTimer = simulator.scheduleAfter(RETRANSMIT_TIMEOUT_NANOS, NO_OP);
    }

    private long nextOffset() {
        return 1 + (random.nextLong() >>> (Long.SIZE - OFFSET_BITS));
    }

    /** Schedules timers at random offsets, cancels them all, then runs past their deadlines. */
    @Benchmark
    @OperationsPerInvocation(TIMERS_PER_INVOCATION)
    public void scheduleCancelDiscard() {
        for (int i = 0; i < TIMERS_PER_INVOCATION; i++) {
            timers[i] = simulator.scheduleAfter(nextOffset(), NO_OP);
        }
        for (int i = 0; i < TIMERS_PER_INVOCATION; i++) {
            timers[i].cancel();
        }
        simulator.runUntil(simulator.now() + MAX_OFFSET_NANOS);
    }

    /** Schedules the same timers and lets them fire, as the baseline. */
    @Benchmark
    @OperationsPerInvocation(TIMERS_PER_INVOCATION)
    public void scheduleFire() {
        for (int i = 0; i < TIMERS_PER_INVOCATION; i++) {
            timers[i] = simulator.scheduleAfter(nextOffset(), NO_OP);
        }
        simulator.runUntil(simulator.now() + MAX_OFFSET_NANOS);
    }

    /**
     * Re-arms one retransmission timer per acknowledgement, as TCP does: cancel, schedule again one
     * timeout ahead, and let simulated time pass to the next acknowledgement.
     */
    @Benchmark
    public void rearmRetransmitTimer() {
        retransmitTimer.cancel();
        retransmitTimer = simulator.scheduleAfter(RETRANSMIT_TIMEOUT_NANOS, NO_OP);
        simulator.runUntil(simulator.now() + ACK_INTERVAL_NANOS);
    }
}
