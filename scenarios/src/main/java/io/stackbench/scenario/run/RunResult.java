package io.stackbench.scenario.run;

import io.stackbench.scenario.model.Scenario;
import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.spi.StackEvent;
import java.util.List;
import java.util.Map;

/**
 * Everything a run produced: the capture, the stacks' event logs, boot errors, ping outcomes and
 * the verdict on every expectation. It holds no wall-clock data, so two runs of one scenario and
 * seed give equal results.
 *
 * @param abortReason why the run stopped early (event budget), or null
 */
public record RunResult(
        Scenario scenario,
        Capture capture,
        List<StackEvent> events,
        Map<String, String> bootErrors,
        Map<String, List<PingAttempt>> pings,
        List<ExpectationResult> expectations,
        String abortReason,
        long eventsRun,
        long framesDelivered) {

    public boolean passed() {
        return abortReason == null && expectations.stream().allMatch(ExpectationResult::passed);
    }

    /** Returns the first failed check in words, or null when the run passed. */
    public String firstProblem() {
        if (abortReason != null) {
            return abortReason;
        }
        return expectations.stream()
                .filter(e -> !e.passed())
                .map(e -> e.path() + ": expected " + e.description() + ", got " + e.actual())
                .findFirst()
                .orElse(null);
    }

    /** Returns a copy with one more expectation verdict, used for the golden comparison. */
    public RunResult with(ExpectationResult extra) {
        List<ExpectationResult> all = new java.util.ArrayList<>(expectations);
        all.add(extra);
        return new RunResult(scenario, capture, events, bootErrors, pings, List.copyOf(all), abortReason, eventsRun, framesDelivered);
    }
}
