package io.stackbench.scenario.model;

import java.nio.file.Path;
import java.util.List;

/**
 * One scenario file, validated: the network to build, the timeline of steps, and what must be true.
 *
 * @param id the scenario's path below the library root without extension, such as {@code arp/gratuitous-at-boot};
 *     it also names the golden capture
 * @param source the file it was loaded from
 * @param durationNanos simulated time the run lasts
 * @param eventBudget maximum events the run may execute
 * @param golden whether the trace is compared against a golden capture
 * @param snapLength bytes kept of each captured frame, 0 for whole frames; the original length is kept
 */
public record Scenario(
        String id,
        Path source,
        String name,
        String description,
        List<String> tags,
        long seed,
        long durationNanos,
        long eventBudget,
        List<SegmentSpec> segments,
        List<NodeSpec> nodes,
        List<StepSpec> steps,
        List<ExpectationSpec> expectations,
        boolean golden,
        int snapLength) {

    public Scenario withSeed(long newSeed) {
        return new Scenario(id, source, name, description, tags, newSeed, durationNanos, eventBudget, segments, nodes, steps,
                expectations, golden, snapLength);
    }
}
