package io.stackbench.scenario.run;

import io.stackbench.scenario.load.Addresses;
import io.stackbench.scenario.model.ExpectationSpec;
import io.stackbench.scenario.model.NodeSpec;
import io.stackbench.scenario.model.Scenario;
import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.CapturedFrame;
import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.spi.StackEvent;
import io.stackbench.sim.spi.StackSnapshot;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Judges a finished run's expectations, each with the actual value in words. */
final class ExpectationJudge {

    private final Scenario scenario;
    private final Capture capture;
    private final List<StackEvent> events;
    private final Map<String, String> bootErrors;
    private final Map<String, List<PingAttempt>> pings;
    private final Map<String, StackSnapshot> snapshots;
    private final Map<String, List<UdpDelivery>> udpDeliveries;
    private final Map<String, TcpRecord> tcpRecords;
    private final Function<String, Predicate<byte[]>> filterCompiler;

    ExpectationJudge(Scenario scenario, Capture capture, List<StackEvent> events, Map<String, String> bootErrors,
            Map<String, List<PingAttempt>> pings, Map<String, StackSnapshot> snapshots, Map<String, List<UdpDelivery>> udpDeliveries,
            Map<String, TcpRecord> tcpRecords,
            Function<String, Predicate<byte[]>> filterCompiler) {
        this.scenario = scenario;
        this.capture = capture;
        this.events = events;
        this.bootErrors = bootErrors;
        this.pings = pings;
        this.snapshots = snapshots;
        this.udpDeliveries = udpDeliveries;
        this.tcpRecords = tcpRecords;
        this.filterCompiler = filterCompiler;
    }

    /**
     * Judges every expectation. {@code scriptResults}, the verdicts of tcp-peer scripts, follow the
     * boot checks, because nodes come before expectations in a scenario file.
     */
    List<ExpectationResult> judge(List<ExpectationResult> scriptResults) {
        List<ExpectationResult> results = new ArrayList<>();
        for (NodeSpec node : scenario.nodes()) {
            String error = bootErrors.get(node.name());
            boolean expected = scenario.expectations().stream()
                    .anyMatch(e -> e instanceof ExpectationSpec.BootError b && b.node().equals(node.name()));
            if (error != null && !expected) {
                results.add(new ExpectationResult("/nodes", node.name() + " boots", false, "boot failed: " + error));
            }
        }
        results.addAll(scriptResults);
        for (ExpectationSpec expectation : scenario.expectations()) {
            results.add(judge(expectation));
        }
        return results;
    }

    private ExpectationResult judge(ExpectationSpec expectation) {
        if (expectation instanceof ExpectationSpec.Ping ping) {
            return judgePing(ping);
        } else if (expectation instanceof ExpectationSpec.ArpCache cache) {
            return judgeArpCache(cache);
        } else if (expectation instanceof ExpectationSpec.Counter counter) {
            return judgeCounter(counter);
        } else if (expectation instanceof ExpectationSpec.Trace trace) {
            return judgeTrace(trace);
        } else if (expectation instanceof ExpectationSpec.Event event) {
            return judgeEvent(event);
        } else if (expectation instanceof ExpectationSpec.Addresses
                || expectation instanceof ExpectationSpec.Neighbors
                || expectation instanceof ExpectationSpec.Routers
                || expectation instanceof ExpectationSpec.Prefixes
                || expectation instanceof ExpectationSpec.StackState) {
            StackSnapshot snapshot = snapshot(snapshotNode(expectation), snapshotTime(expectation));
            if (snapshot == null) {
                return result(expectation, false, snapshotNode(expectation) + " was not running at " + SimTime.format(snapshotTime(expectation)));
            }
            StateJudge.Verdict verdict = StateJudge.judge(expectation, snapshot, snapshotTime(expectation));
            return result(expectation, verdict.passed(), verdict.actual());
        } else if (expectation instanceof ExpectationSpec.Udp udp) {
            return UdpJudge.judge(udp, udpDeliveries.getOrDefault(udpKey(udp.node(), udp.port()), List.of()));
        } else if (expectation instanceof ExpectationSpec.Tcp tcp) {
            StackSnapshot snapshot = tcp.state() == null ? null : snapshot(tcp.node(), tcp.atNanos());
            if (tcp.state() != null && snapshot == null) {
                return result(expectation, false, tcp.node() + " was not running at " + SimTime.format(tcp.atNanos()));
            }
            return TcpJudge.judge(tcp, tcpRecords.get(tcpKey(tcp.node(), tcp.port(), tcp.connection())), snapshot);
        } else if (expectation instanceof ExpectationSpec.BootError bootError) {
            String error = bootErrors.get(bootError.node());
            boolean passed = error != null && error.contains(bootError.contains());
            return result(expectation, passed, error == null ? "it booted" : "boot error \"" + error + "\"");
        }
        throw new IllegalStateException("unhandled expectation " + expectation);
    }

