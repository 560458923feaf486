package io.stackbench.report;

import java.util.List;

/**
 * What the reports need to know about one scenario run.
 *
 * @param id scenario id such as {@code arp/gratuitous-at-boot}
 * @param checks every expectation with its verdict, in file order, the golden comparison last
 * @param failure the first problem in words, or null when the scenario passed
 * @param capturePath where the run's pcapng was written, relative to the report directory
 */
public record ScenarioOutcome(String id, String name, List<String> tags, String description, long simulatedNanos, int frames,
        List<Check> checks, String failure, String capturePath) {

    /** One verdict. */
    public record Check(String path, String description, boolean passed, String actual) {
    }

    public boolean passed() {
        return failure == null;
    }
}
