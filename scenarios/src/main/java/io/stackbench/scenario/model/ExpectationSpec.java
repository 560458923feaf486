package io.stackbench.scenario.model;

import io.stackbench.sim.engine.SimTime;
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

    /** One expected cache entry; a null MAC, state or router flag is not checked. */
    record CacheEntry(InetAddress address, io.stackbench.sim.net.MacAddress mac, String state, Boolean router) {

        public CacheEntry(InetAddress address, io.stackbench.sim.net.MacAddress mac, String state) {
            this(address, mac, state, null);
        }
    }

    /** A stack counter at a time, compared with {@code min} and {@code max} (inclusive). */
    record Counter(String path, String node, String name, long atNanos, long min, long max) implements ExpectationSpec {
        @Override
        public String describe() {
            return "counter " + name + " of " + node + (min == max ? " == " + min : " in [" + min + ", " + (max == Long.MAX_VALUE ? "∞" : max) + "]");
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

    /**
     * Addresses a node has, with state, origin and remaining lifetimes checked when given, and
     * addresses it must not have.
     */
    record Addresses(String path, String node, long atNanos, List<AddressEntry> present, List<InetAddress> absent) implements ExpectationSpec {
        @Override
        public String describe() {
            return "addresses of " + node;
        }
    }

    /**
     * One expected address; null fields and -1 are not checked.
     *
     * @param validNanos remaining valid lifetime at the time of the check, {@code Long.MAX_VALUE} for infinite
     */
    record AddressEntry(InetAddress address, int prefixLength, String state, String origin, long preferredNanos, long validNanos) {
    }

    /** The neighbour cache of one protocol ({@code arp} or {@code ndp}) at a time. */
    record Neighbors(String path, String node, String protocol, long atNanos, List<CacheEntry> present, List<InetAddress> absent)
            implements ExpectationSpec {
        @Override
        public String describe() {
            return protocol.toUpperCase(java.util.Locale.ROOT) + " cache of " + node;
        }
    }

    /** The default router list: routers present (with remaining lifetime when not -1), routers absent, and the count. */
    record Routers(String path, String node, long atNanos, List<InetAddress> present, List<Long> lifetimes, List<InetAddress> absent,
            int count) implements ExpectationSpec {
        @Override
        public String describe() {
            return "default routers of " + node;
        }
    }

    /** The on-link prefix list: prefixes present (written prefix/length) and absent. */
    record Prefixes(String path, String node, long atNanos, List<String> present, List<String> absent) implements ExpectationSpec {
        @Override
        public String describe() {
            return "on-link prefixes of " + node;
        }
    }

    /** Scalar state of a stack: hop limit, link MTU and whether each family runs; -1 or null is not checked. */
    record StackState(String path, String node, long atNanos, int hopLimit, int mtu, Boolean ipv4Enabled, Boolean ipv6Enabled)
            implements ExpectationSpec {
        @Override
        public String describe() {
            StringBuilder text = new StringBuilder("state of " + node + ":");
            if (hopLimit >= 0) {
                text.append(" hop limit ").append(hopLimit);
            }
            if (mtu >= 0) {
                text.append(" MTU ").append(mtu);
            }
            if (ipv4Enabled != null) {
                text.append(" IPv4 ").append(ipv4Enabled ? "on" : "off");
            }
            if (ipv6Enabled != null) {
                text.append(" IPv6 ").append(ipv6Enabled ? "on" : "off");
            }
            return text.toString();
        }
    }

    /**
     * The datagrams that one bound UDP port of a stack received over the whole run. A value of -1 or
     * null is not checked.
     *
     * @param sha256 lower-case hex SHA-256 of all payloads concatenated in arrival order
     * @param from the distinct senders as "address port", in any order, or null
     */
    record Udp(String path, String node, int port, long datagrams, long bytes, String sha256, List<String> from) implements ExpectationSpec {
        @Override
        public String describe() {
            StringBuilder text = new StringBuilder("UDP port " + port + " of " + node + " receives");
            if (datagrams >= 0) {
                text.append(" ").append(datagrams).append(" datagram(s)");
            }
            if (bytes >= 0) {
                text.append(" ").append(bytes).append(" byte(s)");
            }
            if (sha256 != null) {
                text.append(" with SHA-256 ").append(sha256);
            }
            if (from != null) {
                text.append(" from ").append(String.join(", ", from));
            }
            return text.toString();
        }
    }

    /**
     * TCP on a stack: the connections a listening port accepted ({@code port} set) or the one
     * connection of a tcp-connect step ({@code connection} set). A value of -1 or null is not checked.
     *
     * @param state the RFC 9293 state at {@code atNanos}, CLOSED when no such connection exists then
     * @param bytes data bytes delivered in order over the whole run
     * @param sha256 lower-case hex SHA-256 of the bytes delivered, in order
     * @param remote the distinct remote addresses, in any order
     */
    record Tcp(String path, String node, int port, String connection, String state, long atNanos, long bytes, String sha256,
            List<String> remote) implements ExpectationSpec {
        @Override
        public String describe() {
            StringBuilder text = new StringBuilder(connection != null ? "TCP connection " + connection + " of " + node
                    : "TCP port " + port + " of " + node);
            if (state != null) {
                text.append(" is ").append(state).append(" at ").append(SimTime.format(atNanos));
            }
            if (bytes >= 0) {
                text.append(", receives ").append(bytes).append(" byte(s)");
            }
            if (sha256 != null) {
                text.append(" with SHA-256 ").append(sha256);
            }
            if (remote != null) {
                text.append(", from ").append(String.join(", ", remote));
            }
            return text.toString();
        }
    }
}
