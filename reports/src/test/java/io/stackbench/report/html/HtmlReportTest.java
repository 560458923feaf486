package io.stackbench.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.report.GoldenComparison;
import io.stackbench.report.ScenarioOutcome;
import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.CapturedFrame;
import io.stackbench.sim.spi.StackEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report page built from outcomes over the library's golden captures. */
class HtmlReportTest {

    private static final String PING = "arp/ping-two-stacks";
    private static final Pattern FRAME_GROUP = Pattern.compile("<g class=\"frame[ \"]");

    @TempDir
    Path work;

    private static List<StackEvent> events() {
        return List.of(new StackEvent(0, "a", "arp.announce", "gratuitous ARP for 10.0.0.1"),
                new StackEvent(1_000_050_480L, "a", "arp.entry-created", "10.0.0.2 <at> 02:00:00:00:00:0b"));
    }

    private static ScenarioOutcome passing() {
        Capture capture = Goldens.capture(PING);
        ScenarioOutcome.Run run = new ScenarioOutcome.Run(capture, events(), Goldens.twoStacks(), null, "../../pcaps/" + PING + ".pcapng", null);
        List<ScenarioOutcome.Check> checks = List.of(
                new ScenarioOutcome.Check("/expect/0", "ping ping-b gets 3 replies", true, "seq 0 reply after 0.000151744s"),
                new ScenarioOutcome.Check("golden", "trace equals golden /home/someone/pcaps/" + PING + ".pcapng", true, "10 packets match"));
        return new ScenarioOutcome(PING, "two stacks ping each other", List.of("arp", "icmpv4"), "The first echo request waits.",
                5_000_000_000L, capture.frames().size(), checks, null, PING + ".pcapng", run);
    }

    /** Returns an outcome whose capture differs from the golden in the last byte of packet 3. */
    private static ScenarioOutcome divergent() {
        Capture golden = Goldens.capture(PING);
        List<CapturedFrame> frames = new ArrayList<>(golden.frames());
        CapturedFrame third = frames.get(2);
        byte[] data = third.data();
        data[data.length - 1] ^= 0x01;
        frames.set(2, new CapturedFrame(third.interfaceId(), third.timestampNanos(), data, third.originalLength(), third.comment(), third.flags()));
        Capture actual = new Capture(golden.sectionComment(), golden.interfaces(), frames, golden.names(), golden.statistics());
        GoldenComparison.Divergence divergence = GoldenComparison.compare(golden, actual).orElseThrow();

        String id = "arp/ping-changed";
        ScenarioOutcome.Run run = new ScenarioOutcome.Run(actual, events(), Goldens.twoStacks(), divergence, "../../pcaps/" + id + ".pcapng",
                "../../pcaps/" + id + ".actual.pcapng");
        String actualText = divergence.render() + "actual capture written to /home/someone/pcaps/" + id + ".actual.pcapng";
        List<ScenarioOutcome.Check> checks = List.of(
                new ScenarioOutcome.Check("/expect/0", "ping ping-b gets 3 replies", true, "seq 0 reply after 0.000151744s"),
                new ScenarioOutcome.Check("golden", "trace equals golden /home/someone/pcaps/" + id + ".pcapng", false, actualText));
        return new ScenarioOutcome(id, "changed", List.of("arp"), "", 5_000_000_000L, frames.size(), checks,
                "golden: expected trace equals golden /home/someone/pcaps/" + id + ".pcapng, got " + actualText, id + ".pcapng", run);
    }

    private static ScenarioOutcome invalid() {
        return new ScenarioOutcome("arp/broken", "arp/broken", List.of(), "", 0, 0, List.of(),
                "invalid scenario file:\narp/broken.json:1:30: /duration: invalid duration \"5 parsecs\"", null);
    }

