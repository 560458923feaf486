package io.stackbench.report;

import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.CapturedFrame;
import io.stackbench.sim.engine.SimTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Compares a run's capture with its golden capture packet by packet: capture point (segment),
 * timestamp and bytes. Comments and names are not compared, so rewording a comment does not
 * invalidate a golden.
 */
public final class GoldenComparison {

    /**
     * The first packet at which two captures differ.
     *
     * @param index zero-based packet index in both captures
     * @param expected the golden packet, or null when the run has extra packets
     * @param actual the run's packet, or null when the run stopped short
     * @param what which of capture point, timestamp and bytes differ, in words
     */
    public record Divergence(int index, CapturedFrame expected, CapturedFrame actual, String what, Capture expectedCapture,
            Capture actualCapture) {

        /** Returns the time of the divergent packet, taken from whichever side has it. */
        public long time() {
            return expected != null ? expected.timestampNanos() : actual.timestampNanos();
        }

        /** Renders the divergence with both packets decoded field by field, differing lines marked with "!". */
        public String render() {
            StringBuilder text = new StringBuilder();
            text.append("first divergence at packet ").append(index + 1).append(" (time ").append(SimTime.format(time())).append("): ")
                    .append(what).append('\n');
            List<String> left = expected == null ? List.of("(no packet)") : PacketDecoder.decode(expected.data());
            List<String> right = actual == null ? List.of("(no packet)") : PacketDecoder.decode(actual.data());
            text.append("  expected: ").append(describe(expected, expectedCapture)).append('\n');
            text.append("  actual:   ").append(describe(actual, actualCapture)).append('\n');
            int lines = Math.max(left.size(), right.size());
            for (int i = 0; i < lines; i++) {
                String l = i < left.size() ? left.get(i) : "";
                String r = i < right.size() ? right.get(i) : "";
                if (l.equals(r)) {
                    text.append("    ").append(l).append('\n');
                } else {
                    text.append("  ! expected ").append(l.strip()).append('\n');
                    text.append("  !   actual ").append(r.strip()).append('\n');
                }
            }
            return text.toString();
        }

        private static String describe(CapturedFrame frame, Capture capture) {
            if (frame == null) {
                return "none";
            }
            String segment = frame.interfaceId() < capture.interfaces().size() ? capture.interfaces().get(frame.interfaceId()).name() : "?";
            return "segment " + segment + ", " + SimTime.format(frame.timestampNanos()) + ", " + frame.data().length + " bytes"
                    + (frame.comment() == null ? "" : ", comment \"" + frame.comment() + "\"");
        }
    }

    private GoldenComparison() {
    }

    /** Returns the first divergence, or empty when every packet matches. */
    public static Optional<Divergence> compare(Capture expected, Capture actual) {
        List<CapturedFrame> left = expected.frames();
        List<CapturedFrame> right = actual.frames();
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            CapturedFrame e = left.get(i);
            CapturedFrame a = right.get(i);
            StringBuilder what = new StringBuilder();
            String expectedSegment = segmentName(expected, e);
            String actualSegment = segmentName(actual, a);
            if (!expectedSegment.equals(actualSegment)) {
                what.append("capture point ").append(expectedSegment).append(" vs ").append(actualSegment);
            }
            if (e.timestampNanos() != a.timestampNanos()) {
                append(what, "timestamp " + SimTime.format(e.timestampNanos()) + " vs " + SimTime.format(a.timestampNanos()));
            }
            if (!Arrays.equals(e.data(), a.data())) {
                append(what, "bytes differ" + firstByteDifference(e.data(), a.data()));
            }
            if (what.length() > 0) {
                return Optional.of(new Divergence(i, e, a, what.toString(), expected, actual));
            }
        }
        if (left.size() > common) {
            return Optional.of(new Divergence(common, left.get(common), null,
                    "the run ended after " + right.size() + " packets; the golden has " + left.size(), expected, actual));
        }
        if (right.size() > common) {
            return Optional.of(new Divergence(common, null, right.get(common),
                    "the run has " + right.size() + " packets; the golden ends after " + left.size(), expected, actual));
        }
        return Optional.empty();
    }

    private static String segmentName(Capture capture, CapturedFrame frame) {
        return frame.interfaceId() < capture.interfaces().size() ? capture.interfaces().get(frame.interfaceId()).name() : "#" + frame.interfaceId();
    }

    private static void append(StringBuilder what, String part) {
        if (what.length() > 0) {
            what.append("; ");
        }
        what.append(part);
    }

    private static String firstByteDifference(byte[] expected, byte[] actual) {
        int n = Math.min(expected.length, actual.length);
        for (int i = 0; i < n; i++) {
            if (expected[i] != actual[i]) {
                return String.format(" from offset %d (0x%02x vs 0x%02x)", i, expected[i] & 0xff, actual[i] & 0xff);
            }
        }
        return " in length (" + expected.length + " vs " + actual.length + " bytes)";
    }
}
