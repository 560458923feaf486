package io.stackbench.stack.ndp;

import io.stackbench.sim.engine.Timer;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.StackContext;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.Ipv6Address;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The IPv6 neighbour cache of RFC 4861 §7.3: address resolution with queued packets, and
 * Neighbour Unreachability Detection through the REACHABLE, STALE, DELAY and PROBE states.
 * Every transition is an event in the stack's log, written in the RFC's state names.
 */
public final class NeighborCache {

    /** Sends a Neighbour Solicitation: multicast for resolution, unicast to {@code mac} for a probe. */
    public interface Solicitor {
        void solicit(Ipv6Address target, MacAddress unicastMac);
    }

    /** A packet waiting for resolution, with whom to tell when it is given up. */
    record Pending(byte[] frame, Consumer<String> onFailure) {
    }

    static final class Entry {
        final Ipv6Address address;
        NeighborState state;
        MacAddress mac;
        boolean router;
        int solicitations;
        Timer timer;
        final ArrayDeque<Pending> pending = new ArrayDeque<>();

        Entry(Ipv6Address address, NeighborState state) {
            this.address = address;
            this.state = state;
        }
    }

    private final StackContext context;
    private final Solicitor solicitor;
    private final TreeMap<Ipv6Address, Entry> entries = new TreeMap<>();
    private long reachableTime;
    private long retransTimer = NdpConstants.RETRANS_TIMER;
    private int incomplete;

    NeighborCache(StackContext context, Solicitor solicitor) {
        this.context = context;
        this.solicitor = solicitor;
        setBaseReachableTime(NdpConstants.REACHABLE_TIME);
    }

    /** RFC 4861 §6.3.2: a new base time draws a new ReachableTime in [0.5, 1.5) times the base. */
    void setBaseReachableTime(long base) {
        double factor = NdpConstants.MIN_RANDOM_FACTOR
                + context.host().random().nextDouble() * (NdpConstants.MAX_RANDOM_FACTOR - NdpConstants.MIN_RANDOM_FACTOR);
        reachableTime = (long) (base * factor);
    }

    void setRetransTimer(long nanos) {
        retransTimer = nanos;
    }

    long retransTimer() {
        return retransTimer;
    }

    long reachableTime() {
        return reachableTime;
    }

    /**
     * Sends {@code frame} (an IPv6 packet after free room for the Ethernet header) to {@code neighbor},
     * resolving it first when needed, and
     * runs the NUD state machine of RFC 4861 §7.3.3 for a packet sent to a STALE entry.
     */
    void send(Ipv6Address neighbor, byte[] frame, Consumer<String> onFailure) {
        Entry entry = entries.get(neighbor);
        if (entry == null) {
            if (incomplete >= NdpConstants.MAX_INCOMPLETE_NEIGHBORS || entries.size() >= NdpConstants.MAX_NEIGHBORS) {
                context.counters().drop("ndp.neighbor-cache-full");
                onFailure.accept("neighbour cache full; " + neighbor + " not resolved");
                return;
            }
            entry = new Entry(neighbor, NeighborState.INCOMPLETE);
            entries.put(neighbor, entry);
            incomplete++;
            transition(entry, NeighborState.INCOMPLETE, "address resolution started");
            queue(entry, frame, onFailure);
            multicastSolicit(entry);
            return;
        }
        switch (entry.state) {
            case INCOMPLETE -> queue(entry, frame, onFailure);
            case REACHABLE, DELAY, PROBE -> transmit(entry, frame);
            case STALE -> {
                Entry stale = entry;
                transmit(stale, frame);
                transition(stale, NeighborState.DELAY, "packet sent to a STALE entry");
                restartTimer(stale, NdpConstants.DELAY_FIRST_PROBE_TIME, () -> startProbe(stale));
            }
        }
    }

    private void queue(Entry entry, byte[] frame, Consumer<String> onFailure) {
        if (entry.pending.size() >= NdpConstants.MAX_PENDING_PER_NEIGHBOR) {
            Pending oldest = entry.pending.removeFirst();
            context.counters().drop("ndp.queue-full");
            oldest.onFailure().accept("dropped while resolving " + entry.address + ": queue full");
        }
        entry.pending.addLast(new Pending(frame, onFailure));
    }

    private void transmit(Entry entry, byte[] frame) {
        context.sendFrameWithHeadroom(entry.mac, EtherType.IPV6, frame);
    }

    /** Sends the packets queued for an entry whose link-layer address is now known, in order. */
    private void flush(Entry entry) {
        while (!entry.pending.isEmpty()) {
            transmit(entry, entry.pending.removeFirst().frame());
        }
    }

    private void multicastSolicit(Entry entry) {
        if (entry.solicitations >= NdpConstants.MAX_MULTICAST_SOLICIT) {
            fail(entry, "address resolution failed for " + entry.address + " after " + entry.solicitations + " solicitations");
            return;
        }
        entry.solicitations++;
        solicitor.solicit(entry.address, null);
        restartTimer(entry, retransTimer, () -> multicastSolicit(entry));
    }

    private void startProbe(Entry entry) {
        entry.solicitations = 0;
        transition(entry, NeighborState.PROBE, "no confirmation within DELAY_FIRST_PROBE_TIME");
        unicastProbe(entry);
    }

    private void unicastProbe(Entry entry) {
        if (entry.solicitations >= NdpConstants.MAX_UNICAST_SOLICIT) {
            fail(entry, entry.address + " unreachable after " + entry.solicitations + " unicast probes");
            return;
        }
        entry.solicitations++;
        solicitor.solicit(entry.address, entry.mac);
        restartTimer(entry, retransTimer, () -> unicastProbe(entry));
    }