    /** Returns the part of {@code html} that is the section of scenario {@code id}. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"scenario-" + id + "\"");
        assertThat(start).as("section of %s", id).isPositive();
        int end = html.indexOf("</section>", start);
        return html.substring(start, end);
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    @Test
    void failuresComeFirst() {
        String html = HtmlReport.render(List.of(passing(), divergent(), invalid()));

        int changed = html.indexOf("<a href=\"#scenario-arp/ping-changed\">");
        int broken = html.indexOf("<a href=\"#scenario-arp/broken\">");
        int ping = html.indexOf("<a href=\"#scenario-" + PING + "\">");
        assertThat(changed).isPositive();
        assertThat(broken).isGreaterThan(changed);
        assertThat(ping).isGreaterThan(broken);
        assertThat(html).contains("<title>stackbench report: 1 passed, 2 failed</title>");
        assertThat(html).contains("<span class=\"count fail\">2 failed</span> <span class=\"count pass\">1 passed</span> of 3 scenarios");
    }

    @Test
    void summaryRowHasCaptureLink() {
        String html = HtmlReport.render(List.of(passing()));

        assertThat(html).contains("<td class=\"number\">5s</td><td class=\"number\">10</td><td><a href=\"arp/ping-two-stacks.pcapng\">");
        assertThat(html).contains("<span class=\"tag\">arp</span><span class=\"tag\">icmpv4</span>");
    }

    @Test
    void sectionDrawsEveryFrame() {
        String html = HtmlReport.render(List.of(passing()));

        String section = section(html, PING);
        assertThat(count(FRAME_GROUP, section)).isEqualTo(10);
        assertThat(section).contains("<svg class=\"ladder\"");
        assertThat(section).contains("<summary>Event log (2 entries)</summary>");
        assertThat(section).contains("<td>10.0.0.2 &lt;at&gt; 02:00:00:00:00:0b</td>");
        assertThat(section).contains("<details class=\"events\"><summary>");
    }

    @Test
    void goldenPathIsRelative() {
        String html = HtmlReport.render(List.of(passing(), divergent()));

        assertThat(html).doesNotContain("/home/someone");
        assertThat(html).contains("trace equals golden ../../pcaps/" + PING + ".pcapng");
        assertThat(html).contains("<a href=\"../../pcaps/arp/ping-changed.actual.pcapng\">");
    }

    @Test
    void divergenceShowsBothPackets() {
        String html = HtmlReport.render(List.of(divergent()));

        String section = section(html, "arp/ping-changed");
        assertThat(section).contains("<h3>First divergence from the golden capture</h3>");
        assertThat(section).contains("Packet 3 at 1s: bytes differ from offset 59");
        assertThat(section).contains("<th>Expected (golden)</th><th>Actual (this run)</th>");
        assertThat(count(Pattern.compile("<tr class=\"differs\">"), section)).isPositive();
        assertThat(section).contains("first divergence at packet 3 (time 1s): bytes differ");
        assertThat(section).contains("<details class=\"events\" open>");

        // The main diagram plus both context diagrams, each of which marks the divergent frame.
        assertThat(count(Pattern.compile("<svg class=\"ladder\""), section)).isEqualTo(3);
        assertThat(count(Pattern.compile(" marked\" data-frame=\"3\""), section)).isEqualTo(2);
        assertThat(section).contains("<figcaption>Golden, frames 1 to 10 of 10</figcaption>");
        assertThat(section).contains("<figcaption>This run, frames 1 to 10 of 10</figcaption>");
    }

    @Test
    void invalidFileShowsFailureText() {
        String html = HtmlReport.render(List.of(invalid()));

        String section = section(html, "arp/broken");
        assertThat(section).contains("<pre class=\"failure\">invalid scenario file:\narp/broken.json:1:30: /duration: invalid duration &quot;5 parsecs&quot;</pre>");
        assertThat(section).doesNotContain("<svg");
    }

    @Test
    void pageHasNoScriptOrExternalResource() {
        String html = HtmlReport.render(List.of(passing(), divergent(), invalid()));

        assertThat(html).doesNotContain("<script");
        String withoutSvgNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertThat(withoutSvgNamespace).doesNotContain("http:");
        assertThat(withoutSvgNamespace).doesNotContain("https:");
        assertThat(withoutSvgNamespace).doesNotContain("url(");
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
        assertThat(html).endsWith("</html>\n");
    }

    @Test
    void writeIsByteIdentical() throws IOException {
        Path first = HtmlReport.write(work.resolve("first"), List.of(passing(), divergent(), invalid()));
        Path second = HtmlReport.write(work.resolve("second"), List.of(passing(), divergent(), invalid()));

        assertThat(first.getFileName().toString()).isEqualTo("report.html");
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }
}
