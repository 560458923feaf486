package io.stackbench.report;

import io.stackbench.report.html.HtmlReport;
import io.stackbench.sim.engine.SimTime;
import java.util.List;

/** Formats the one-line-per-scenario progress lines and the closing summary. */
public final class ConsoleSummary {

    private ConsoleSummary() {
    }

    /** Returns the progress line for one finished scenario. */
    public static String line(ScenarioOutcome outcome, long wallMillis) {
        String verdict = outcome.passed() ? "PASS" : "FAIL";
        String line = String.format("%s  %-48s %9s simulated  %5d frames  %5d ms", verdict, outcome.id(),
                SimTime.format(outcome.simulatedNanos()), outcome.frames(), wallMillis);
        if (!outcome.passed()) {
            line += "\n      " + firstLine(outcome.failure());
        }
        return line;
    }

    /** Returns the closing summary naming each failure and where the reports are, including the HTML report that every run writes. */
    public static String summary(List<ScenarioOutcome> outcomes, String reportDirectory) {
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        StringBuilder text = new StringBuilder();
        text.append('\n').append(outcomes.size() - failed).append(" passed, ").append(failed).append(" failed\n");
        for (ScenarioOutcome outcome : outcomes) {
            if (!outcome.passed()) {
                text.append("  FAILED ").append(outcome.id()).append(": ").append(firstLine(outcome.failure())).append('\n');
                if (outcome.capturePath() != null) {
                    text.append("         capture: ").append(reportDirectory).append('/').append(outcome.capturePath()).append('\n');
                }
            }
        }
        text.append("Report directory: ").append(reportDirectory).append(" (JUnit XML: junit.xml)\n");
        text.append("HTML report: ").append(reportDirectory).append('/').append(HtmlReport.FILE_NAME).append('\n');
        return text.toString();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
