package io.stackbench.scenario.run;

import io.stackbench.scenario.load.Addresses;
import io.stackbench.scenario.model.ExpectationSpec;
import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.spi.StackSnapshot;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;

/** Judges expectations on a stack snapshot: addresses, neighbours, routers, prefixes and scalar state. */
final class StateJudge {

    /** A verdict with the actual state in words. */
    record Verdict(boolean passed, String actual) {
    }

    private StateJudge() {
    }

    static Verdict judge(ExpectationSpec expectation, StackSnapshot snapshot, long at) {
        if (expectation instanceof ExpectationSpec.Addresses e) {
            return addresses(e, snapshot, at);
        } else if (expectation instanceof ExpectationSpec.Neighbors e) {
            return neighbors(e, snapshot);
        } else if (expectation instanceof ExpectationSpec.Routers e) {
            return routers(e, snapshot, at);
        } else if (expectation instanceof ExpectationSpec.Prefixes e) {
            return prefixes(e, snapshot);
        }
        return stackState((ExpectationSpec.StackState) expectation, snapshot);
    }

    private static Verdict addresses(ExpectationSpec.Addresses e, StackSnapshot snapshot, long at) {
        boolean passed = true;
        for (ExpectationSpec.AddressEntry wanted : e.present()) {
            StackSnapshot.Address found = snapshot.addresses().stream().filter(a -> a.address().equals(wanted.address())).findFirst().orElse(null);
            if (found == null
                    || (wanted.prefixLength() >= 0 && wanted.prefixLength() != found.prefixLength())
                    || (wanted.state() != null && !wanted.state().equals(found.state()))
                    || (wanted.origin() != null && !wanted.origin().equals(found.origin()))
                    || (wanted.preferredNanos() >= 0 && wanted.preferredNanos() != remaining(found.preferredUntil(), at))
                    || (wanted.validNanos() >= 0 && wanted.validNanos() != remaining(found.validUntil(), at))) {
                passed = false;
            }
        }
        for (InetAddress absent : e.absent()) {
            if (snapshot.addresses().stream().anyMatch(a -> a.address().equals(absent))) {
                passed = false;
            }
        }
        String actual = snapshot.addresses().isEmpty() ? "no address" : snapshot.addresses().stream()
                .map(a -> Addresses.format(a.address()) + "/" + a.prefixLength() + " " + a.state() + " " + a.origin()
                        + lifetimes(a, at))
                .collect(Collectors.joining(", "));
        return new Verdict(passed, "at " + SimTime.format(at) + ": " + actual);
    }

    private static String lifetimes(StackSnapshot.Address a, long at) {
        if (a.preferredUntil() == StackSnapshot.INFINITE && a.validUntil() == StackSnapshot.INFINITE) {
            return "";
        }
        return " (preferred " + formatRemaining(remaining(a.preferredUntil(), at)) + ", valid " + formatRemaining(remaining(a.validUntil(), at)) + ")";
    }

    private static Verdict neighbors(ExpectationSpec.Neighbors e, StackSnapshot snapshot) {
        List<StackSnapshot.Neighbor> entries = snapshot.neighbors().stream().filter(n -> n.protocol().equals(e.protocol())).collect(Collectors.toList());
        boolean passed = true;
        for (ExpectationSpec.CacheEntry wanted : e.present()) {
            StackSnapshot.Neighbor found = entries.stream().filter(n -> n.address().equals(wanted.address())).findFirst().orElse(null);
            if (found == null || (wanted.mac() != null && !wanted.mac().equals(found.mac()))
                    || (wanted.state() != null && !wanted.state().equals(found.state()))
                    || (wanted.router() != null && wanted.router() != found.router())) {
                passed = false;
            }
        }
        for (InetAddress absent : e.absent()) {
            if (entries.stream().anyMatch(n -> n.address().equals(absent))) {
                passed = false;
            }
        }
        String actual = entries.isEmpty() ? "empty cache" : entries.stream()
                .map(n -> Addresses.format(n.address()) + " " + (n.mac() == null ? "(none)" : n.mac()) + " " + n.state() + (n.router() ? " router" : ""))
                .collect(Collectors.joining(", "));
        return new Verdict(passed, actual);
    }

    private static Verdict routers(ExpectationSpec.Routers e, StackSnapshot snapshot, long at) {
        boolean passed = e.count() < 0 || snapshot.defaultRouters().size() == e.count();
        for (int i = 0; i < e.present().size(); i++) {
            InetAddress wanted = e.present().get(i);
            long lifetime = e.lifetimes().get(i);
            StackSnapshot.Router found = snapshot.defaultRouters().stream().filter(r -> r.address().equals(wanted)).findFirst().orElse(null);
            if (found == null || (lifetime >= 0 && lifetime != remaining(found.expiresAt(), at))) {
                passed = false;
            }
        }
        for (InetAddress absent : e.absent()) {
            if (snapshot.defaultRouters().stream().anyMatch(r -> r.address().equals(absent))) {
                passed = false;
            }
        }
        String actual = snapshot.defaultRouters().isEmpty() ? "no default router" : snapshot.defaultRouters().stream()
                .map(r -> Addresses.format(r.address()) + " (lifetime " + formatRemaining(remaining(r.expiresAt(), at)) + ")")
                .collect(Collectors.joining(", "));
        return new Verdict(passed, actual);
    }

    private static Verdict prefixes(ExpectationSpec.Prefixes e, StackSnapshot snapshot) {
        List<String> actual = snapshot.prefixes().stream()
                .map(x -> Addresses.format(x.prefix()) + "/" + x.prefixLength())
                .collect(Collectors.toList());
        boolean passed = actual.containsAll(e.present().stream().map(StateJudge::canonicalPrefix).collect(Collectors.toList()))
                && e.absent().stream().map(StateJudge::canonicalPrefix).noneMatch(actual::contains);
        return new Verdict(passed, actual.isEmpty() ? "no on-link prefix" : String.join(", ", actual));
    }

    private static Verdict stackState(ExpectationSpec.StackState e, StackSnapshot snapshot) {
        boolean passed = (e.hopLimit() < 0 || e.hopLimit() == snapshot.hopLimit())
                && (e.mtu() < 0 || e.mtu() == snapshot.linkMtu())
                && (e.ipv4Enabled() == null || e.ipv4Enabled() == snapshot.ipv4Enabled())
                && (e.ipv6Enabled() == null || e.ipv6Enabled() == snapshot.ipv6Enabled());
        return new Verdict(passed, "hop limit " + snapshot.hopLimit() + ", MTU " + snapshot.linkMtu() + ", IPv4 "
                + (snapshot.ipv4Enabled() ? "on" : "off") + ", IPv6 " + (snapshot.ipv6Enabled() ? "on" : "off"));
    }

    private static long remaining(long until, long at) {
        return until == StackSnapshot.INFINITE ? Long.MAX_VALUE : until - at;
    }

    private static String formatRemaining(long nanos) {
        return nanos == Long.MAX_VALUE ? "infinite" : SimTime.format(nanos);
    }

    private static String canonicalPrefix(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return text;
        }
        try {
            return Addresses.format(Addresses.parse(text.substring(0, slash))) + text.substring(slash);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
