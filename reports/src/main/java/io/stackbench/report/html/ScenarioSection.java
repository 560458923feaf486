package io.stackbench.report.html;

import io.stackbench.report.GoldenComparison;
import io.stackbench.report.ScenarioOutcome;
import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.spi.StackEvent;

/** Renders one scenario's section of the report. */
final class ScenarioSection {

    /** The path of the implicit golden-comparison check. */
    private static final String GOLDEN_CHECK = "golden";

    private ScenarioSection() {
    }

    static void render(StringBuilder html, ScenarioOutcome outcome) {
        String verdict = outcome.passed() ? "pass" : "fail";
        ScenarioOutcome.Run run = outcome.run();
        html.append("<section class=\"scenario ").append(verdict).append("\" id=\"").append(Html.escape(HtmlReport.anchor(outcome)))
                .append("\">\n");
        html.append("<h2>").append(HtmlReport.badge(outcome)).append(' ').append(Html.escape(outcome.id())).append("</h2>\n");
        if (!outcome.name().equals(outcome.id())) {
            html.append("<p class=\"name\">").append(Html.escape(outcome.name())).append("</p>\n");
        }
        if (!outcome.description().isEmpty()) {
            html.append("<p class=\"description\">").append(Html.escape(outcome.description())).append("</p>\n");
        }
        facts(html, outcome);

        if (!outcome.passed() && outcome.checks().stream().allMatch(ScenarioOutcome.Check::passed)) {
            // A scenario can fail without a failed check, as an invalid file or an aborted run does.
            html.append("<pre class=\"failure\">").append(Html.escape(outcome.failure())).append("</pre>\n");
        }
        if (!outcome.checks().isEmpty()) {
            checks(html, outcome);
        }
        if (run != null && run.divergence() != null) {
            DivergenceSection.render(html, run);
        }
        if (run != null) {
            ladder(html, outcome, run);
            events(html, outcome, run);
        }
        html.append("</section>\n");
    }

    /** Returns the first problem of a failed scenario in one line, without the multi-line golden decode. */
    static String reason(ScenarioOutcome outcome) {
        for (ScenarioOutcome.Check check : outcome.checks()) {
            if (!check.passed()) {
                return check.path() + ": expected " + checkDescription(outcome, check) + ", got " + firstLine(checkActual(outcome, check));
            }
        }
        return firstLine(outcome.failure());
    }

    private static void facts(StringBuilder html, ScenarioOutcome outcome) {
        ScenarioOutcome.Run run = outcome.run();
        html.append("<dl class=\"facts\">");
        if (!outcome.tags().isEmpty()) {
            html.append("<div><dt>Tags</dt><dd>").append(HtmlReport.tags(outcome.tags())).append("</dd></div>");
        }
        html.append("<div><dt>Simulated</dt><dd>").append(SimTime.format(outcome.simulatedNanos())).append("</dd></div>");
        html.append("<div><dt>Frames</dt><dd>").append(outcome.frames()).append("</dd></div>");
        if (outcome.capturePath() != null) {
            html.append("<div><dt>Capture</dt><dd>").append(HtmlReport.link(outcome.capturePath(), outcome.capturePath())).append("</dd></div>");
        }
        if (run != null && run.goldenPath() != null) {
            html.append("<div><dt>Golden</dt><dd>").append(HtmlReport.link(run.goldenPath(), run.goldenPath())).append("</dd></div>");
        }
        if (run != null && run.actualBesideGoldenPath() != null) {
            html.append("<div><dt>Actual beside golden</dt><dd>").append(HtmlReport.link(run.actualBesideGoldenPath(), run.actualBesideGoldenPath()))
                    .append("</dd></div>");
        }
        html.append("</dl>\n");
    }

    private static void checks(StringBuilder html, ScenarioOutcome outcome) {
        html.append("<h3>Expectations</h3>\n<table class=\"checks\">\n<thead><tr><th>Result</th><th>Check</th><th>Expected</th><th>Actual</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (ScenarioOutcome.Check check : outcome.checks()) {
            String verdict = check.passed() ? "pass" : "fail";
            html.append("<tr class=\"").append(verdict).append("\"><td><span class=\"badge ").append(verdict).append("\">")
                    .append(check.passed() ? "PASS" : "FAIL").append("</span></td>");
            html.append("<td><code>").append(Html.escape(check.path())).append("</code></td>");
            html.append("<td>").append(Html.escape(checkDescription(outcome, check))).append("</td>");
            html.append("<td class=\"actual\">").append(Html.escape(checkActual(outcome, check))).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /**
     * Returns the check's description. The golden check's own description names the golden by the
     * path the bench was given, which may be absolute, so the report uses its relative path instead.
     */
    private static String checkDescription(ScenarioOutcome outcome, ScenarioOutcome.Check check) {
        ScenarioOutcome.Run run = outcome.run();
        if (check.path().equals(GOLDEN_CHECK) && run != null && run.goldenPath() != null) {
            return "trace equals golden " + run.goldenPath();
        }
        return check.description();
    }

    /**
     * Returns the check's actual value. A golden mismatch is summed up in one line here because its
     * own section shows both packets.
     */
    private static String checkActual(ScenarioOutcome outcome, ScenarioOutcome.Check check) {
        ScenarioOutcome.Run run = outcome.run();
        if (check.path().equals(GOLDEN_CHECK) && run != null && run.divergence() != null) {
            GoldenComparison.Divergence divergence = run.divergence();
            return "first divergence at packet " + (divergence.index() + 1) + " (time " + SimTime.format(divergence.time()) + "): "
                    + divergence.what();
        }
        return check.actual();
    }

    private static void ladder(StringBuilder html, ScenarioOutcome outcome, ScenarioOutcome.Run run) {
        Ladder ladder = new LadderBuilder(run.nodes(), run.capture()).build(LadderBuilder.FOLD_ABOVE);
        html.append("<h3>Ladder diagram</h3>\n");
        if (ladder.rows().isEmpty()) {
            html.append("<p class=\"note\">The capture has no frames.</p>\n");
            return;
        }
        html.append("<p class=\"note\">One row per captured frame in capture order, not to time scale. ")
                .append("Hover over an arrow for its time, MACs and capture comment.</p>\n");
        html.append(Stylesheet.LEGEND);
        html.append("<div class=\"diagram\">\n").append(LadderSvg.render(ladder, "Ladder diagram of " + outcome.id())).append("\n</div>\n");
    }

    private static void events(StringBuilder html, ScenarioOutcome outcome, ScenarioOutcome.Run run) {
        html.append("<details class=\"events\"").append(outcome.passed() ? "" : " open").append("><summary>Event log (")
                .append(run.events().size()).append(run.events().size() == 1 ? " entry" : " entries").append(")</summary>\n");
        if (run.events().isEmpty()) {
            html.append("<p class=\"note\">No stack logged an event.</p>\n</details>\n");
            return;
        }
        html.append("<table class=\"events\">\n<thead><tr><th class=\"number\">Time</th><th>Node</th><th>Kind</th><th>Message</th></tr></thead>\n")
                .append("<tbody>\n");
        for (StackEvent event : run.events()) {
            html.append("<tr><td class=\"number\">").append(SimTime.format(event.time())).append("</td><td>").append(Html.escape(event.node()))
                    .append("</td><td><code>").append(Html.escape(event.kind())).append("</code></td><td>").append(Html.escape(event.message()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</details>\n");
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
