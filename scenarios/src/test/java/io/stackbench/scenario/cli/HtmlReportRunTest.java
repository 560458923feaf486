package io.stackbench.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.CapturedFrame;
import io.stackbench.sim.capture.PcapngReader;
import io.stackbench.sim.capture.PcapngWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code stackbench run} on a temporary library with a passing, a lossy, a failing and a
 * golden-mismatch scenario, and checks {@code report.html}: as bytes, and as headless Chromium
 * renders it. The browser tests are skipped when {@code /usr/bin/chromium} is missing.
 */
class HtmlReportRunTest {

    private static final String PING = "arp/ping-two-stacks";
    private static final String LOSSY = "ipv4/lossy-link-seeded";
    private static final String FAILING = "arp/ping-expects-four-replies";
    private static final String DIVERGENT = "arp/ping-divergent";
    /** The scenarios in report order: failed ones first, each group sorted by id as the library runs them. */
    private static final List<String> IDS = List.of(DIVERGENT, FAILING, PING, LOSSY);
    private static final Pattern FRAME_GROUP = Pattern.compile("<g class=\"frame[ \"]");

    @TempDir
    Path work;

    private Path library;
    private Path goldens;

    @BeforeEach
    void createLibrary() throws IOException {
        library = Files.createDirectories(work.resolve("scenarios"));
        goldens = Files.createDirectories(work.resolve("pcaps"));
        copy(Path.of(PING + ".json"), PING, Path.of("..", "pcaps", PING + ".pcapng"));
        copy(Path.of(LOSSY + ".json"), LOSSY, Path.of("..", "pcaps", LOSSY + ".pcapng"));
        copy(Path.of("src", "test", "resources", "failing", FAILING + ".json"), FAILING, null);
        copy(Path.of(PING + ".json"), DIVERGENT, null);
        writeGoldenWithFlippedByte(Path.of("..", "pcaps", PING + ".pcapng"), goldens.resolve(DIVERGENT + ".pcapng"), 4);
    }

    // ---- helpers ----

    /** Copies a scenario file into the temporary library as {@code id}, with its golden when {@code golden} is not null. */
    private void copy(Path scenario, String id, Path golden) throws IOException {
        Path target = library.resolve(id + ".json");
        Files.createDirectories(target.getParent());
        Files.copy(scenario, target);
        if (golden != null) {
            Path goldenTarget = goldens.resolve(id + ".pcapng");
            Files.createDirectories(goldenTarget.getParent());
            Files.copy(golden, goldenTarget);
        }
    }

    /** Writes {@code source} to {@code target} with the last byte of packet {@code index} (0-based) flipped. */
    private static void writeGoldenWithFlippedByte(Path source, Path target, int index) throws IOException {
        Capture golden = PcapngReader.read(source);
        List<CapturedFrame> frames = new ArrayList<>(golden.frames());
        CapturedFrame frame = frames.get(index);
        byte[] data = frame.data();
        data[data.length - 1] ^= 0x01;
        frames.set(index, new CapturedFrame(frame.interfaceId(), frame.timestampNanos(), data, frame.originalLength(), frame.comment(),
                frame.flags()));
        Files.createDirectories(target.getParent());
        PcapngWriter.write(new Capture(golden.sectionComment(), golden.interfaces(), frames, golden.names(), golden.statistics()), target);
    }

