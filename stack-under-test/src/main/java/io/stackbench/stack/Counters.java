package io.stackbench.stack;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stack's counters by name, such as {@code drop.ipv4.bad-checksum}. {@link #snapshot()} sorts
 * the names, so a report that lists them is stable.
 */
public final class Counters {

    /**
     * One mutable cell per name, so counting a frame is one hash lookup with no boxing. Hash order
     * never leaves this class: {@link #snapshot()} copies into a sorted map.
     */
    private final Map<String, long[]> values = new HashMap<>();

    public void increment(String name) {
        long[] cell = values.get(name);
        if (cell == null) {
            cell = new long[1];
            values.put(name, cell);
        }
        cell[0]++;
    }

    /** Counts a dropped frame or packet under {@code drop.<reason>}. */
    public void drop(String reason) {
        increment("drop." + reason);
    }

    public long get(String name) {
        long[] cell = values.get(name);
        return cell == null ? 0 : cell[0];
    }

    public SortedMap<String, Long> snapshot() {
        TreeMap<String, Long> sorted = new TreeMap<>();
        for (Map.Entry<String, long[]> entry : values.entrySet()) {
            sorted.put(entry.getKey(), entry.getValue()[0]);
        }
        return Collections.unmodifiableSortedMap(sorted);
    }

    public void clear() {
        values.clear();
    }
}
