package io.stackbench.scenario.cli;

import io.stackbench.report.ConsoleSummary;
import io.stackbench.report.GoldenComparison;
import io.stackbench.report.JUnitXmlWriter;
import io.stackbench.report.PacketDecoder;
import io.stackbench.report.ScenarioOutcome;
import io.stackbench.report.html.HtmlReport;
import io.stackbench.scenario.library.Bench;
import io.stackbench.scenario.library.ScenarioDiscovery;
import io.stackbench.scenario.library.ScenarioFile;
import io.stackbench.scenario.load.ScenarioException;
import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.CapturedFrame;
import io.stackbench.sim.capture.PcapReader;
import io.stackbench.sim.capture.PcapngReader;
import io.stackbench.sim.engine.SimTime;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code stackbench} command line. */
@Command(name = "stackbench", mixinStandardHelpOptions = true, version = "stackbench 0.1.0",
        description = "Deterministic packet-level test bench for dual-stack TCP/IP stacks.",
        subcommands = {StackbenchCli.Run.class, StackbenchCli.Validate.class, StackbenchCli.Show.class, StackbenchCli.Diff.class,
            NewScenario.class})
public final class StackbenchCli implements Callable<Integer> {

    /** Exit code when every scenario passed. */
    static final int PASSED = 0;
    /** Exit code when a scenario failed or a file is invalid. */
    static final int FAILED = 1;
    /** Exit code for a usage error. */
    static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int exitCode = execute(args, out, err);
        // Autoflush flushes only on println, and output written with print would be lost at exit.
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new StackbenchCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        // picocli 4.7 also passes command-line parse errors to this mapper, so they must map to USAGE here.
        commandLine.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : FAILED);
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return USAGE;
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run scenarios, compare their captures with the goldens, and write reports.")
    static final class Run implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..*", paramLabel = "PATH", description = "Scenario files or folders (default: scenarios).")
        List<Path> paths = new ArrayList<>();

        @Option(names = "--update-goldens", description = "Rewrite the golden captures from this run instead of comparing.")
        boolean updateGoldens;

        @Option(names = "--report-dir", paramLabel = "DIR", description = "Where captures and JUnit XML go (default: ${DEFAULT-VALUE}).")
        Path reportDirectory = Path.of("target", "stackbench");

        @Option(names = "--goldens", paramLabel = "DIR", description = "Golden capture folder (default: pcaps beside the scenario library).")
        Path goldens;

        @Option(names = "--pcap", description = "Also write one classic pcap (nanosecond) per segment beside each pcapng.")
        boolean exportPcap;

        @Option(names = "--seed", paramLabel = "N", description = "Replace every scenario's seed; goldens are not compared then.")
        Long seed;

        @Option(names = "--jobs", paramLabel = "N", description = "Scenarios run in parallel (default: ${DEFAULT-VALUE}); results are identical to a serial run.")
        int jobs = 1;

        @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (1-based), splitting the sorted library round-robin.")
        String shard;

        @Option(names = "--tag", paramLabel = "TAG", description = "Run only scenarios carrying this tag (repeatable: any of them).")
        List<String> tags = new ArrayList<>();

        @Option(names = "--grep", paramLabel = "TEXT", description = "Run only scenarios whose id contains TEXT.")
        String grep;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (updateGoldens && seed != null) {
                err.println("error: --update-goldens cannot be combined with --seed; goldens are recorded with each scenario's own seed");
                return USAGE;
            }
            if (jobs < 1) {
                err.println("error: --jobs must be at least 1, got " + jobs);
                return USAGE;
            }
            List<ScenarioFile> files;
            try {
                files = select(ScenarioDiscovery.find(paths.isEmpty() ? List.of(Path.of("scenarios")) : paths), err);
            } catch (IOException e) {
                err.println("error: " + e.getMessage());
                return USAGE;
            }
            if (files == null) {
                return USAGE;
            }
            if (files.isEmpty()) {
                err.println("error: no scenario selected; check the paths, --tag, --grep and --shard");
                return USAGE;
            }

            Files.createDirectories(reportDirectory);
            Bench bench = new Bench(new Bench.Options(reportDirectory, goldens, updateGoldens, seed, exportPcap));
            List<ScenarioOutcome> outcomes = runAll(bench, files, out);
            Files.writeString(reportDirectory.resolve("junit.xml"), JUnitXmlWriter.write("stackbench", outcomes), StandardCharsets.UTF_8);
            HtmlReport.write(reportDirectory, outcomes);
            out.print(ConsoleSummary.summary(outcomes, reportDirectory.toString()));
            out.flush();
            return outcomes.stream().allMatch(ScenarioOutcome::passed) ? PASSED : FAILED;
        }

        private List<ScenarioFile> select(List<ScenarioFile> all, PrintWriter err) {
            List<ScenarioFile> selected = new ArrayList<>();
            for (ScenarioFile file : all) {
                if (grep == null || file.id().contains(grep)) {
                    selected.add(file);
                }
            }
            if (!tags.isEmpty()) {
                selected.removeIf(file -> !hasTag(file));
            }
            if (shard != null) {
                Matcher m = Pattern.compile("([0-9]+)/([0-9]+)").matcher(shard);
                if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
                    err.println("error: invalid --shard '" + shard + "'; write I/N with 1 <= I <= N, such as 2/4");
                    return null;
                }
                int index = Integer.parseInt(m.group(1)) - 1;
                int count = Integer.parseInt(m.group(2));
                List<ScenarioFile> mine = new ArrayList<>();
                for (int i = 0; i < selected.size(); i++) {
                    if (i % count == index) {
                        mine.add(selected.get(i));
                    }
                }
                selected = mine;
            }
            return selected;
        }

        private boolean hasTag(ScenarioFile file) {
            try {
                return Bench.loader().load(file.path(), file.id()).tags().stream().anyMatch(tags::contains);
            } catch (ScenarioException | IOException e) {
                return true; // an invalid file is kept so its error is reported
            }
        }

        private List<ScenarioOutcome> runAll(Bench bench, List<ScenarioFile> files, PrintWriter out) throws Exception {
            List<ScenarioOutcome> outcomes = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(jobs);
            try {
                List<Future<Object[]>> futures = new ArrayList<>();
                for (ScenarioFile file : files) {
                    futures.add(pool.submit(() -> {
                        long start = System.nanoTime();
                        Bench.Outcome outcome = bench.run(file);
                        return new Object[] {outcome.report(), (System.nanoTime() - start) / 1_000_000};
                    }));
                }
                // Results are printed and collected in library order whatever order they finish in.
                for (Future<Object[]> future : futures) {
                    Object[] done;
                    try {
                        done = future.get();
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof Exception cause ? cause : e;
                    }
                    ScenarioOutcome outcome = (ScenarioOutcome) done[0];
                    outcomes.add(outcome);
                    // On a terminal each line also says how far the run is; piped output stays plain.
                    String progress = System.console() != null ? "[" + outcomes.size() + "/" + files.size() + "] " : "";
                    out.println(progress + ConsoleSummary.line(outcome, (Long) done[1]));
                    out.flush();
                }
            } finally {
                pool.shutdownNow();
            }
            return outcomes;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, description = "Check scenario files without running them.")
    static final class Validate implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files or folders.")
        List<Path> paths;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<ScenarioFile> files;
            try {
                files = ScenarioDiscovery.find(paths);
            } catch (IOException e) {
                err.println("error: " + e.getMessage());
                return USAGE;
            }
            int invalid = 0;
            for (ScenarioFile file : files) {
                try {
                    Bench.loader().load(file.path(), file.id());
                    out.println("ok       " + file.path());
                } catch (ScenarioException e) {
                    invalid++;
                    out.println("INVALID  " + file.path());
                    e.problems().forEach(problem -> out.println("  " + problem));
                } catch (IOException e) {
                    invalid++;
                    out.println("INVALID  " + file.path() + ": cannot read: " + e.getMessage());
                }
            }
            out.println(files.size() - invalid + " valid, " + invalid + " invalid");
            return invalid == 0 ? PASSED : FAILED;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a capture decoded field by field, with comments.")
    static final class Show implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "A pcapng or pcap file.")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Capture capture = readOrReport(file, spec.commandLine().getErr());
            if (capture == null) {
                return USAGE;
            }
            List<CapturedFrame> frames = capture.frames();
            for (int i = 0; i < frames.size(); i++) {
                CapturedFrame frame = frames.get(i);
                String segment = frame.interfaceId() < capture.interfaces().size() ? capture.interfaces().get(frame.interfaceId()).name() : "?";
                out.println("#" + (i + 1) + "  " + SimTime.format(frame.timestampNanos()) + "  " + segment + "  " + frame.data().length + " bytes"
                        + (frame.comment() == null ? "" : "  # " + frame.comment()));
                for (String line : PacketDecoder.decode(frame.data())) {
                    out.println("    " + line);
                }
            }
            return PASSED;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true, description = "Print the first packet at which two captures differ, field by field.")
    static final class Diff implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "EXPECTED", description = "The reference capture.")
        Path expected;

        @Parameters(index = "1", paramLabel = "ACTUAL", description = "The capture to compare.")
        Path actual;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Capture expectedCapture = readOrReport(expected, err);
            Capture actualCapture = readOrReport(actual, err);
            if (expectedCapture == null || actualCapture == null) {
                return USAGE;
            }
            Optional<GoldenComparison.Divergence> divergence = GoldenComparison.compare(expectedCapture, actualCapture);
            if (divergence.isEmpty()) {
                out.println("captures match packet for packet");
                return PASSED;
            }
            out.print(divergence.get().render());
            return FAILED;
        }
    }

    /** Reads a capture, or prints why it cannot and returns null. */
    private static Capture readOrReport(Path file, PrintWriter err) {
        try {
            return read(file);
        } catch (NoSuchFileException e) {
            err.println("error: capture file not found: " + file);
        } catch (IOException e) {
            err.println("error: cannot read " + file + " as a pcapng or pcap capture: " + e.getMessage());
        }
        return null;
    }

    static Capture read(Path file) throws IOException {
        byte[] head = new byte[4];
        try (var in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 4) < 4) {
                throw new IOException(file + " is too short to be a capture file");
            }
        }
        boolean pcapng = head[0] == 0x0a && head[1] == 0x0d && head[2] == 0x0d && head[3] == 0x0a;
        return pcapng ? PcapngReader.read(file) : PcapReader.read(file);
    }
}
