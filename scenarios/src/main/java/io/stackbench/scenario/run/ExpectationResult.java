package io.stackbench.scenario.run;

/**
 * The verdict on one expectation.
 *
 * @param path JSON path of the expectation, or a name such as {@code golden} for implicit checks
 * @param actual what the run showed, in words
 */
public record ExpectationResult(String path, String description, boolean passed, String actual) {
}
