package io.stackbench.report.html;

import io.stackbench.report.ScenarioOutcome;
import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.CapturedFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the ladder diagram of a capture: maps each frame to the column of its sender by Ethernet
 * source MAC and to its receivers' columns the way the segment delivers it, and folds long runs
 * of one repeated exchange.
 */
final class LadderBuilder {

    /** Captures with more frames than this have their long repeated runs folded. */
    static final int FOLD_ABOVE = 60;

    /** A run is folded only when its exchange repeats at least this many times in a row. */
    static final int MIN_REPETITIONS = 6;

    /** Maximum length in frames of an exchange that folding looks for, such as an echo request and its reply (2). */
    static final int MAX_EXCHANGE_FRAMES = 4;

    /** Repetitions drawn before a fold, so the reader sees the pattern. */
    private static final int SHOWN_BEFORE_FOLD = 2;

    /** Repetitions drawn after a fold, so the reader sees how the run ends. */
    private static final int SHOWN_AFTER_FOLD = 1;

    /** Maximum rows drawn; a longer diagram keeps its first and last rows and counts the frames it leaves out. */
    static final int MAX_ROWS = 400;

    /** Rows kept from the end of a diagram cut to {@link #MAX_ROWS}, so the reader sees how the capture ends. */
    private static final int ROWS_KEPT_AT_END = 60;

    private static final String LOST_MARK = "lost on link";

    private final List<ScenarioOutcome.Node> nodes;
    private final Capture capture;
    private final List<Ladder.Column> columns = new ArrayList<>();
    private int unknownColumn = -1;

    // TODO: a segment with hundreds of nodes gives a diagram hundreds of columns wide, because every
    // node gets a column; drawing only the nodes that send or are addressed would keep it readable.
    LadderBuilder(List<ScenarioOutcome.Node> nodes, Capture capture) {
        this.nodes = List.copyOf(nodes);
        this.capture = capture;
        for (ScenarioOutcome.Node node : nodes) {
            columns.add(new Ladder.Column(node.name(), node.kind() + " · " + node.mac() + " · " + node.segment()));
        }
    }

    /** Builds the diagram of the whole capture, folding repeated runs when it has more than {@code foldAbove} frames. */
    Ladder build(int foldAbove) {
        List<Ladder.Arrow> arrows = arrows(0, capture.frames().size(), -1);
        List<Ladder.Row> rows = arrows.size() > foldAbove ? fold(arrows) : new ArrayList<>(arrows);
        return new Ladder(columns, cut(rows, MAX_ROWS));
    }

    /**
     * Returns {@code rows} when they are at most {@code maxRows}, or else its first rows and its last
     * {@link #ROWS_KEPT_AT_END} rows around one row that counts the frames left out. A transfer of
     * thousands of segments would otherwise give a report of several megabytes that no reader scrolls.
     */
    static List<Ladder.Row> cut(List<Ladder.Row> rows, int maxRows) {
        if (rows.size() <= maxRows) {
            return rows;
        }
        int keptAtEnd = Math.min(ROWS_KEPT_AT_END, maxRows / 4);
        int keptAtStart = maxRows - keptAtEnd - 1;
        List<Ladder.Row> omitted = rows.subList(keptAtStart, rows.size() - keptAtEnd);
        int frames = 0;
        for (Ladder.Row row : omitted) {
            frames += row instanceof Ladder.Fold fold ? fold.frames() : 1;
        }
        int firstNumber = firstNumber(omitted.get(0));
        int lastNumber = lastNumber(omitted.get(omitted.size() - 1));
        String text = String.format(Locale.ROOT, "… %,d frames not drawn (#%,d to #%,d): open the capture in Wireshark to see them …",
                frames, firstNumber, lastNumber);

        List<Ladder.Row> kept = new ArrayList<>(rows.subList(0, keptAtStart));
        kept.add(new Ladder.Fold(firstNumber, lastNumber, fromNanos(omitted.get(0)), toNanos(omitted.get(omitted.size() - 1)), frames, text));
        kept.addAll(rows.subList(rows.size() - keptAtEnd, rows.size()));
        return kept;
    }

