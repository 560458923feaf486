package io.stackbench.scenario.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.report.ScenarioOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the whole scenario library, one dynamic test per scenario, against the committed goldens:
 * the same check as {@code ./stackbench run}, inside {@code mvn verify}.
 */
class ScenarioLibraryTest {

    /** The library folder: Maven runs tests with the module folder as working directory. */
    static final Path LIBRARY = Path.of("").toAbsolutePath();

    static List<ScenarioFile> library() throws IOException {
        return ScenarioDiscovery.find(List.of(LIBRARY));
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioPasses() throws IOException {
        List<ScenarioFile> files = library();
        assertThat(files).as("scenarios found under %s", LIBRARY).hasSizeGreaterThanOrEqualTo(8);
        Bench bench = new Bench(new Bench.Options(Path.of("target", "library-test"), null, false, null));
        return files.stream().map(file -> DynamicTest.dynamicTest(file.id(), file.path().toUri(), () -> {
            ScenarioOutcome outcome = bench.run(file).report();
            assertThat(outcome.failure()).as(file.id()).isNull();
        }));
    }
}
