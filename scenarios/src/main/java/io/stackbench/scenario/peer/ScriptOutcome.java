package io.stackbench.scenario.peer;

/**
 * The verdict on one entry of a tcp-peer script.
 *
 * @param path JSON path of the entry, such as {@code /nodes/1/script/3}
 * @param description what the entry expects
 * @param actual what arrived and when, or why the entry failed
 */
public record ScriptOutcome(String path, String description, boolean passed, String actual) {
}
