package io.stackbench.scenario.load;

import java.util.List;
import java.util.stream.Collectors;

/** Raised when a scenario file cannot be used; carries every problem found, in file order. */
public final class ScenarioException extends Exception {

    private final List<ScenarioProblem> problems;

    public ScenarioException(List<ScenarioProblem> problems) {
        super(problems.stream().map(ScenarioProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ScenarioProblem> problems() {
        return problems;
    }
}
