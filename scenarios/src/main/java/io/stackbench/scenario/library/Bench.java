package io.stackbench.scenario.library;

import io.stackbench.report.GoldenComparison;
import io.stackbench.report.ScenarioOutcome;
import io.stackbench.scenario.filter.DisplayFilter;
import io.stackbench.scenario.filter.FilterSyntaxException;
import io.stackbench.scenario.load.ScenarioException;
import io.stackbench.scenario.load.ScenarioLoader;
import io.stackbench.scenario.model.NodeSpec;
import io.stackbench.scenario.model.Scenario;
import io.stackbench.scenario.run.ExpectationResult;
import io.stackbench.scenario.run.RunResult;
import io.stackbench.scenario.run.ScenarioRunner;
import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.PcapWriter;
import io.stackbench.sim.capture.PcapngReader;
import io.stackbench.sim.capture.TimestampResolution;
import io.stackbench.sim.capture.PcapngWriter;
import io.stackbench.stack.DualStack;
import io.stackbench.stack.config.BootArgumentException;
import io.stackbench.stack.config.BootArguments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads, runs and judges scenarios against the stack under test, compares their captures with
 * the goldens, and writes each run's pcapng into the report directory. Safe to call from several
 * threads at once: each run has its own simulator.
 */
public final class Bench {

    /**
     * How a bench runs.
     *
     * @param reportDirectory where captures and reports go
     * @param goldensRoot where goldens live, or null for the {@code pcaps} folder beside each library root
     * @param updateGoldens rewrite goldens instead of comparing
     * @param seedOverride a seed replacing every scenario's own, or null; goldens are not compared then
     * @param exportPcap also write one classic pcap per segment, for tools that do not read pcapng
     */
    public record Options(Path reportDirectory, Path goldensRoot, boolean updateGoldens, Long seedOverride, boolean exportPcap) {

        public Options(Path reportDirectory, Path goldensRoot, boolean updateGoldens, Long seedOverride) {
            this(reportDirectory, goldensRoot, updateGoldens, seedOverride, false);
        }
    }

    /** The result of one scenario: the run itself (null when the file did not load) and its report. */
    public record Outcome(ScenarioFile file, RunResult run, ScenarioOutcome report) {
    }

    private final Options options;

    public Bench(Options options) {
        this.options = options;
    }

    /** Returns a loader with the semantic checks that need the filter and boot-argument parsers. */
    public static ScenarioLoader loader() {
        return new ScenarioLoader()
                .withFilterCheck(text -> {
                    try {
                        DisplayFilter.parse(text);
                        return null;
                    } catch (FilterSyntaxException e) {
                        return "at position " + e.position() + " (\"" + e.filter().substring(e.position()) + "\"): " + e.reason();
                    }
                })
                .withBootCheck(text -> {
                    try {
                        BootArguments.parse(text);
                        return null;
                    } catch (BootArgumentException e) {
                        return e.getMessage();
                    }
                });
    }

    /** Returns a runner hosting {@link DualStack} with display filters for trace predicates. */
    public static ScenarioRunner runner() {
        return new ScenarioRunner(DualStack::new, text -> DisplayFilter.parse(text)::matches);
    }

    /**
     * Describes an invalid file with its first problem on the first line, which the console prints,
     * and every problem on the lines after it, which the reports show.
     */
    static String invalidFile(ScenarioException e) {
        int more = e.problems().size() - 1;
        String first = e.problems().isEmpty() ? "" : " " + e.problems().get(0);
        String rest = "";
        if (more == 1) {
            rest = " (and 1 more problem, listed by stackbench validate)";
        } else if (more > 1) {
            rest = " (and " + more + " more problems, listed by stackbench validate)";
        }
        return "invalid scenario file:" + first + rest + "\n" + e.getMessage();
    }

    public Outcome run(ScenarioFile file) throws IOException {
        Scenario scenario;
        try {
            scenario = loader().load(file.path(), file.id());
        } catch (ScenarioException e) {
            ScenarioOutcome report = new ScenarioOutcome(file.id(), file.id(), List.of(), "", 0, 0, List.of(), invalidFile(e), null);
            return new Outcome(file, null, report);
        }
        if (options.seedOverride() != null) {
            scenario = scenario.withSeed(options.seedOverride());
        }
        RunResult result = runner().run(scenario);

        Path capturePath = options.reportDirectory().resolve(file.id() + ".pcapng");
        Files.createDirectories(capturePath.getParent());
        PcapngWriter.write(result.capture(), capturePath);
        if (options.exportPcap()) {
            for (int i = 0; i < result.capture().interfaces().size(); i++) {
                String segment = result.capture().interfaces().get(i).name();
                Path pcap = options.reportDirectory().resolve(file.id() + "." + segment + ".pcap");
                PcapWriter.write(result.capture(), i, pcap, TimestampResolution.NANOSECOND);
            }
        }

        GoldenComparison.Divergence divergence = null;
        String goldenLink = null;
        String actualBesideLink = null;
        if (scenario.golden()) {
            GoldenVerdict golden = golden(file, result.capture());
            result = result.with(golden.result());
            divergence = golden.divergence();
            if (Files.exists(goldenPath(file))) {
                goldenLink = relativeToReports(goldenPath(file));
            }
            if (golden.actualBeside() != null) {
                actualBesideLink = relativeToReports(golden.actualBeside());
            }
        }
        ScenarioOutcome.Run details = new ScenarioOutcome.Run(result.capture(), result.events(), nodes(scenario), divergence, goldenLink,
                actualBesideLink);
        return new Outcome(file, result, toReport(result, relativeToReports(capturePath), details));
    }

