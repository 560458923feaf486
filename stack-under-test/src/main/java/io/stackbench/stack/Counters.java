package io.stackbench.stack;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stack's counters by name, such as {@code drop.ipv4.bad-checksum}. {@link #snapshot()} sorts
 * the names, so a report that lists them is stable, and lists only counters above zero.
 */
public final class Counters {

    /** One named count. A layer that counts every frame keeps its {@code Counter} and skips the name lookup. */
    public static final class Counter {
        private long value;

        public void increment() {
            value++;
        }
    }

    /** Hash order never leaves this class: {@link #snapshot()} copies into a sorted map. */
    private final Map<String, Counter> values = new HashMap<>();

    /** Returns the counter named {@code name}, which stays valid across {@link #clear()}. */
    public Counter counter(String name) {
        Counter counter = values.get(name);
        if (counter == null) {
            counter = new Counter();
            values.put(name, counter);
        }
        return counter;
    }

    public void increment(String name) {
        counter(name).value++;
    }

    /** Counts a dropped frame or packet under {@code drop.<reason>}. */
    public void drop(String reason) {
        increment("drop." + reason);
    }

    public long get(String name) {
        Counter counter = values.get(name);
        return counter == null ? 0 : counter.value;
    }

    public SortedMap<String, Long> snapshot() {
        TreeMap<String, Long> sorted = new TreeMap<>();
        for (Map.Entry<String, Counter> entry : values.entrySet()) {
            if (entry.getValue().value > 0) {
                sorted.put(entry.getKey(), entry.getValue().value);
            }
        }
        return Collections.unmodifiableSortedMap(sorted);
    }

    /** Sets every counter to zero; counters handed out by {@link #counter} stay in use. */
    public void clear() {
        for (Counter counter : values.values()) {
            counter.value = 0;
        }
    }
}
