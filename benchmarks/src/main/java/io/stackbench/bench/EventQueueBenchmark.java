package io.stackbench.bench;

import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.random.DeterministicRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Schedule-and-run throughput of the bare {@link Simulator} with a steady-state queue: every event
 * schedules exactly one new event at a random offset, so the queue always contains
 * {@code pendingEvents} events. The score to read is the {@code events} counter, in events per
 * second; the primary score counts slices of simulated time, which is not a useful unit.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventQueueBenchmark {

    /** Offsets are uniform in [1, 2^20] ns (up to about 1 ms), drawn from the top 20 bits of one draw. */
    private static final int OFFSET_BITS = 20;
    /** The mean offset: one slice of this length runs about {@code pendingEvents} events. */
    private static final long SLICE_NANOS = 1L << (OFFSET_BITS - 1);
    private static final long SEED = 0x5eed;

    @Param({"1000", "10000", "100000"})
    public int pendingEvents;

    private Simulator simulator;
    private DeterministicRandom random;
    /** One shared action, so the engine's own allocation (the event) is the only one per event. */
    private Runnable rescheduleAction;

    @Setup(Level.Trial)
    public void fillQueue() {
        simulator = new Simulator();
        simulator.setEventBudget(Long.MAX_VALUE);
        random = new DeterministicRandom(SEED);
        rescheduleAction = this::scheduleNext;
        for (int i = 0; i < pendingEvents; i++) {
            scheduleNext();
        }
    }

    private void scheduleNext() {
        long offset = 1 + (random.nextLong() >>> (Long.SIZE - OFFSET_BITS));
        simulator.scheduleAfter(offset, rescheduleAction);
    }

    /** Runs one slice of simulated time and adds the events it ran to the {@code events} counter. */
    @Benchmark
    public void runSlice(EventCounter counter) {
        long before = simulator.eventsRun();
        simulator.runUntil(simulator.now() + SLICE_NANOS);
        counter.events += simulator.eventsRun() - before;
    }

    /** Events run, which JMH reports as a rate beside the primary score. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class EventCounter {

        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }
}