    /** Runs the library into {@code reports} and returns the console output. */
    private String run(Path reports) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode;
        try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
            exitCode = StackbenchCli.execute(new String[] {"run", library.toString(), "--report-dir", reports.toString()}, outWriter, errWriter);
        }
        assertThat(exitCode).as("exit code; output:%n%s%s", out, err).isEqualTo(1);
        return out.toString();
    }

    /** Returns the section of scenario {@code id} in a page or DOM dump. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"scenario-" + id + "\"");
        assertThat(start).as("section of %s", id).isPositive();
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** Returns the scenario's main ladder diagram, which follows the divergence diagrams when there are any. */
    private static String mainLadder(String section) {
        int start = section.indexOf("<h3>Ladder diagram</h3>");
        assertThat(start).as("ladder heading").isPositive();
        return section.substring(start, section.indexOf("</svg>", start));
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    private static int framesOf(Path reports, String id) throws IOException {
        return PcapngReader.read(reports.resolve(id + ".pcapng")).frames().size();
    }

    // ---- the file ----

    @Test
    void runWritesReportAndNamesIt() throws Exception {
        Path reports = work.resolve("reports");

        String out = run(reports);

        assertThat(reports.resolve("report.html")).isRegularFile();
        assertThat(out).contains("HTML report: " + reports + "/report.html");
    }

    @Test
    void reportIsByteIdenticalAcrossRuns() throws Exception {
        Path first = work.resolve("first");
        Path second = work.resolve("second");

        run(first);
        run(second);

        byte[] firstReport = Files.readAllBytes(first.resolve("report.html"));
        byte[] secondReport = Files.readAllBytes(second.resolve("report.html"));
        assertThat(secondReport).isEqualTo(firstReport);
    }

    @Test
    void reportHasNoAbsolutePath() throws Exception {
        Path reports = work.resolve("reports");

        run(reports);

        String html = Files.readString(reports.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain(work.toString());
        assertThat(html).doesNotContain(work.toRealPath().toString());
        assertThat(html).contains("<a href=\"" + PING + ".pcapng\">");
        assertThat(html).contains("<a href=\"../pcaps/" + PING + ".pcapng\">");
        assertThat(html).contains("<a href=\"../pcaps/" + DIVERGENT + ".actual.pcapng\">");
    }

    @Test
    void failedScenariosComeFirst() throws Exception {
        Path reports = work.resolve("reports");

        run(reports);

        String html = Files.readString(reports.resolve("report.html"), StandardCharsets.UTF_8);
        List<Integer> positions = new ArrayList<>();
        for (String id : IDS) {
            positions.add(html.indexOf("<section class=\"scenario " + (id.equals(PING) || id.equals(LOSSY) ? "pass" : "fail") + "\" id=\"scenario-"
                    + id + "\">"));
        }
        assertThat(positions).doesNotContain(-1);
        assertThat(positions).isSorted();
    }

    // ---- in a browser ----

    @Test
    void browserDrawsEveryFrame() throws Exception {
        assumeTrue(Chromium.installed(), "skipped: " + Chromium.EXECUTABLE + " is missing (apt-get install chromium)");
        Path reports = work.resolve("reports");
        run(reports);

        Chromium.Result result = Chromium.dumpDom(reports.resolve("report.html"), work);

        String dom = result.stdout();
        assertThat(dom).contains("<h1>stackbench report</h1>");
        for (String id : IDS) {
            String ladder = mainLadder(section(dom, id));
            assertThat(ladder).as(id).contains("<svg class=\"ladder\"");
            assertThat(count(FRAME_GROUP, ladder)).as("frame arrows of %s", id).isEqualTo(framesOf(reports, id));
        }
        String lossy = mainLadder(section(dom, LOSSY));
        assertThat(count(Pattern.compile("<g class=\"frame [a-z]+ lost\""), lossy)).isEqualTo(6);
    }

    @Test
    void browserShowsFailureSections() throws Exception {
        assumeTrue(Chromium.installed(), "skipped: " + Chromium.EXECUTABLE + " is missing (apt-get install chromium)");
        Path reports = work.resolve("reports");
        run(reports);

        Chromium.Result result = Chromium.dumpDom(reports.resolve("report.html"), work);

        String failing = section(result.stdout(), FAILING);
        assertThat(failing).startsWith("id=\"scenario-" + FAILING + "\"");
        assertThat(failing).contains("<tr class=\"fail\">");
        assertThat(failing).contains("ping ping-b gets 4 replies");
        assertThat(failing).contains("<details class=\"events\" open=\"\">");

        String divergent = section(result.stdout(), DIVERGENT);
        assertThat(divergent).contains("<h3>First divergence from the golden capture</h3>");
        assertThat(divergent).contains("<tr class=\"differs\">");
        assertThat(count(Pattern.compile(" marked\" data-frame=\"5\""), divergent)).isEqualTo(2);
    }

    @Test
    void browserReportsNoScriptErrors() throws Exception {
        assumeTrue(Chromium.installed(), "skipped: " + Chromium.EXECUTABLE + " is missing (apt-get install chromium)");
        Path reports = work.resolve("reports");
        run(reports);

        Chromium.Result result = Chromium.dumpDom(reports.resolve("report.html"), work);

        assertThat(result.stdout()).contains("</html>");
        assertThat(result.stderr()).doesNotContain("Uncaught");
        assertThat(result.stderr()).doesNotContain(":CONSOLE");
    }

    @Test
    void browserScreenshotIsPng() throws Exception {
        assumeTrue(Chromium.installed(), "skipped: " + Chromium.EXECUTABLE + " is missing (apt-get install chromium)");
        Path reports = work.resolve("reports");
        run(reports);
        Path png = work.resolve("report.png");

        Chromium.screenshot(reports.resolve("report.html"), work, png, 1280, 1600);

        byte[] image = Files.readAllBytes(png);
        assertThat(image.length).as("PNG size").isGreaterThan(20_000);
        assertThat(image).startsWith(0x89, 'P', 'N', 'G');
    }
}