    private void fail(Entry entry, String reason) {
        entries.remove(entry.address);
        if (entry.state == NeighborState.INCOMPLETE) {
            incomplete--;
        }
        context.event("ndp.neighbor-failed", reason);
        while (!entry.pending.isEmpty()) {
            context.counters().drop("ndp.resolution-failed");
            entry.pending.removeFirst().onFailure().accept(reason);
        }
    }

    /** RFC 4861 §7.2.3: a solicitation for one of our addresses carrying a source link-layer address. */
    void onSolicitation(Ipv6Address source, MacAddress sourceMac) {
        learn(source, sourceMac, false, "NS from " + source);
    }

    /** RFC 4861 §6.3.4: a Router Advertisement with a source link-layer address. */
    void onRouterAdvertisement(Ipv6Address source, MacAddress sourceMac) {
        Entry entry = learn(source, sourceMac, true, "RA from " + source);
        if (entry != null) {
            entry.router = true;
        }
    }

    /** RFC 4861 §6.2.6: a Router Solicitation with a source link-layer address (as for an NS). */
    void onRouterSolicitation(Ipv6Address source, MacAddress sourceMac) {
        learn(source, sourceMac, false, "RS from " + source);
    }

    /** Creates a STALE entry or moves an existing one to STALE when the MAC changed. */
    private Entry learn(Ipv6Address source, MacAddress mac, boolean router, String why) {
        Entry entry = entries.get(source);
        if (entry == null) {
            if (entries.size() - incomplete >= NdpConstants.MAX_NEIGHBORS) {
                context.counters().drop("ndp.neighbor-cache-full");
                return null;
            }
            entry = new Entry(source, NeighborState.STALE);
            entry.mac = mac;
            entry.router = router;
            entries.put(source, entry);
            context.event("ndp.neighbor", source + " STALE at " + mac + " (" + why + ")");
            return entry;
        }
        if (entry.state == NeighborState.INCOMPLETE) {
            incomplete--;
            entry.mac = mac;
            cancelTimer(entry);
            transition(entry, NeighborState.STALE, why);
            flush(entry);
        } else if (!mac.equals(entry.mac)) {
            entry.mac = mac;
            cancelTimer(entry);
            transition(entry, NeighborState.STALE, why + " with a new link-layer address");
        }
        return entry;
    }

    /** Handles a valid Neighbour Advertisement by the rules of RFC 4861 §7.2.5. */
    void onAdvertisement(Ipv6Address target, MacAddress targetMac, boolean router, boolean solicited, boolean override) {
        Entry entry = entries.get(target);
        if (entry == null) {
            context.counters().increment("ndp.na-without-entry");
            return;
        }
        if (entry.state == NeighborState.INCOMPLETE) {
            if (targetMac == null) {
                context.counters().increment("ndp.na-without-tlla-ignored");
                return;
            }
            incomplete--;
            entry.mac = targetMac;
            entry.router = router;
            cancelTimer(entry);
            if (solicited) {
                reachable(entry, "solicited NA");
            } else {
                transition(entry, NeighborState.STALE, "unsolicited NA");
            }
            flush(entry);
            return;
        }
        boolean differentMac = targetMac != null && !targetMac.equals(entry.mac);
        if (!override && differentMac) {
            if (entry.state == NeighborState.REACHABLE) {
                cancelTimer(entry);
                transition(entry, NeighborState.STALE, "NA with O=0 and another link-layer address");
            }
            return;
        }
        if (targetMac != null) {
            entry.mac = targetMac;
        }
        if (solicited) {
            reachable(entry, "solicited NA");
        } else if (differentMac) {
            cancelTimer(entry);
            transition(entry, NeighborState.STALE, "NA with a new link-layer address");
        }
        entry.router = router;
    }

    private void reachable(Entry entry, String why) {
        entry.solicitations = 0;
        transition(entry, NeighborState.REACHABLE, why);
        restartTimer(entry, reachableTime, () -> transition(entry, NeighborState.STALE, "ReachableTime elapsed"));
    }

    private void transition(Entry entry, NeighborState next, String why) {
        NeighborState previous = entry.state;
        entry.state = next;
        if (previous != next || next == NeighborState.INCOMPLETE) {
            context.event("ndp.neighbor", entry.address + " " + (previous == next ? "" : previous + " -> ") + next + " (" + why + ")");
        }
    }

    private void restartTimer(Entry entry, long delay, Runnable action) {
        cancelTimer(entry);
        entry.timer = context.schedule(delay, action);
    }

    private static void cancelTimer(Entry entry) {
        if (entry.timer != null) {
            entry.timer.cancel();
            entry.timer = null;
        }
    }

    boolean isRouterReachable(Ipv6Address router) {
        Entry entry = entries.get(router);
        return entry != null && entry.state != NeighborState.INCOMPLETE;
    }

    /** Removes the is-router flag when a router leaves the default router list (RFC 4861 §7.2.5, §6.3.5). */
    void clearRouterFlag(Ipv6Address address) {
        Entry entry = entries.get(address);
        if (entry != null) {
            entry.router = false;
        }
    }

    List<StackSnapshot.Neighbor> snapshot() {
        List<StackSnapshot.Neighbor> list = new ArrayList<>();
        for (Entry e : entries.values()) {
            list.add(new StackSnapshot.Neighbor(StackContext.INTERFACE, "ndp", e.address.toInetAddress(), e.mac, e.state.name(), e.router));
        }
        return list;
    }
}
