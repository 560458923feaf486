package io.stackbench.report.html;

import io.stackbench.sim.engine.SimTime;
import java.util.List;

/**
 * Draws a {@link Ladder} as inline SVG. Each frame is a group of class {@code frame} and each
 * folded run a group of class {@code folded}, each with a {@code <title>} that browsers show as a
 * tooltip. Colours and line styles come from the page's style sheet, keyed on the classes
 * {@code unicast}, {@code broadcast}, {@code multicast}, {@code flooded}, {@code lost} and
 * {@code marked}.
 */
final class LadderSvg {

    private static final int GUTTER = 150;
    private static final int COLUMN = 250;
    private static final int HEADER = 58;
    private static final int ROW = 30;
    private static final int BOTTOM = 16;
    private static final int HEAD_LENGTH = 9;
    private static final int HEAD_HALF_WIDTH = 4;
    private static final int STUB = 90;
    private static final int CROSS = 6;

    private LadderSvg() {
    }

    /** Returns the SVG element; {@code caption} becomes its accessible name. */
    static String render(Ladder ladder, String caption) {
        int width = GUTTER + ladder.columns().size() * COLUMN;
        int height = HEADER + ladder.rows().size() * ROW + BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"ladder\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(caption)).append("\">\n");

        for (int i = 0; i < ladder.columns().size(); i++) {
            Ladder.Column column = ladder.columns().get(i);
            int x = columnX(i);
            svg.append("<text class=\"node\" x=\"").append(x).append("\" y=\"20\">").append(Html.escape(column.name())).append("</text>");
            svg.append("<text class=\"node-detail\" x=\"").append(x).append("\" y=\"36\">").append(Html.escape(column.detail())).append("</text>");
            svg.append("<line class=\"lifeline\" x1=\"").append(x).append("\" y1=\"").append(HEADER - 12).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(height - 4).append("\"/>\n");
        }

