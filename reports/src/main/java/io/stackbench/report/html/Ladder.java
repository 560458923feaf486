package io.stackbench.report.html;

import java.util.List;

/**
 * A ladder (sequence) diagram of a capture: one column per node, one row per frame from top to
 * bottom in capture order, and folded rows where a long run of one exchange repeats.
 *
 * @param columns the nodes in scenario order, then a column for unknown senders when a frame needs it
 * @param rows arrows and folded runs in capture order
 */
record Ladder(List<Column> columns, List<Row> rows) {

    Ladder {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * One lifeline.
     *
     * @param detail the node's kind, MAC and segment, shown under its name
     */
    record Column(String name, String detail) {
    }

    /** How the segment delivers a frame, which decides how its arrow is drawn. */
    enum Delivery {
        /** To the one interface that owns the destination MAC. */
        UNICAST,
        /** To every other interface of the segment (ff:ff:ff:ff:ff:ff). */
        BROADCAST,
        /** A group address, drawn to every other node of the segment because group membership is not in the capture. */
        MULTICAST,
        /** A unicast MAC that no interface owns, which the segment floods to every other interface. */
        FLOODED
    }

    /** A row of the diagram. */
    sealed interface Row permits Arrow, Fold {
    }

    /**
     * One captured frame.
     *
     * @param number the frame's 1-based number in its capture, as Wireshark counts
     * @param timeNanos simulated time of the frame
     * @param source the Ethernet source MAC, empty for a frame too short to have one
     * @param destination the Ethernet destination MAC, empty for a frame too short to have one
     * @param from the sender's column
     * @param to the receivers' columns in column order; empty when no other node is on the segment
     * @param comment the frame's capture comment, or null
     * @param lost whether the link lost the frame, so no receiver got it
     * @param marked whether the frame is the one a golden comparison found divergent
     */
    record Arrow(int number, long timeNanos, String segment, String source, String destination, int from, List<Integer> to, FrameLabel label, String comment,
            Delivery delivery, boolean lost, boolean marked) implements Row {

        Arrow {
            to = List.copyOf(to);
        }
    }

    /**
     * A run of repeated exchanges left out of the drawing.
     *
     * @param frames how many frames the fold hides
     * @param text what the fold stands for, such as {@code … 12 more echo exchanges …}
     */
    record Fold(int firstNumber, int lastNumber, long fromNanos, long toNanos, int frames, String text) implements Row {
    }
}
