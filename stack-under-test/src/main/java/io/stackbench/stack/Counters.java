package io.stackbench.stack;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stack's counters by name, such as {@code drop.ipv4.bad-checksum}. Names are sorted, so a
 * report that lists them is stable.
 */
public final class Counters {

    private final TreeMap<String, Long> values = new TreeMap<>();

    public void increment(String name) {
        values.merge(name, 1L, Long::sum);
    }

    /** Counts a dropped frame or packet under {@code drop.<reason>}. */
    public void drop(String reason) {
        increment("drop." + reason);
    }

    public long get(String name) {
        return values.getOrDefault(name, 0L);
    }

    public SortedMap<String, Long> snapshot() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public void clear() {
        values.clear();
    }
}
