package io.stackbench.scenario.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.scenario.model.Scenario;
import io.stackbench.scenario.run.RunResult;
import io.stackbench.sim.capture.PcapngWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same scenario and seed give byte-identical pcapng files: run twice in this JVM, run in
 * parallel, and run once in a separate JVM.
 */
class DeterminismTest {

    @TempDir
    Path temp;

    private static byte[] runOnce(ScenarioFile file) throws Exception {
        Scenario scenario = Bench.loader().load(file.path(), file.id());
        RunResult result = Bench.runner().run(scenario);
        return PcapngWriter.toBytes(result.capture());
    }

    @TestFactory
    Stream<DynamicTest> twoRunsGiveIdenticalCaptures() throws IOException {
        return ScenarioLibraryTest.library().stream().map(file -> DynamicTest.dynamicTest(file.id(), () -> {
            byte[] first = runOnce(file);
            byte[] second = runOnce(file);

            assertThat(second).as(file.id()).isEqualTo(first);
        }));
    }

    @Test
    void parallelRunsMatchSerialRuns() throws Exception {
        List<ScenarioFile> files = ScenarioLibraryTest.library();
        List<byte[]> serial = new ArrayList<>();
        for (ScenarioFile file : files) {
            serial.add(runOnce(file));
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<byte[]>> parallel = new ArrayList<>();
        // Submitted in reverse so the scheduling order differs from the serial run.
        for (int i = files.size() - 1; i >= 0; i--) {
            ScenarioFile file = files.get(i);
            parallel.add(0, pool.submit(() -> runOnce(file)));
        }
        pool.shutdown();

        for (int i = 0; i < files.size(); i++) {
            assertThat(parallel.get(i).get(60, TimeUnit.SECONDS)).as(files.get(i).id()).isEqualTo(serial.get(i));
        }
    }

    @TestFactory
    Stream<DynamicTest> separateJvmGivesIdenticalCaptures() throws IOException {
        return ScenarioLibraryTest.library().stream().map(file -> DynamicTest.dynamicTest(file.id(), () -> {
            Path output = temp.resolve(file.id().replace('/', '_') + ".pcapng");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    DeterminismProbe.class.getName(), file.path().toString(), file.id(), output.toString())
                    .redirectErrorStream(true)
                    .start();
            String log = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("separate JVM finished").isTrue();
            assertThat(process.exitValue()).as("separate JVM exit code; output:%n%s", log).isZero();

            assertThat(Files.readAllBytes(output)).as(file.id()).isEqualTo(runOnce(file));
        }));
    }
}
