package io.stackbench.sim.capture;

import java.util.List;

/**
 * A whole capture: what one pcapng section holds.
 *
 * <p>The lists are immutable. Interfaces, frames and statistics keep the caller's order, which is
 * the file order. Names are kept in {@link NameRecord#canonical canonical order}, so two captures
 * with the same names are equal and write the same bytes whatever order the names were given in.
 *
 * @param sectionComment the {@code shb_comment} option, or null; an empty comment is stored as null
 * @param interfaces     the capture points; a frame's interface id indexes this list
 * @param frames         the frames in file order
 * @param names          address-to-name records for the Name Resolution Block
 * @param statistics     interface counters for Interface Statistics Blocks
 */
public record Capture(String sectionComment, List<CaptureInterface> interfaces, List<CapturedFrame> frames,
        List<NameRecord> names, List<InterfaceStatistics> statistics) {

    public Capture {
        if (sectionComment != null && sectionComment.isEmpty()) {
            sectionComment = null;
        }
        interfaces = List.copyOf(interfaces);
        frames = List.copyOf(frames);
        names = NameRecord.canonical(names);
        statistics = List.copyOf(statistics);

        for (CapturedFrame frame : frames) {
            requireInterface(frame.interfaceId(), interfaces.size(), "frame");
        }
        for (InterfaceStatistics counters : statistics) {
            requireInterface(counters.interfaceId(), interfaces.size(), "statistics");
        }
    }

    /** Returns a capture with no section comment, names or statistics. */
    public static Capture of(List<CaptureInterface> interfaces, List<CapturedFrame> frames) {
        return new Capture(null, interfaces, frames, List.of(), List.of());
    }

    private static void requireInterface(int interfaceId, int interfaceCount, String referrer) {
        if (interfaceId >= interfaceCount) {
            throw new IllegalArgumentException(referrer + " refers to interface " + interfaceId
                    + ", but the capture has " + interfaceCount + " interfaces");
        }
    }
}
