package io.stackbench.scenario.load;

import java.nio.file.Path;

/**
 * One thing wrong with a scenario file, located precisely enough to fix it without searching.
 *
 * @param jsonPath JSON Pointer of the bad value, such as {@code /steps/2/node}
 * @param value the offending value as written, or null when something is missing
 * @param fix what to write instead
 */
public record ScenarioProblem(Path file, int line, int column, String jsonPath, String value, String message, String fix) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(file).append(':').append(line).append(':').append(column).append(": ");
        text.append(jsonPath.isEmpty() ? "/" : jsonPath).append(": ").append(message);
        if (value != null) {
            text.append(" (value: ").append(value).append(')');
        }
        if (fix != null) {
            text.append(". Fix: ").append(fix);
        }
        return text.toString();
    }
}
