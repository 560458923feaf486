package io.stackbench.scenario.library;

import java.nio.file.Path;

/**
 * A scenario file found in a library.
 *
 * @param id path below the library root without {@code .json}, with forward slashes
 * @param root the library root, the folder that {@code id} is relative to
 */
public record ScenarioFile(Path path, String id, Path root) {
}
