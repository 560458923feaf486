package io.stackbench.report.html;

import io.stackbench.report.GoldenComparison;
import io.stackbench.report.PacketDecoder;
import io.stackbench.report.ScenarioOutcome;
import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.CapturedFrame;
import io.stackbench.sim.engine.SimTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a golden mismatch: the first divergent packet of each capture decoded layer by layer in
 * two columns with differing lines highlighted, and the ladder diagrams of both captures around it.
 */
final class DivergenceSection {

    /** Frames drawn on each side of the divergent one in the two ladder diagrams. */
    static final int CONTEXT_FRAMES = 10;

    private DivergenceSection() {
    }

    static void render(StringBuilder html, ScenarioOutcome.Run run) {
        GoldenComparison.Divergence divergence = run.divergence();
        html.append("<div class=\"divergence\">\n<h3>First divergence from the golden capture</h3>\n");
        html.append("<p>Packet ").append(divergence.index() + 1).append(" at ").append(SimTime.format(divergence.time())).append(": ")
                .append(Html.escape(divergence.what())).append(".</p>\n");

        html.append("<table class=\"side-by-side\">\n<thead><tr><th>Expected (golden)</th><th>Actual (this run)</th></tr></thead>\n<tbody>\n");
        List<String> expected = lines(divergence.expected(), divergence.expectedCapture());
        List<String> actual = lines(divergence.actual(), divergence.actualCapture());
        int rows = Math.max(expected.size(), actual.size());
        for (int i = 0; i < rows; i++) {
            String left = i < expected.size() ? expected.get(i) : "";
            String right = i < actual.size() ? actual.get(i) : "";
            html.append(left.equals(right) ? "<tr>" : "<tr class=\"differs\">");
            html.append("<td><code>").append(Html.escape(left)).append("</code></td><td><code>").append(Html.escape(right)).append("</code></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");

        html.append("<div class=\"pair\">\n");
        ladder(html, "Golden", run, divergence.expectedCapture(), divergence.index());
        ladder(html, "This run", run, divergence.actualCapture(), divergence.index());
        html.append("</div>\n</div>\n");
    }

    /** Returns the packet's capture facts followed by pcap4j's decode, one field per line. */
    private static List<String> lines(CapturedFrame frame, Capture capture) {
        List<String> lines = new ArrayList<>();
        if (frame == null) {
            lines.add("(no packet: the capture ends before this one)");
            return lines;
        }
        lines.add("capture point: " + capture.interfaces().get(frame.interfaceId()).name());
        lines.add("time: " + SimTime.format(frame.timestampNanos()));
        lines.add("length: " + frame.capturedLength() + " bytes");
        lines.add("comment: " + (frame.comment() == null ? "(none)" : frame.comment()));
        lines.addAll(PacketDecoder.decode(frame.data()));
        return lines;
    }

    private static void ladder(StringBuilder html, String side, ScenarioOutcome.Run run, Capture capture, int index) {
        Ladder ladder = new LadderBuilder(run.nodes(), capture).window(index, CONTEXT_FRAMES);
        html.append("<figure class=\"context\"><figcaption>").append(side);
        if (ladder.rows().isEmpty()) {
            html.append(": no frames</figcaption></figure>\n");
            return;
        }
        Ladder.Arrow first = (Ladder.Arrow) ladder.rows().get(0);
        Ladder.Arrow last = (Ladder.Arrow) ladder.rows().get(ladder.rows().size() - 1);
        html.append(", frames ").append(first.number()).append(" to ").append(last.number()).append(" of ").append(capture.frames().size())
                .append("</figcaption>\n<div class=\"diagram\">").append(LadderSvg.render(ladder, side + " frames around the divergence"))
                .append("</div></figure>\n");
    }
}
