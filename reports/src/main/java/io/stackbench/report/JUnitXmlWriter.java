package io.stackbench.report;

import io.stackbench.sim.engine.SimTime;
import java.util.List;

/**
 * Writes JUnit XML in the form CI servers read (one {@code testsuite}, one {@code testcase} per
 * scenario). The {@code time} attributes are 0 because wall-clock time would make the file differ
 * between runs; the simulated duration is a property instead.
 */
public final class JUnitXmlWriter {

    private JUnitXmlWriter() {
    }

    public static String write(String suiteName, List<ScenarioOutcome> outcomes) {
        long failures = outcomes.stream().filter(o -> !o.passed()).count();
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(escape(suiteName)).append("\" tests=\"").append(outcomes.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
        for (ScenarioOutcome outcome : outcomes) {
            String id = outcome.id();
            int slash = id.lastIndexOf('/');
            String classname = "scenarios" + (slash > 0 ? "." + id.substring(0, slash).replace('/', '.') : "");
            xml.append("  <testcase classname=\"").append(escape(classname)).append("\" name=\"").append(escape(id))
                    .append("\" time=\"0\">\n");
            xml.append("    <properties>\n");
            xml.append("      <property name=\"simulated-duration\" value=\"").append(SimTime.format(outcome.simulatedNanos())).append("\"/>\n");
            xml.append("      <property name=\"frames\" value=\"").append(outcome.frames()).append("\"/>\n");
            xml.append("      <property name=\"tags\" value=\"").append(escape(String.join(",", outcome.tags()))).append("\"/>\n");
            xml.append("    </properties>\n");
            if (!outcome.passed()) {
                xml.append("    <failure message=\"").append(escape(firstLine(outcome.failure()))).append("\" type=\"ScenarioFailure\">");
                xml.append(escape(details(outcome)));
                xml.append("</failure>\n");
            }
            xml.append("  </testcase>\n");
        }
        xml.append("</testsuite>\n");
        return xml.toString();
    }

    private static String details(ScenarioOutcome outcome) {
        StringBuilder text = new StringBuilder();
        text.append(outcome.failure()).append("\n\n");
        for (ScenarioOutcome.Check check : outcome.checks()) {
            text.append(check.passed() ? "PASS " : "FAIL ").append(check.path()).append(": ").append(check.description())
                    .append(" -> ").append(check.actual()).append('\n');
        }
        if (outcome.capturePath() != null) {
            text.append("capture: ").append(outcome.capturePath()).append('\n');
        }
        return text.toString();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
