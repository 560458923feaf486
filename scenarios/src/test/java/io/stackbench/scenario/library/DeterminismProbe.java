package io.stackbench.scenario.library;

import io.stackbench.scenario.model.Scenario;
import io.stackbench.sim.capture.PcapngWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs one scenario and writes its pcapng, for the determinism test's separate JVM. */
public final class DeterminismProbe {

    private DeterminismProbe() {
    }

    /** Arguments: scenario file, scenario id, output pcapng path. */
    public static void main(String[] args) throws Exception {
        Scenario scenario = Bench.loader().load(Path.of(args[0]), args[1]);
        Files.write(Path.of(args[2]), PcapngWriter.toBytes(Bench.runner().run(scenario).capture()));
    }
}
