package io.stackbench.report.html;

import io.stackbench.report.ScenarioOutcome;
import io.stackbench.sim.engine.SimTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS and SVG, no script, no external
 * resources) with a summary table, and per scenario its expectations, ladder diagram, event log
 * and, for a golden mismatch, both packets side by side.
 *
 * <p>The page is a function of the outcomes alone: it holds no wall-clock time and links files by
 * paths relative to the report directory, so identical runs write identical bytes. Failed
 * scenarios come first, then passed ones, each group in the order given.
 */
public final class HtmlReport {

    /** The file name of the report inside the report directory. */
    public static final String FILE_NAME = "report.html";

    private HtmlReport() {
    }

    /** Writes the report into {@code reportDirectory} and returns its path. */
    public static Path write(Path reportDirectory, List<ScenarioOutcome> outcomes) throws IOException {
        Path file = reportDirectory.resolve(FILE_NAME);
        Files.createDirectories(reportDirectory);
        Files.writeString(file, render(outcomes), StandardCharsets.UTF_8);
        return file;
    }

    /** Returns the whole page. */
    public static String render(List<ScenarioOutcome> outcomes) {
        List<ScenarioOutcome> ordered = failuresFirst(outcomes);
        long failed = outcomes.stream().filter(outcome -> !outcome.passed()).count();
        long passed = outcomes.size() - failed;

        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.append("<title>stackbench report: ").append(passed).append(" passed, ").append(failed).append(" failed</title>\n");
        html.append("<style>\n").append(Stylesheet.CSS).append("</style>\n</head>\n<body>\n");

        html.append("<header class=\"page\">\n<h1>stackbench report</h1>\n<p class=\"totals\">");
        if (failed > 0) {
            html.append("<span class=\"count fail\">").append(failed).append(" failed</span> ");
        }
        html.append("<span class=\"count pass\">").append(passed).append(" passed</span> of ").append(outcomes.size())
                .append(outcomes.size() == 1 ? " scenario" : " scenarios")
                .append(". Times are simulated; each capture opens in Wireshark.</p>\n</header>\n<main>\n");

        summaryTable(html, ordered);
        for (ScenarioOutcome outcome : ordered) {
            ScenarioSection.render(html, outcome);
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static List<ScenarioOutcome> failuresFirst(List<ScenarioOutcome> outcomes) {
        List<ScenarioOutcome> ordered = new ArrayList<>();
        outcomes.stream().filter(outcome -> !outcome.passed()).forEach(ordered::add);
        outcomes.stream().filter(ScenarioOutcome::passed).forEach(ordered::add);
        return ordered;
    }

    private static void summaryTable(StringBuilder html, List<ScenarioOutcome> ordered) {
        html.append("<table class=\"summary\">\n<thead><tr><th>Result</th><th>Scenario</th><th>Tags</th><th class=\"number\">Simulated</th>")
                .append("<th class=\"number\">Frames</th><th>Capture</th></tr></thead>\n<tbody>\n");
        for (ScenarioOutcome outcome : ordered) {
            String verdict = outcome.passed() ? "pass" : "fail";
            html.append("<tr class=\"").append(verdict).append("\"><td>").append(badge(outcome)).append("</td>");
            html.append("<td><a href=\"#").append(Html.escape(anchor(outcome))).append("\">").append(Html.escape(outcome.id())).append("</a>");
            if (!outcome.passed()) {
                html.append("<div class=\"reason\">").append(Html.escape(ScenarioSection.reason(outcome))).append("</div>");
            }
            html.append("</td><td>").append(tags(outcome.tags())).append("</td>");
            html.append("<td class=\"number\">").append(SimTime.format(outcome.simulatedNanos())).append("</td>");
            html.append("<td class=\"number\">").append(outcome.frames()).append("</td><td>");
            if (outcome.capturePath() != null) {
                html.append(link(outcome.capturePath(), outcome.capturePath()));
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    static String badge(ScenarioOutcome outcome) {
        return outcome.passed() ? "<span class=\"badge pass\">PASS</span>" : "<span class=\"badge fail\">FAIL</span>";
    }

    /** Returns the element id of a scenario's section; ids contain no whitespace. */
    static String anchor(ScenarioOutcome outcome) {
        return "scenario-" + outcome.id().replaceAll("\\s", "_");
    }

    static String tags(List<String> tags) {
        StringBuilder html = new StringBuilder();
        for (String tag : tags) {
            html.append("<span class=\"tag\">").append(Html.escape(tag)).append("</span>");
        }
        return html.toString();
    }

    /** Returns a link to a file given relative to the report directory. */
    static String link(String relativePath, String text) {
        return "<a href=\"" + Html.escape(Html.href(relativePath)) + "\">" + Html.escape(text) + "</a>";
    }
}