    /** Returns the golden capture path of {@code file}. */
    public Path goldenPath(ScenarioFile file) {
        Path root = options.goldensRoot() != null ? options.goldensRoot() : file.root().resolveSibling("pcaps");
        return root.resolve(file.id() + ".pcapng");
    }

    /** Returns the --goldens option of this run with a trailing space, or nothing when goldens live beside the library. */
    private String goldensOption() {
        return options.goldensRoot() == null ? "" : "--goldens " + options.goldensRoot() + " ";
    }

    /** The golden check's verdict, with the divergence and the path of the capture written beside the golden, if any. */
    private record GoldenVerdict(ExpectationResult result, GoldenComparison.Divergence divergence, Path actualBeside) {

        GoldenVerdict(ExpectationResult result) {
            this(result, null, null);
        }
    }

    private GoldenVerdict golden(ScenarioFile file, Capture actual) throws IOException {
        Path golden = goldenPath(file);
        Path actualBeside = golden.resolveSibling(golden.getFileName().toString().replace(".pcapng", ".actual.pcapng"));
        String description = "trace equals golden " + golden;
        if (options.updateGoldens()) {
            Files.createDirectories(golden.getParent());
            PcapngWriter.write(actual, golden);
            Files.deleteIfExists(actualBeside);
            return new GoldenVerdict(new ExpectationResult("golden", description, true, "golden written (" + actual.frames().size() + " packets)"));
        }
        if (options.seedOverride() != null) {
            return new GoldenVerdict(new ExpectationResult("golden", description, true, "not compared: --seed replaces the scenario's seed"));
        }
        if (!Files.exists(golden)) {
            return new GoldenVerdict(new ExpectationResult("golden", description, false,
                    "no golden capture; run ./stackbench run --update-goldens " + goldensOption() + file.path()
                            + " and read the trace before committing it"));
        }
        Optional<GoldenComparison.Divergence> divergence = GoldenComparison.compare(PcapngReader.read(golden), actual);
        if (divergence.isEmpty()) {
            Files.deleteIfExists(actualBeside);
            return new GoldenVerdict(new ExpectationResult("golden", description, true, actual.frames().size() + " packets match"));
        }
        PcapngWriter.write(actual, actualBeside);
        ExpectationResult mismatch = new ExpectationResult("golden", description, false,
                divergence.get().render() + "actual capture written to " + actualBeside);
        return new GoldenVerdict(mismatch, divergence.get(), actualBeside);
    }

    /** Returns {@code path} relative to the report directory with forward slashes, as the HTML report links it. */
    private String relativeToReports(Path path) {
        Path reports = options.reportDirectory().toAbsolutePath().normalize();
        return reports.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Returns the scenario's nodes with every MAC each one sends from, for the ladder diagrams. */
    private static List<ScenarioOutcome.Node> nodes(Scenario scenario) {
        List<ScenarioOutcome.Node> nodes = new ArrayList<>();
        for (NodeSpec node : scenario.nodes()) {
            Set<String> otherMacs = new LinkedHashSet<>();
            if (node instanceof NodeSpec.ArpResponder responder) {
                responder.entries().forEach(entry -> otherMacs.add(entry.mac().toString()));
                responder.announcements().forEach(announcement -> otherMacs.add(announcement.mac().toString()));
            }
            otherMacs.remove(node.mac().toString());
            nodes.add(new ScenarioOutcome.Node(node.name(), kind(node), node.segment(), node.mac().toString(), List.copyOf(otherMacs)));
        }
        return nodes;
    }

    /** Returns the node's {@code kind} as scenario files spell it. */
    private static String kind(NodeSpec node) {
        if (node instanceof NodeSpec.Stack) {
            return "stack";
        } else if (node instanceof NodeSpec.ArpResponder) {
            return "arp-responder";
        } else if (node instanceof NodeSpec.Router) {
            return "router";
        } else if (node instanceof NodeSpec.DadAttacker) {
            return "dad-attacker";
        } else if (node instanceof NodeSpec.NaSpoofer) {
            return "na-spoofer";
        } else if (node instanceof NodeSpec.Raw) {
            return "raw";
        } else if (node instanceof NodeSpec.TcpPeer) {
            return "tcp-peer";
        }
        throw new IllegalStateException("no kind name for node type " + node.getClass().getSimpleName() + "; add it to Bench.kind");
    }

    private static ScenarioOutcome toReport(RunResult result, String capturePath, ScenarioOutcome.Run details) {
        List<ScenarioOutcome.Check> checks = new ArrayList<>();
        for (ExpectationResult e : result.expectations()) {
            checks.add(new ScenarioOutcome.Check(e.path(), e.description(), e.passed(), e.actual()));
        }
        Scenario s = result.scenario();
        String failure = result.passed() ? null : result.firstProblem();
        return new ScenarioOutcome(s.id(), s.name(), s.tags(), s.description(), s.durationNanos(), result.capture().frames().size(), checks,
                failure, capturePath, details);
    }
}
