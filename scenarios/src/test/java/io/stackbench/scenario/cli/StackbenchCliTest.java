package io.stackbench.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.scenario.library.Bench;
import io.stackbench.scenario.library.ScenarioDiscovery;
import io.stackbench.scenario.library.ScenarioFile;
import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.CapturedFrame;
import io.stackbench.sim.capture.PcapngReader;
import io.stackbench.sim.capture.PcapngWriter;
import io.stackbench.sim.engine.SimTime;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the command line in-process on copies of library scenarios. Every test copies what it needs
 * into a temporary {@code scenarios/<area>} and {@code pcaps/<area>} layout and writes reports
 * there, so no file in the repository is written.
 */
class StackbenchCliTest {

    private static final String PING = "arp/ping-two-stacks";
    private static final Pattern TESTCASE_NAME = Pattern.compile("<testcase classname=\"[^\"]*\" name=\"([^\"]*)\"");

    @TempDir
    Path work;

    private Path library;
    private Path goldens;

    /** Output of one command-line run. */
    private record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void createLayout() throws IOException {
        library = Files.createDirectories(work.resolve("scenarios"));
        goldens = Files.createDirectories(work.resolve("pcaps"));
    }

    // ---- helpers ----

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode;
        try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
            exitCode = StackbenchCli.execute(args, outWriter, errWriter);
        }
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** Returns every scenario of the repository's library, sorted by id. */
    private static List<ScenarioFile> repositoryLibrary() throws IOException {
        // Maven runs the tests with the scenarios module as the working directory.
        return ScenarioDiscovery.find(List.of(Path.of("").toAbsolutePath()));
    }

    private static Path repositoryGolden(String id) {
        return Path.of("..", "pcaps", id + ".pcapng");
    }

    /** Copies the scenario {@code id} into the temporary library, with its golden when {@code withGolden}. */
    private void copy(String id, boolean withGolden) throws IOException {
        Path scenario = library.resolve(id + ".json");
        Files.createDirectories(scenario.getParent());
        Files.copy(Path.of(id + ".json"), scenario);
        if (withGolden) {
            Path golden = goldens.resolve(id + ".pcapng");
            Files.createDirectories(golden.getParent());
            Files.copy(repositoryGolden(id), golden);
        }
    }

    private List<String> copyWholeLibrary() throws IOException {
        List<String> ids = new ArrayList<>();
        for (ScenarioFile file : repositoryLibrary()) {
            copy(file.id(), true);
            ids.add(file.id());
        }
        return ids;
    }

    private static List<String> testcaseNames(String junitXml) {
        List<String> names = new ArrayList<>();
        Matcher m = TESTCASE_NAME.matcher(junitXml);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Writes a copy of the golden of {@code id} with one byte of packet {@code index} (0-based) flipped. */
    private Capture writeGoldenWithFlippedByte(String id, int index) throws IOException {
        Capture golden = PcapngReader.read(repositoryGolden(id));
        List<CapturedFrame> frames = new ArrayList<>(golden.frames());
        CapturedFrame frame = frames.get(index);
        byte[] data = frame.data();
        data[data.length - 1] ^= 0x01;
        frames.set(index, new CapturedFrame(frame.interfaceId(), frame.timestampNanos(), data, frame.originalLength(), frame.comment(),
                frame.flags()));

        Capture changed = new Capture(golden.sectionComment(), golden.interfaces(), frames, golden.names(), golden.statistics());
        Path path = goldens.resolve(id + ".pcapng");
        Files.createDirectories(path.getParent());
        PcapngWriter.write(changed, path);
        return golden;
    }

    /** Returns every file below {@code root} by relative path, with its bytes, in path order. */
    private static TreeMap<String, byte[]> filesBelow(Path root) throws IOException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    // ---- run ----

    @Test
    void runPassingLibraryExitsZero() throws Exception {
        List<String> ids = new ArrayList<>();
        for (ScenarioFile file : repositoryLibrary()) {
            if (file.id().startsWith("arp/")) {
                copy(file.id(), true);
                ids.add(file.id());
            }
        }
        Path reports = work.resolve("reports");

        Result result = cli("run", library.toString(), "--report-dir", reports.toString());

        assertThat(result.exitCode()).as("exit code; output:%n%s%s", result.out(), result.err()).isZero();
        assertThat(result.out()).contains(ids.size() + " passed, 0 failed");
        for (String id : ids) {
            assertThat(result.out()).contains("PASS  " + id);
            assertThat(reports.resolve(id + ".pcapng")).isRegularFile();
        }
        String junit = Files.readString(reports.resolve("junit.xml"), StandardCharsets.UTF_8);
        assertThat(testcaseNames(junit)).containsExactlyElementsOf(ids);
        assertThat(junit).contains("tests=\"" + ids.size() + "\" failures=\"0\"");
        assertThat(junit).doesNotContain("<failure");
    }

    @Test
    void runWritesCaptureEqualToGolden() throws Exception {
        copy(PING, true);
        Path reports = work.resolve("reports");

        Result result = cli("run", library.toString(), "--report-dir", reports.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(reports.resolve(PING + ".pcapng")).hasSameBinaryContentAs(repositoryGolden(PING));
        assertThat(goldens.resolve(PING + ".actual.pcapng")).doesNotExist();
    }

    @Test
    void updateGoldensWritesIntoCopy() throws Exception {
        copy(PING, false);
        Path golden = goldens.resolve(PING + ".pcapng");

        Result update = cli("run", library.toString(), "--update-goldens", "--report-dir", work.resolve("update").toString());

        assertThat(update.exitCode()).as("output:%n%s%s", update.out(), update.err()).isZero();
        assertThat(golden).hasSameBinaryContentAs(repositoryGolden(PING));

        Result compare = cli("run", library.toString(), "--report-dir", work.resolve("compare").toString());

        assertThat(compare.exitCode()).isZero();
        assertThat(compare.out()).contains("1 passed, 0 failed");
    }

    @Test
    void missingGoldenFailsWithHint() throws Exception {
        copy(PING, false);

        Result result = cli("run", library.toString(), "--report-dir", work.resolve("reports").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("no golden capture").contains("--update-goldens");
        assertThat(goldens.resolve(PING + ".pcapng")).doesNotExist();
    }

    @Test
    void missingGoldenHintKeepsGoldensOption() throws Exception {
        copy(PING, false);
        Path elsewhere = work.resolve("other-goldens");

        Result result = cli("run", library.toString(), "--goldens", elsewhere.toString(), "--report-dir", work.resolve("reports").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("run ./stackbench run --update-goldens --goldens " + elsewhere + " ");
    }

    @Test
    void divergentGoldenFailsAndNamesPacket() throws Exception {
        copy(PING, false);
        Capture golden = writeGoldenWithFlippedByte(PING, 2);
        String time = SimTime.format(golden.frames().get(2).timestampNanos());
        Path reports = work.resolve("reports");

        Result result = cli("run", library.toString(), "--report-dir", reports.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("FAIL  " + PING);
        assertThat(result.out()).contains("first divergence at packet 3 (time " + time + "): bytes differ");
        assertThat(result.out()).contains("0 passed, 1 failed");
        assertThat(result.out()).contains("FAILED " + PING);

        String junit = Files.readString(reports.resolve("junit.xml"), StandardCharsets.UTF_8);
        assertThat(junit).contains("failures=\"1\"");
        assertThat(junit).containsPattern("<failure message=\"golden: [^\"]*first divergence at packet 3 \\(time " + Pattern.quote(time) + "\\)");

        Path actual = goldens.resolve(PING + ".actual.pcapng");
        assertThat(actual).hasSameBinaryContentAs(reports.resolve(PING + ".pcapng"));
        assertThat(actual).hasSameBinaryContentAs(repositoryGolden(PING));
    }

    @Test
    void otherScenarioGoldenFails() throws Exception {
        copy(PING, false);
        Path golden = goldens.resolve(PING + ".pcapng");
        Files.createDirectories(golden.getParent());
        Files.copy(repositoryGolden("arp/gratuitous-at-boot"), golden);

        Result result = cli("run", library.toString(), "--report-dir", work.resolve("reports").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).containsPattern("first divergence at packet [0-9]+ \\(time [0-9.]+s\\)");
        assertThat(goldens.resolve(PING + ".actual.pcapng")).isRegularFile();
        assertThat(golden).hasSameBinaryContentAs(repositoryGolden("arp/gratuitous-at-boot"));
    }

    @Test
    void invalidScenarioFailsRun() throws Exception {
        copy(PING, true);
        Path broken = library.resolve("arp/broken.json");
        Files.writeString(broken, "{\"name\": \"broken\", \"duration\": \"5 parsecs\"}\n", StandardCharsets.UTF_8);
        Path reports = work.resolve("reports");

        Result result = cli("run", library.toString(), "--report-dir", reports.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("1 passed, 1 failed").contains("FAILED arp/broken: invalid scenario file: " + broken + ":1:");
        assertThat(result.out()).containsPattern("FAILED arp/broken: .*\\(and [0-9]+ more problems, listed by stackbench validate\\)");
        String junit = Files.readString(reports.resolve("junit.xml"), StandardCharsets.UTF_8);
        assertThat(testcaseNames(junit)).containsExactly("arp/broken", PING);
        assertThat(junit).contains("<failure message=\"invalid scenario file: " + broken + ":1:").contains("/duration");
    }

    @Test
    void parallelRunMatchesSerialRun() throws Exception {
        copyWholeLibrary();
        Path serial = work.resolve("serial");
        Path parallel = work.resolve("parallel");

        Result serialResult = cli("run", library.toString(), "--jobs", "1", "--report-dir", serial.toString());
        Result parallelResult = cli("run", library.toString(), "--jobs", "2", "--report-dir", parallel.toString());

        assertThat(parallelResult.exitCode()).isEqualTo(serialResult.exitCode());
        TreeMap<String, byte[]> serialFiles = filesBelow(serial);
        TreeMap<String, byte[]> parallelFiles = filesBelow(parallel);
        assertThat(parallelFiles.keySet()).containsExactlyElementsOf(serialFiles.keySet());
        assertThat(serialFiles.keySet()).contains("junit.xml").anyMatch(name -> name.endsWith(".pcapng"));
        for (String name : serialFiles.keySet()) {
            assertThat(parallelFiles.get(name)).as("bytes of %s", name).isEqualTo(serialFiles.get(name));
        }
    }

    @Test
    void shardsPartitionLibrary() throws Exception {
        List<String> ids = copyWholeLibrary();

        Result first = cli("run", library.toString(), "--shard", "1/2", "--report-dir", work.resolve("shard1").toString());
        Result second = cli("run", library.toString(), "--shard", "2/2", "--report-dir", work.resolve("shard2").toString());

        assertThat(first.exitCode()).isIn(0, 1);
        assertThat(second.exitCode()).isIn(0, 1);
        List<String> firstIds = testcaseNames(Files.readString(work.resolve("shard1/junit.xml"), StandardCharsets.UTF_8));
        List<String> secondIds = testcaseNames(Files.readString(work.resolve("shard2/junit.xml"), StandardCharsets.UTF_8));
        assertThat(firstIds).isNotEmpty();
        assertThat(secondIds).isNotEmpty();
        assertThat(firstIds).doesNotContainAnyElementsOf(secondIds);
        List<String> union = new ArrayList<>(firstIds);
        union.addAll(secondIds);
        assertThat(union).containsExactlyInAnyOrderElementsOf(ids);
        // Round-robin over the sorted library: shard 1 takes the 1st, 3rd, 5th... scenario.
        assertThat(firstIds).startsWith(ids.get(0));
        assertThat(secondIds).startsWith(ids.get(1));
    }

    @Test
    void tagSelectsScenarios() throws Exception {
        List<String> ids = copyWholeLibrary();
        List<String> tagged = new ArrayList<>();
        for (String id : ids) {
            if (Bench.loader().load(library.resolve(id + ".json"), id).tags().contains("rfc826")) {
                tagged.add(id);
            }
        }
        assertThat(tagged).isNotEmpty().hasSizeLessThan(ids.size());
        Path reports = work.resolve("reports");

        Result result = cli("run", library.toString(), "--tag", "rfc826", "--report-dir", reports.toString());

        assertThat(result.exitCode()).isIn(0, 1);
        assertThat(testcaseNames(Files.readString(reports.resolve("junit.xml"), StandardCharsets.UTF_8))).containsExactlyElementsOf(tagged);
    }

    @Test
    void grepSelectsScenarios() throws Exception {
        copyWholeLibrary();
        Path reports = work.resolve("reports");

        Result result = cli("run", library.toString(), "--grep", "gratuitous", "--report-dir", reports.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(testcaseNames(Files.readString(reports.resolve("junit.xml"), StandardCharsets.UTF_8)))
                .containsExactly("arp/gratuitous-at-boot", "arp/gratuitous-moves-entry");
        assertThat(result.out()).contains("2 passed, 0 failed");
    }

    @Test
    void grepMatchingNothingIsUsageError() throws Exception {
        copy(PING, true);

        Result result = cli("run", library.toString(), "--grep", "no-such-scenario", "--report-dir", work.resolve("reports").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no scenario selected");
    }

    @ParameterizedTest(name = "--shard {0}")
    @ValueSource(strings = {"0/2", "3/2", "1/0", "2", "a/b", "-1/2", ""})
    void invalidShardIsUsageError(String shard) throws Exception {
        copy(PING, true);

        Result result = cli("run", library.toString(), "--shard", shard, "--report-dir", work.resolve("reports").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("invalid --shard '" + shard + "'").contains("I/N");
        assertThat(work.resolve("reports")).doesNotExist();
    }

    @Test
    void updateGoldensWithSeedIsUsageError() throws Exception {
        copy(PING, true);

        Result result = cli("run", library.toString(), "--update-goldens", "--seed", "7", "--report-dir", work.resolve("reports").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--update-goldens cannot be combined with --seed");
        assertThat(goldens.resolve(PING + ".pcapng")).hasSameBinaryContentAs(repositoryGolden(PING));
    }

    @Test
    void zeroJobsIsUsageError() throws Exception {
        copy(PING, true);

        Result result = cli("run", library.toString(), "--jobs", "0", "--report-dir", work.resolve("reports").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--jobs must be at least 1, got 0");
    }

    @Test
    void unknownOptionIsUsageError() {
        Result result = cli("run", "--colour");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--colour");
    }

    @Test
    void missingPathIsUsageError() {
        Result result = cli("run", work.resolve("nowhere").toString(), "--report-dir", work.resolve("reports").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("scenario path not found");
    }

    // ---- validate ----

    @Test
    void validateValidFiles() throws Exception {
        copy(PING, false);
        copy("arp/gratuitous-at-boot", false);

        Result result = cli("validate", library.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("ok       " + library.resolve("arp/gratuitous-at-boot.json").toAbsolutePath());
        assertThat(result.out()).contains("ok       " + library.resolve(PING + ".json").toAbsolutePath());
        assertThat(result.out()).contains("2 valid, 0 invalid");
    }

    @Test
    void validateInvalidFileListsProblems() throws Exception {
        copy(PING, false);
        Path broken = library.resolve("arp/broken.json");
        Files.writeString(broken, "{\n  \"name\": \"broken\",\n  \"duration\": \"5 parsecs\"\n}\n", StandardCharsets.UTF_8);

        Result result = cli("validate", library.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        String path = broken.toAbsolutePath().toString();
        assertThat(result.out()).contains("INVALID  " + path);
        assertThat(result.out()).contains("  " + path + ":3:15: /duration: invalid duration unit \"parsecs\"");
        assertThat(result.out()).contains(path + ":1:1: /segments: a scenario needs at least one segment");
        assertThat(result.out()).contains("1 valid, 1 invalid");
    }

    @Test
    void validateMissingFileIsUsageError() {
        Result result = cli("validate", work.resolve("absent.json").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("scenario path not found");
    }

    @Test
    void validateWithoutFileIsUsageError() {
        Result result = cli("validate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("FILE");
    }

    @Test
    void validateWholeRepositoryLibrary() throws Exception {
        Result result = cli("validate", Path.of("").toAbsolutePath().toString());

        assertThat(result.exitCode()).as("output:%n%s", result.out()).isZero();
        assertThat(result.out()).contains(repositoryLibrary().size() + " valid, 0 invalid");
    }

    // ---- show and diff ----

    @Test
    void showPrintsFramesWithComments() throws Exception {
        Capture capture = PcapngReader.read(repositoryGolden(PING));

        Result result = cli("show", repositoryGolden(PING).toString());

        assertThat(result.exitCode()).isZero();
        List<String> headers = result.out().lines().filter(line -> line.startsWith("#")).toList();
        assertThat(headers).hasSize(capture.frames().size());
        int commented = 0;
        for (int i = 0; i < headers.size(); i++) {
            CapturedFrame frame = capture.frames().get(i);
            String header = headers.get(i);
            assertThat(header).startsWith("#" + (i + 1) + "  " + SimTime.format(frame.timestampNanos()) + "  lan  "
                    + frame.capturedLength() + " bytes");
            if (frame.comment() != null) {
                assertThat(header).endsWith("  # " + frame.comment());
                commented++;
            }
        }
        assertThat(commented).as("frames with a comment").isPositive();
        assertThat(result.out().lines().filter(line -> line.startsWith("    "))).as("decoded field lines").isNotEmpty();
    }

    @Test
    void showTooShortFileFails() throws Exception {
        Path empty = Files.writeString(work.resolve("empty.pcapng"), "");

        Result result = cli("show", empty.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: cannot read " + empty + " as a pcapng or pcap capture: ").doesNotContain("Exception");
    }

    @Test
    void showMissingFileNamesIt() {
        Path missing = work.resolve("missing.pcapng");

        Result result = cli("show", missing.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: capture file not found: " + missing + System.lineSeparator());
    }

    @Test
    void diffOfScenarioFileNamesIt() throws Exception {
        Path json = Files.writeString(work.resolve("not-a-capture.json"), "{\"name\": \"x\"}\n");

        Result result = cli("diff", repositoryGolden(PING).toString(), json.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: cannot read " + json + " as a pcapng or pcap capture: ").doesNotContain("\tat ");
    }

    @Test
    void diffIdenticalCapturesExitsZero() {
        Result result = cli("diff", repositoryGolden(PING).toString(), repositoryGolden(PING).toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("captures match packet for packet");
    }

    @Test
    void diffNamesFirstDivergence() throws Exception {
        Capture golden = writeGoldenWithFlippedByte(PING, 2);
        CapturedFrame frame = golden.frames().get(2);
        int lastOffset = frame.capturedLength() - 1;

        Result result = cli("diff", repositoryGolden(PING).toString(), goldens.resolve(PING + ".pcapng").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("first divergence at packet 3 (time " + SimTime.format(frame.timestampNanos()) + "): bytes differ from offset "
                + lastOffset);
        assertThat(result.out()).contains("  expected: segment lan, ").contains("  actual:   segment lan, ");
    }

    @Test
    void diffDifferentLengthCaptures() throws Exception {
        Result result = cli("diff", repositoryGolden(PING).toString(), repositoryGolden("arp/gratuitous-at-boot").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("first divergence at packet ");
    }

    @Test
    void noSubcommandPrintsUsage() {
        Result result = cli();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("run", "validate", "show", "diff");
    }

    @Test
    void helpExitsZero() {
        Result result = cli("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("run", "validate", "show", "diff");
    }
}
