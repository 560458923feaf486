package io.stackbench.scenario.model;

import java.net.InetAddress;
import java.util.List;

/** Something that must be true of a run. Each keeps its JSON path so a failure can point at it. */
public sealed interface ExpectationSpec {

    /** Returns the JSON path of the expectation in its file, such as {@code /expect/2}. */
    String path();

    /** Returns a short description used as the expectation's title in reports. */
    String describe();

    /**
     * The outcome of a ping step.
     *
     * @param replies expected number of replies, or -1 when not checked
     * @param error text every failed request's error must contain, or null
     */
    record Ping(String path, String step, int replies, String error) implements ExpectationSpec {
        @Override
        public String describe() {
            return "ping " + step + (replies >= 0 ? " gets " + replies + " replies" : "") + (error != null ? " fails with \"" + error + "\"" : "");
        }
    }

    /**
     * ARP cache content of a node at a time.
     *
     * @param present entries that must be there, with the MAC when given
     * @param absent addresses that must not be there
     */
    record ArpCache(String path, String node, long atNanos, List<CacheEntry> present, List<InetAddress> absent) implements ExpectationSpec {
        @Override
        public String describe() {
            return "ARP cache of " + node;
        }
    }

    /** One expected cache entry; a null MAC or state is not checked. */
    record CacheEntry(InetAddress address, io.stackbench.sim.net.MacAddress mac, String state) {
    }

    /** A stack counter at a time, compared with {@code min} and {@code max} (inclusive). */
    record Counter(String path, String node, String name, long atNanos, long min, long max) implements ExpectationSpec {
        @Override
        public String describe() {
            return "counter " + name + " of " + node + (min == max ? " == " + min : " in [" + min + ", " + max + "]");
        }
    }

    /**
     * Frames matching a display filter within a time window of the trace.
     *
     * @param segment segment to look at, or null for all
     */
    record Trace(String path, String filter, String segment, long fromNanos, long toNanos, long min, long max) implements ExpectationSpec {
        @Override
        public String describe() {
            String count = max == 0 ? "no frame" : min == max ? min + " frame(s)" : "[" + min + ", " + (max == Long.MAX_VALUE ? "∞" : max) + "] frames";
            return count + " matching \"" + filter + "\"";
        }
    }

    /** Events of a node's log of a kind, optionally containing a text, counted. */
    record Event(String path, String node, String kind, String contains, long min, long max) implements ExpectationSpec {
        @Override
        public String describe() {
            return "event " + (kind == null ? "" : kind + " ") + (contains == null ? "" : "containing \"" + contains + "\" ") + "on " + node;
        }
    }

    /** The node fails to boot with an error containing {@code contains}. */
    record BootError(String path, String node, String contains) implements ExpectationSpec {
        @Override
        public String describe() {
            return node + " fails to boot with \"" + contains + "\"";
        }
    }
}