    private ExpectationResult judgePing(ExpectationSpec.Ping ping) {
        List<PingAttempt> attempts = pings.getOrDefault(ping.step(), List.of());
        long replies = attempts.stream().filter(a -> a.outcome().equals("REPLY")).count();
        List<PingAttempt> failed = attempts.stream().filter(a -> !a.outcome().equals("REPLY")).collect(Collectors.toList());
        boolean passed = ping.replies() < 0 || replies == ping.replies();
        if (ping.error() != null) {
            passed &= !failed.isEmpty() && failed.stream().allMatch(a -> a.error() != null && a.error().contains(ping.error()));
        }
        return result(ping, passed, describe(attempts));
    }

    static String describe(List<PingAttempt> attempts) {
        if (attempts.isEmpty()) {
            return "no request sent";
        }
        return attempts.stream().map(a -> "seq " + a.sequence() + " " + switch (a.outcome()) {
            case "REPLY" -> "reply after " + SimTime.format(a.roundTripNanos());
            case "ERROR" -> "error \"" + a.error() + "\"";
            default -> a.outcome().toLowerCase(java.util.Locale.ROOT);
        }).collect(Collectors.joining(", "));
    }

    private ExpectationResult judgeArpCache(ExpectationSpec.ArpCache cache) {
        StackSnapshot snapshot = snapshot(cache.node(), cache.atNanos());
        if (snapshot == null) {
            return result(cache, false, cache.node() + " was not running at " + SimTime.format(cache.atNanos()));
        }
        List<StackSnapshot.Neighbor> arp = snapshot.neighbors().stream().filter(n -> n.protocol().equals("arp")).collect(Collectors.toList());
        boolean passed = true;
        for (ExpectationSpec.CacheEntry wanted : cache.present()) {
            StackSnapshot.Neighbor found = arp.stream().filter(n -> n.address().equals(wanted.address())).findFirst().orElse(null);
            if (found == null || (wanted.mac() != null && !wanted.mac().equals(found.mac()))
                    || (wanted.state() != null && !wanted.state().equals(found.state()))) {
                passed = false;
            }
        }
        for (InetAddress absent : cache.absent()) {
            if (arp.stream().anyMatch(n -> n.address().equals(absent))) {
                passed = false;
            }
        }
        String actual = arp.isEmpty() ? "empty cache" : arp.stream()
                .map(n -> Addresses.format(n.address()) + " " + (n.mac() == null ? "(none)" : n.mac()) + " " + n.state())
                .collect(Collectors.joining(", "));
        return result(cache, passed, "cache at " + SimTime.format(cache.atNanos()) + ": " + actual);
    }

    private ExpectationResult judgeCounter(ExpectationSpec.Counter counter) {
        StackSnapshot snapshot = snapshot(counter.node(), counter.atNanos());
        if (snapshot == null) {
            return result(counter, false, counter.node() + " was not running at " + SimTime.format(counter.atNanos()));
        }
        long value = snapshot.counter(counter.name());
        String others = snapshot.counters().entrySet().stream()
                .filter(e -> e.getKey().startsWith("drop."))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return result(counter, value >= counter.min() && value <= counter.max(),
                counter.name() + " = " + value + (others.isEmpty() ? "" : " (drop counters: " + others + ")"));
    }

