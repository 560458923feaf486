package io.stackbench.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
}
