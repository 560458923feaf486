package io.stackbench.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    @Test
    void eventsRunInTimeOrder() {
        Simulator sim = new Simulator();
        List<String> ran = new ArrayList<>();
        sim.scheduleAt(30, () -> ran.add("c"));
        sim.scheduleAt(10, () -> ran.add("a"));
        sim.scheduleAt(20, () -> ran.add("b"));

        sim.runAll();

        assertThat(ran).containsExactly("a", "b", "c");
    }

    @Test
    void sameInstantRunsInSchedulingOrder() {
        Simulator sim = new Simulator();
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            sim.scheduleAt(5, () -> ran.add(n));
        }

        sim.runAll();

        assertThat(ran).isSorted().hasSize(100);
    }

    @Test
    void clockIsEventTimeDuringEvent() {
        Simulator sim = new Simulator();
        long[] seen = new long[1];
        sim.scheduleAfter(1_500, () -> seen[0] = sim.now());

        sim.runUntil(10_000);

        assertThat(seen[0]).isEqualTo(1_500);
        assertThat(sim.now()).isEqualTo(10_000);
    }

    @Test
    void cancelledTimerNeverRuns() {
        Simulator sim = new Simulator();
        List<String> ran = new ArrayList<>();
        Timer timer = sim.scheduleAt(10, () -> ran.add("cancelled"));
        sim.scheduleAt(20, () -> ran.add("kept"));

        timer.cancel();
        sim.runAll();

        assertThat(ran).containsExactly("kept");
        assertThat(timer.isPending()).isFalse();
    }

    @Test
    void timerCancelledByEarlierEvent() {
        Simulator sim = new Simulator();
        List<String> ran = new ArrayList<>();
        Timer later = sim.scheduleAt(20, () -> ran.add("later"));
        sim.scheduleAt(20, later::cancel);

        sim.runAll();

        // "later" was scheduled first at the same instant, so it runs before the cancel.
        assertThat(ran).containsExactly("later");
    }

    @Test
    void runUntilStopsAtDeadlineInclusive() {
        Simulator sim = new Simulator();
        List<Long> ran = new ArrayList<>();
        sim.scheduleAt(99, () -> ran.add(99L));
        sim.scheduleAt(100, () -> ran.add(100L));
        sim.scheduleAt(101, () -> ran.add(101L));

        sim.runUntil(100);

        assertThat(ran).containsExactly(99L, 100L);
        assertThat(sim.queuedEvents()).isEqualTo(1);
    }

    @Test
    void pastSchedulingIsRejected() {
        Simulator sim = new Simulator();
        sim.runUntil(1_000);

        assertThatThrownBy(() -> sim.scheduleAt(999, () -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before now");
    }

    @Test
    void eventBudgetStopsRunaway() {
        Simulator sim = new Simulator();
        sim.setEventBudget(1_000);
        Runnable[] storm = new Runnable[1];
        storm[0] = () -> sim.scheduleAfter(0, storm[0]);
        sim.scheduleAt(0, storm[0]);

        assertThatThrownBy(() -> sim.runUntil(1_000_000))
                .isInstanceOf(SimulationLimitException.class)
                .hasMessageContaining("event budget of 1000 events used up")
                .hasMessageContaining("\"limits\"");
        assertThat(sim.eventsRun()).isEqualTo(1_000);
    }

    @Test
    void randomScheduleRunsSortedByTimeThenSequence() {
        qt().withFixedSeed(42).forAll(lists().of(integers().between(0, 50)).ofSizeBetween(0, 300)).checkAssert(times -> {
            Simulator sim = new Simulator();
            List<long[]> ran = new ArrayList<>();
            for (int i = 0; i < times.size(); i++) {
                long time = times.get(i);
                long sequence = i;
                sim.scheduleAt(time, () -> ran.add(new long[] {time, sequence}));
            }

            sim.runAll();

            List<long[]> expected = new ArrayList<>(ran);
            expected.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
            assertThat(ran).hasSize(times.size());
            assertThat(ran).containsExactlyElementsOf(expected);
        });
    }

    @Test
    void cancelTopMiddleAndLast() {
        Simulator sim = new Simulator();
        List<Long> ran = new ArrayList<>();
        List<Timer> timers = new ArrayList<>();
        for (long time = 10; time <= 100; time += 10) {
            long t = time;
            timers.add(sim.scheduleAt(time, () -> ran.add(t)));
        }

        timers.get(0).cancel();
        timers.get(4).cancel();
        timers.get(9).cancel();
        sim.runAll();

        assertThat(ran).containsExactly(20L, 30L, 40L, 60L, 70L, 80L, 90L);
        assertThat(timers.get(0).isPending()).isFalse();
        assertThat(timers.get(4).isPending()).isFalse();
        assertThat(timers.get(9).isPending()).isFalse();
    }

    @Test
    void cancelThenRescheduleRunsAfterEarlierPeers() {
        Simulator sim = new Simulator();
        List<String> ran = new ArrayList<>();
        Timer first = sim.scheduleAt(50, () -> ran.add("first"));
        sim.scheduleAt(50, () -> ran.add("peer"));

        first.cancel();
        Timer again = sim.scheduleAt(50, () -> ran.add("again"));
        sim.runAll();

        // The new event has a new sequence number, so it runs after "peer" at the same instant.
        assertThat(ran).containsExactly("peer", "again");
        assertThat(again.isPending()).isFalse();
    }

    @Test
    void cancelAfterFiringDoesNothing() {
        Simulator sim = new Simulator();
        List<String> ran = new ArrayList<>();
        Timer fired = sim.scheduleAt(10, () -> ran.add("fired"));
        sim.scheduleAt(20, () -> ran.add("kept"));
        sim.runUntil(15);

        fired.cancel();
        fired.cancel();

        assertThat(sim.queuedEvents()).isEqualTo(1);
        sim.runAll();
        assertThat(ran).containsExactly("fired", "kept");
    }

    @Test
    void eventCancellingItselfDoesNothing() {
        Simulator sim = new Simulator();
        List<String> ran = new ArrayList<>();
        Timer[] self = new Timer[1];
        self[0] = sim.scheduleAt(10, () -> {
            self[0].cancel();
            ran.add("ran");
        });
        sim.scheduleAt(10, () -> ran.add("next"));

        sim.runAll();

        assertThat(ran).containsExactly("ran", "next");
        assertThat(sim.queuedEvents()).isZero();
    }

    @Test
    void cancelTwiceIsHarmless() {
        Simulator sim = new Simulator();
        List<String> ran = new ArrayList<>();
        Timer timer = sim.scheduleAt(10, () -> ran.add("cancelled"));
        sim.scheduleAt(20, () -> ran.add("kept"));

        timer.cancel();
        timer.cancel();
        sim.runAll();

        assertThat(ran).containsExactly("kept");
    }

    @Test
    void cancelledEventsLeaveOnceMajority() {
        Simulator sim = new Simulator();
        List<Long> ran = new ArrayList<>();
        List<Timer> timers = new ArrayList<>();
        for (long time = 10; time <= 100; time += 10) {
            long t = time;
            timers.add(sim.scheduleAt(time, () -> ran.add(t)));
        }

        for (int i = 0; i < 5; i++) {
            timers.get(2 * i).cancel();
        }
        assertThat(sim.queuedEvents()).as("5 of 10 cancelled").isEqualTo(10);

        timers.get(1).cancel();
        assertThat(sim.queuedEvents()).as("6 of 10 cancelled").isEqualTo(4);

        sim.runAll();
        assertThat(ran).containsExactly(40L, 60L, 80L, 100L);
    }

    @Test
    void rearmedTimerDoesNotPileUp() {
        Simulator sim = new Simulator();
        sim.scheduleAt(Long.MAX_VALUE / 2, () -> { });
        Timer retransmit = sim.scheduleAfter(1_000_000, () -> { });
        int maxQueued = 0;

        for (int ack = 0; ack < 10_000; ack++) {
            retransmit.cancel();
            retransmit = sim.scheduleAfter(1_000_000, () -> { });
            sim.runUntil(sim.now() + 1_000);
            maxQueued = Math.max(maxQueued, sim.queuedEvents());
        }

        // Two live events, so at most two cancelled ones may stay queued beside them.
        assertThat(maxQueued).isLessThanOrEqualTo(4);
        assertThat(retransmit.isPending()).isTrue();
    }

    @Test
    void cancelManyFromInsideEvent() {
        Simulator sim = new Simulator();
        List<Integer> ran = new ArrayList<>();
        List<Timer> timers = new ArrayList<>();
        sim.scheduleAt(10, () -> {
            for (int i = 0; i < 8; i++) {
                timers.get(i).cancel();
            }
            ran.add(-1);
        });
        for (int i = 0; i < 12; i++) {
            int n = i;
            timers.add(sim.scheduleAt(10 + i % 3, () -> ran.add(n)));
        }

        sim.runAll();

        // Events 0 to 7 were cancelled. Events 8 to 11 run by time (10 + i % 3), then by sequence.
        assertThat(ran).containsExactly(-1, 9, 10, 8, 11);
    }

    @Test
    void eventOverBudgetStaysQueued() {
        Simulator sim = new Simulator();
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            sim.scheduleAt(10 * (i + 1), () -> ran.add(n));
        }
        sim.setEventBudget(3);

        assertThatThrownBy(() -> sim.runUntil(1_000))
                .isInstanceOf(SimulationLimitException.class)
                .hasMessageContaining("event budget of 3 events used up at")
                .hasMessageContaining("with 2 events still queued");
        assertThat(ran).containsExactly(0, 1, 2);
        assertThat(sim.queuedEvents()).isEqualTo(2);
        assertThat(sim.now()).isEqualTo(30);

        sim.setEventBudget(10);
        sim.runUntil(1_000);
        assertThat(ran).containsExactly(0, 1, 2, 3, 4);
    }

    /**
     * A scheduled event in the reference model. Events are scheduled only by the test, so the
     * position in the list of timers is also the simulator's insertion sequence.
     */
    private record ModelEvent(long time, int id) {
        static final Comparator<ModelEvent> ORDER =
                Comparator.comparingLong(ModelEvent::time).thenComparingInt(ModelEvent::id);
    }

    /**
     * Runs a random mix of schedule, cancel and run operations against the simulator and against
     * a sorted set of (time, sequence) keys, and compares the order in which events ran. Each
     * operation is one integer: the low three bits choose the kind (3 in 8 schedule, 3 in 8 cancel,
     * 2 in 8 run) and the rest is its argument. Times repeat often, so many events share an
     * instant, and cancels are frequent enough to make cancelled events the majority.
     */
    @Test
    void randomScheduleCancelRunMatchesSortedModel() {
        qt().withFixedSeed(20_240_611L).withExamples(400)
                .forAll(lists().of(integers().between(0, 8 * 250 - 1)).ofSizeBetween(0, 400))
                .checkAssert(operations -> {
                    Simulator sim = new Simulator();
                    List<Timer> timers = new ArrayList<>();
                    List<ModelEvent> modelEvents = new ArrayList<>();
                    TreeSet<ModelEvent> model = new TreeSet<>(ModelEvent.ORDER);
                    List<Integer> ran = new ArrayList<>();
                    List<Integer> expected = new ArrayList<>();

                    for (int operation : operations) {
                        int argument = operation >>> 3;
                        switch (operation & 7) {
                            case 0, 1, 2 -> {
                                int id = timers.size();
                                ModelEvent event = new ModelEvent(sim.now() + argument % 40, id);
                                timers.add(sim.scheduleAt(event.time(), () -> ran.add(id)));
                                modelEvents.add(event);
                                model.add(event);
                            }
                            case 3, 4, 5 -> {
                                if (!timers.isEmpty()) {
                                    int id = argument % timers.size();
                                    timers.get(id).cancel();
                                    model.remove(modelEvents.get(id));
                                }
                            }
                            default -> {
                                long end = sim.now() + argument % 60;
                                sim.runUntil(end);
                                while (!model.isEmpty() && model.first().time() <= end) {
                                    expected.add(model.pollFirst().id());
                                }
                                assertThat(ran).isEqualTo(expected);
                                for (int id = 0; id < timers.size(); id++) {
                                    assertThat(timers.get(id).isPending())
                                            .as("timer %d pending", id)
                                            .isEqualTo(model.contains(modelEvents.get(id)));
                                }
                            }
                        }
                    }

                    sim.runAll();
                    while (!model.isEmpty()) {
                        expected.add(model.pollFirst().id());
                    }
                    assertThat(ran).isEqualTo(expected);
                    assertThat(sim.queuedEvents()).isZero();
                });
    }
}
