package io.stackbench.scenario.model;

import io.stackbench.sim.net.LinkProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The link-profile fields a scenario gives for a segment or a link-profile step. A null field was
 * not given and keeps the value of the profile the change applies to.
 */
public record LinkProfileChange(Long latencyNanos, Long bandwidthBitsPerSecond, Integer mtu, Integer queueLimitBytes, Double loss,
        Double duplication, Double reordering, Long reorderDelayNanos, Double corruption, Long jitterNanos) {

    /** Returns {@code base} with every given field replaced. */
    public LinkProfile applyTo(LinkProfile base) {
        return new LinkProfile(
                latencyNanos != null ? latencyNanos : base.latencyNanos(),
                bandwidthBitsPerSecond != null ? bandwidthBitsPerSecond : base.bandwidthBitsPerSecond(),
                mtu != null ? mtu : base.mtu(),
                queueLimitBytes != null ? queueLimitBytes : base.queueLimitBytes(),
                loss != null ? loss : base.loss(),
                duplication != null ? duplication : base.duplication(),
                reordering != null ? reordering : base.reordering(),
                reorderDelayNanos != null ? reorderDelayNanos : base.reorderDelayNanos(),
                corruption != null ? corruption : base.corruption(),
                jitterNanos != null ? jitterNanos : base.jitterNanos());
    }

    /** Returns true when no field is given. */
    public boolean isEmpty() {
        return describe().isEmpty();
    }

    /** Describes the given fields in scenario spelling, such as {@code loss 0.1, jitter 20000 ns}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, "latency", latencyNanos, " ns");
        add(parts, "bandwidth", bandwidthBitsPerSecond, " bit/s");
        add(parts, "mtu", mtu, "");
        add(parts, "queue", queueLimitBytes, " bytes");
        add(parts, "loss", loss, "");
        add(parts, "duplication", duplication, "");
        add(parts, "reordering", reordering, "");
        add(parts, "reorderDelay", reorderDelayNanos, " ns");
        add(parts, "corruption", corruption, "");
        add(parts, "jitter", jitterNanos, " ns");
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, String field, Object value, String unit) {
        if (value != null) {
            parts.add(field + " " + value + unit);
        }
    }
}