    private ExpectationResult judgeTrace(ExpectationSpec.Trace trace) {
        Predicate<byte[]> filter = filterCompiler.apply(trace.filter());
        int segmentId = -1;
        for (int i = 0; i < capture.interfaces().size(); i++) {
            if (capture.interfaces().get(i).name().equals(trace.segment())) {
                segmentId = i;
            }
        }
        List<Integer> matching = new ArrayList<>();
        List<CapturedFrame> frames = capture.frames();
        for (int i = 0; i < frames.size(); i++) {
            CapturedFrame frame = frames.get(i);
            if (trace.segment() != null && frame.interfaceId() != segmentId) {
                continue;
            }
            if (frame.timestampNanos() < trace.fromNanos() || frame.timestampNanos() > trace.toNanos()) {
                continue;
            }
            if (filter.test(frame.data())) {
                matching.add(i + 1);
            }
        }
        String window = " in [" + SimTime.format(trace.fromNanos()) + ", " + SimTime.format(trace.toNanos()) + "]";
        String actual = matching.size() + " frame(s)" + window + (matching.isEmpty() ? "" : ": frame number(s) "
                + matching.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", ")) + (matching.size() > 20 ? ", ..." : ""));
        return result(trace, matching.size() >= trace.min() && matching.size() <= trace.max(), actual);
    }

    private ExpectationResult judgeEvent(ExpectationSpec.Event event) {
        List<StackEvent> matching = events.stream()
                .filter(e -> e.node().equals(event.node()))
                .filter(e -> event.kind() == null || e.kind().equals(event.kind()))
                .filter(e -> event.contains() == null || e.message().contains(event.contains()))
                .collect(Collectors.toList());
        String actual = matching.size() + " matching event(s)" + (matching.isEmpty() ? "" : ", first: " + matching.get(0));
        return result(event, matching.size() >= event.min() && matching.size() <= event.max(), actual);
    }

    /** Returns the key of a bound port's deliveries, such as {@code alice 5000}. */
    /** Returns the key of a tcp-connect step's connection, or of a listening port when {@code connection} is null. */
    static String tcpKey(String node, int port, String connection) {
        return connection != null ? "connection " + connection : node + " port " + port;
    }

    static String udpKey(String node, int port) {
        return node + " " + port;
    }

    /** Returns the node whose state {@code expectation} checks, or null when it checks no state. */
    static String snapshotNode(ExpectationSpec expectation) {
        if (expectation instanceof ExpectationSpec.ArpCache e) {
            return e.node();
        } else if (expectation instanceof ExpectationSpec.Counter e) {
            return e.node();
        } else if (expectation instanceof ExpectationSpec.Addresses e) {
            return e.node();
        } else if (expectation instanceof ExpectationSpec.Neighbors e) {
            return e.node();
        } else if (expectation instanceof ExpectationSpec.Routers e) {
            return e.node();
        } else if (expectation instanceof ExpectationSpec.Prefixes e) {
            return e.node();
        } else if (expectation instanceof ExpectationSpec.StackState e) {
            return e.node();
        } else if (expectation instanceof ExpectationSpec.Tcp e && e.state() != null) {
            return e.node();
        }
        return null;
    }

    /** Returns when the state checked by {@code expectation} is sampled. */
    static long snapshotTime(ExpectationSpec expectation) {
        if (expectation instanceof ExpectationSpec.ArpCache e) {
            return e.atNanos();
        } else if (expectation instanceof ExpectationSpec.Counter e) {
            return e.atNanos();
        } else if (expectation instanceof ExpectationSpec.Addresses e) {
            return e.atNanos();
        } else if (expectation instanceof ExpectationSpec.Neighbors e) {
            return e.atNanos();
        } else if (expectation instanceof ExpectationSpec.Routers e) {
            return e.atNanos();
        } else if (expectation instanceof ExpectationSpec.Prefixes e) {
            return e.atNanos();
        } else if (expectation instanceof ExpectationSpec.StackState e) {
            return e.atNanos();
        } else if (expectation instanceof ExpectationSpec.Tcp e) {
            return e.atNanos();
        }
        return -1;
    }

    private StackSnapshot snapshot(String node, long at) {
        if (at >= scenario.durationNanos()) {
            return snapshots.get(node + "@end");
        }
        return snapshots.get(node + "@" + at);
    }

    private static ExpectationResult result(ExpectationSpec expectation, boolean passed, String actual) {
        return new ExpectationResult(expectation.path(), expectation.describe(), passed, actual);
    }
}