    private static int firstNumber(Ladder.Row row) {
        return row instanceof Ladder.Fold fold ? fold.firstNumber() : ((Ladder.Arrow) row).number();
    }

    private static int lastNumber(Ladder.Row row) {
        return row instanceof Ladder.Fold fold ? fold.lastNumber() : ((Ladder.Arrow) row).number();
    }

    private static long fromNanos(Ladder.Row row) {
        return row instanceof Ladder.Fold fold ? fold.fromNanos() : ((Ladder.Arrow) row).timeNanos();
    }

    private static long toNanos(Ladder.Row row) {
        return row instanceof Ladder.Fold fold ? fold.toNanos() : ((Ladder.Arrow) row).timeNanos();
    }

    /**
     * Builds the diagram of the frames within {@code radius} of the 0-based index {@code center},
     * with that frame marked and nothing folded. A center past the last frame shows the capture's end.
     */
    Ladder window(int center, int radius) {
        int size = capture.frames().size();
        int from = Math.max(0, Math.min(center, size) - radius);
        int to = Math.min(size, center + radius + 1);
        return new Ladder(columns, new ArrayList<>(arrows(from, to, center)));
    }

    private List<Ladder.Arrow> arrows(int from, int to, int marked) {
        List<Ladder.Arrow> arrows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            arrows.add(arrow(i, capture.frames().get(i), i == marked));
        }
        return arrows;
    }

    private Ladder.Arrow arrow(int index, CapturedFrame frame, boolean marked) {
        byte[] data = frame.data();
        String segment = capture.interfaces().get(frame.interfaceId()).name();
        String source = data.length >= 12 ? mac(data, 6) : "";
        String destination = data.length >= 6 ? mac(data, 0) : "";

        int sender = senderColumn(segment, source);
        List<Integer> owners = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            ScenarioOutcome.Node node = nodes.get(i);
            if (i == sender || !node.segment().equals(segment)) {
                continue;
            }
            others.add(i);
            if (node.mac().equals(destination)) {
                owners.add(i);
            }
        }

        Ladder.Delivery delivery;
        List<Integer> receivers;
        if (destination.equals("ff:ff:ff:ff:ff:ff")) {
            delivery = Ladder.Delivery.BROADCAST;
            receivers = others;
        } else if (isGroup(data)) {
            delivery = Ladder.Delivery.MULTICAST;
            receivers = others;
        } else if (!owners.isEmpty()) {
            delivery = Ladder.Delivery.UNICAST;
            receivers = owners;
        } else {
            delivery = Ladder.Delivery.FLOODED;
            receivers = others;
        }

        boolean lost = frame.comment() != null && frame.comment().contains(LOST_MARK);
        return new Ladder.Arrow(index + 1, frame.timestampNanos(), segment, source, destination, sender, receivers, FrameLabel.describe(data),
                frame.comment(), delivery, lost, marked);
    }

    /** Returns the column of the node on {@code segment} that sends from {@code mac}, adding the unknown-sender column if none does. */
    private int senderColumn(String segment, String mac) {
        int elsewhere = -1;
        for (int i = 0; i < nodes.size(); i++) {
            ScenarioOutcome.Node node = nodes.get(i);
            if (node.mac().equals(mac) || node.otherMacs().contains(mac)) {
                if (node.segment().equals(segment)) {
                    return i;
                }
                elsewhere = elsewhere < 0 ? i : elsewhere;
            }
        }
        if (elsewhere >= 0) {
            return elsewhere;
        }
        if (unknownColumn < 0) {
            unknownColumn = columns.size();
            columns.add(new Ladder.Column("unknown sender", "source MAC of no node"));
        }
        return unknownColumn;
    }

    private static boolean isGroup(byte[] data) {
        return data.length >= 1 && (data[0] & 0x01) != 0;
    }

    private static String mac(byte[] data, int offset) {
        StringBuilder text = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                text.append(':');
            }
            text.append(String.format(Locale.ROOT, "%02x", data[offset + i] & 0xff));
        }
        return text.toString();
    }

    // ---- folding ----

    /** The drawn attributes of a frame except counters, equal for two frames that are the same step of a repeated exchange. */
    private record Shape(int from, List<Integer> to, Ladder.Delivery delivery, boolean lost, String kind) {

        static Shape of(Ladder.Arrow arrow) {
            return new Shape(arrow.from(), arrow.to(), arrow.delivery(), arrow.lost(), arrow.label().kind());
        }
    }

    /** A run starting at a position: an exchange of {@code length} frames repeated {@code repetitions} times. */
    private record Run(int length, int repetitions) {

        int frames() {
            return length * repetitions;
        }
    }

    static List<Ladder.Row> fold(List<Ladder.Arrow> arrows) {
        List<Shape> shapes = arrows.stream().map(Shape::of).toList();
        List<Ladder.Row> rows = new ArrayList<>();
        int i = 0;
        while (i < arrows.size()) {
            Run run = longestRun(shapes, i);
            if (run == null) {
                rows.add(arrows.get(i));
                i++;
                continue;
            }

            int shownBefore = SHOWN_BEFORE_FOLD * run.length();
            int foldedFrames = (run.repetitions() - SHOWN_BEFORE_FOLD - SHOWN_AFTER_FOLD) * run.length();
            rows.addAll(arrows.subList(i, i + shownBefore));
            List<Ladder.Arrow> folded = arrows.subList(i + shownBefore, i + shownBefore + foldedFrames);
            rows.add(foldOf(folded, run));
            rows.addAll(arrows.subList(i + shownBefore + foldedFrames, i + run.frames()));
            i += run.frames();
        }
        return rows;
    }

    /** Returns the run at {@code start} covering the most frames, or null when no exchange repeats often enough. */
    private static Run longestRun(List<Shape> shapes, int start) {
        Run best = null;
        for (int length = 1; length <= MAX_EXCHANGE_FRAMES; length++) {
            int repetitions = 1;
            while (start + (repetitions + 1) * length <= shapes.size()
                    && sameExchange(shapes, start, start + repetitions * length, length)) {
                repetitions++;
            }
            Run run = new Run(length, repetitions);
            if (repetitions >= MIN_REPETITIONS && (best == null || run.frames() > best.frames())) {
                best = run;
            }
        }
        return best;
    }

    private static boolean sameExchange(List<Shape> shapes, int first, int second, int length) {
        for (int k = 0; k < length; k++) {
            if (!shapes.get(first + k).equals(shapes.get(second + k))) {
                return false;
            }
        }
        return true;
    }

    private static Ladder.Fold foldOf(List<Ladder.Arrow> folded, Run run) {
        Ladder.Arrow first = folded.get(0);
        Ladder.Arrow last = folded.get(folded.size() - 1);
        int exchanges = folded.size() / run.length();
        List<String> kinds = new ArrayList<>();
        for (int k = 0; k < run.length(); k++) {
            kinds.add(folded.get(k).label().kind());
        }

        String text;
        if (run.length() == 1) {
            text = "… " + exchanges + " more " + kinds.get(0) + " frames …";
        } else if (kinds.stream().allMatch(kind -> kind.contains("echo"))) {
            text = "… " + exchanges + " more echo exchanges …";
        } else {
            text = "… " + exchanges + " more exchanges of " + String.join(" / ", kinds) + " …";
        }
        return new Ladder.Fold(first.number(), last.number(), first.timeNanos(), last.timeNanos(), folded.size(), text);
    }
}