        List<Ladder.Row> rows = ladder.rows();
        for (int r = 0; r < rows.size(); r++) {
            int top = HEADER + r * ROW;
            if (rows.get(r) instanceof Ladder.Arrow arrow) {
                arrow(svg, arrow, top, width, ladder.columns().size());
            } else if (rows.get(r) instanceof Ladder.Fold fold) {
                fold(svg, fold, top, width);
            }
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static int columnX(int column) {
        return GUTTER + column * COLUMN + COLUMN / 2;
    }

    private static void arrow(StringBuilder svg, Ladder.Arrow arrow, int top, int width, int columns) {
        int y = top + ROW - 9;
        int x0 = columnX(arrow.from());
        String classes = "frame " + arrow.delivery().name().toLowerCase(java.util.Locale.ROOT) + (arrow.lost() ? " lost" : "")
                + (arrow.marked() ? " marked" : "");
        svg.append("<g class=\"").append(classes).append("\" data-frame=\"").append(arrow.number()).append("\">");
        svg.append("<title>").append(Html.escape(title(arrow))).append("</title>");
        if (arrow.marked()) {
            svg.append("<rect class=\"mark\" x=\"0\" y=\"").append(top).append("\" width=\"").append(width).append("\" height=\"").append(ROW)
                    .append("\"/>");
        }
        svg.append("<text class=\"when\" x=\"8\" y=\"").append(y + 4).append("\">#").append(arrow.number()).append("  ")
                .append(SimTime.format(arrow.timeNanos())).append("</text>");

        // The nearest receiver sets where the label goes and, for a lost frame, where the cross is.
        // A frame with no receiver gets a short stub toward the inside of the diagram, which is to
        // the right unless the sender is the last of several columns.
        boolean stubToRight = arrow.from() + 1 < columns || columns == 1;
        int nearest = stubToRight ? x0 + STUB : x0 - STUB;
        int left = x0;
        int right = x0;
        for (int i = 0; i < arrow.to().size(); i++) {
            int x = columnX(arrow.to().get(i));
            if (i == 0 || Math.abs(x - x0) < Math.abs(nearest - x0)) {
                nearest = x;
            }
            left = Math.min(left, x);
            right = Math.max(right, x);
        }

        if (arrow.lost() || arrow.to().isEmpty()) {
            int end = arrow.lost() ? x0 + (nearest - x0) * 3 / 5 : nearest;
            line(svg, x0, end, y);
            if (arrow.lost()) {
                cross(svg, end, y);
            } else {
                head(svg, end, y, end > x0);
            }
        } else {
            if (right > x0) {
                line(svg, x0, right, y);
            }
            if (left < x0) {
                line(svg, x0, left, y);
            }
            for (int column : arrow.to()) {
                int x = columnX(column);
                head(svg, x, y, x > x0);
            }
        }

        String text = arrow.label().text() + suffix(arrow);
        svg.append("<text class=\"label\" x=\"").append((x0 + nearest) / 2).append("\" y=\"").append(y - 6).append("\">").append(Html.escape(text))
                .append("</text></g>\n");
    }

    private static String suffix(Ladder.Arrow arrow) {
        if (arrow.lost()) {
            return " (lost)";
        }
        if (arrow.to().isEmpty()) {
            return " (no receiver)";
        }
        return arrow.delivery() == Ladder.Delivery.FLOODED ? " (flooded)" : "";
    }

    private static String title(Ladder.Arrow arrow) {
        StringBuilder title = new StringBuilder();
        title.append('#').append(arrow.number()).append(" at ").append(SimTime.format(arrow.timeNanos())).append(" on ").append(arrow.segment())
                .append(", ").append(arrow.source()).append(" → ").append(arrow.destination()).append('\n').append(arrow.label().text());
        switch (arrow.delivery()) {
            case BROADCAST -> title.append("\nbroadcast to every other node of the segment");
            case MULTICAST -> title.append("\nmulticast, drawn to every other node of the segment");
            case FLOODED -> title.append("\nno node owns the destination MAC, so the segment floods the frame");
            case UNICAST -> {
            }
        }
        if (arrow.comment() != null) {
            title.append("\ncomment: ").append(arrow.comment());
        }
        return title.toString();
    }

    private static void line(StringBuilder svg, int x1, int x2, int y) {
        svg.append("<line x1=\"").append(x1).append("\" y1=\"").append(y).append("\" x2=\"").append(x2).append("\" y2=\"").append(y).append("\"/>");
    }

    private static void head(StringBuilder svg, int x, int y, boolean pointsRight) {
        int back = pointsRight ? x - HEAD_LENGTH : x + HEAD_LENGTH;
        svg.append("<polygon class=\"head\" points=\"").append(x).append(',').append(y).append(' ').append(back).append(',')
                .append(y - HEAD_HALF_WIDTH).append(' ').append(back).append(',').append(y + HEAD_HALF_WIDTH).append("\"/>");
    }

    private static void cross(StringBuilder svg, int x, int y) {
        svg.append("<path class=\"cross\" d=\"M").append(x - CROSS).append(' ').append(y - CROSS).append(" L").append(x + CROSS).append(' ')
                .append(y + CROSS).append(" M").append(x - CROSS).append(' ').append(y + CROSS).append(" L").append(x + CROSS).append(' ')
                .append(y - CROSS).append("\"/>");
    }

    private static void fold(StringBuilder svg, Ladder.Fold fold, int top, int width) {
        svg.append("<g class=\"folded\" data-frames=\"").append(fold.frames()).append("\">");
        svg.append("<title>").append(Html.escape("frames #" + fold.firstNumber() + " to #" + fold.lastNumber() + " (" + fold.frames()
                + " frames) from " + SimTime.format(fold.fromNanos()) + " to " + SimTime.format(fold.toNanos())
                + " are folded; the capture file has every frame")).append("</title>");
        svg.append("<rect class=\"fold-band\" x=\"").append(GUTTER).append("\" y=\"").append(top + 4).append("\" width=\"").append(width - GUTTER)
                .append("\" height=\"").append(ROW - 8).append("\"/>");
        svg.append("<text class=\"fold-text\" x=\"").append((GUTTER + width) / 2).append("\" y=\"").append(top + ROW / 2 + 4).append("\">")
                .append(Html.escape(fold.text())).append("</text></g>\n");
    }
}
