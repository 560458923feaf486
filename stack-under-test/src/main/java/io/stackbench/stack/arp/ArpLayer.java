package io.stackbench.stack.arp;

import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.StackContext;
import io.stackbench.stack.wire.ArpOperation;
import io.stackbench.stack.wire.ArpPacket;
import io.stackbench.stack.wire.ArpRepr;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.Ipv4Address;
import io.stackbench.stack.wire.MalformedPacketException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * ARP for the stack's one IPv4 address: replies to requests for it, learns by the RFC 826 merge
 * rule, and resolves next hops with at most one request per second, three attempts, and a bounded
 * queue of packets per destination.
 */
public final class ArpLayer {

    /** RFC 1122 §2.3.2.1: at most one request per second per destination. */
    public static final long RETRANSMIT_INTERVAL_NANOS = 1_000_000_000L;
    /** Requests sent before resolution gives up. */
    public static final int MAX_REQUESTS = 3;
    /** Packets kept per destination while it resolves; the oldest is dropped beyond this. */
    public static final int MAX_PENDING_PER_DESTINATION = 16;
    /** Resolved entries kept at most. */
    public static final int MAX_ENTRIES = 1024;
    /** INCOMPLETE entries kept at most, bounded apart so a scan cannot evict resolved entries. */
    public static final int MAX_INCOMPLETE_ENTRIES = 64;

    private final StackContext context;
    private final Ipv4Address ownAddress;
    private final TreeMap<Ipv4Address, ArpEntry> cache = new TreeMap<>();
    private int incompleteCount;

    public ArpLayer(StackContext context, Ipv4Address ownAddress) {
        this.context = context;
        this.ownAddress = ownAddress;
    }

    /** RFC 5227 §3: announces the address once at start, as a request with sender = target = our address. */
    public void announce() {
        sendArp(ArpOperation.REQUEST, MacAddress.BROADCAST, MacAddress.ZERO, ownAddress, ownAddress);
        context.event("arp.announce", "gratuitous ARP for " + ownAddress + " at " + context.mac());
    }

    /** Handles an ARP packet that arrived in a frame for us. */
    public void receive(byte[] frame, int offset, int length) {
        ArpRepr arp;
        try {
            arp = ArpRepr.parse(new ArpPacket(frame, offset, length));
        } catch (MalformedPacketException e) {
            context.counters().drop(e.counterName());
            return;
        }
        MacAddress sender = arp.senderHardwareAddress();
        if (sender.isMulticast()) {
            context.counters().drop("arp.multicast-sender");
            return;
        }
        if (sender.equals(context.mac())) {
            context.counters().drop("arp.own-sender-mac");
            return;
        }
        context.counters().increment("rx.arp");

        Ipv4Address senderAddress = arp.senderProtocolAddress();
        if (senderAddress.equals(ownAddress)) {
            // RFC 5227 §2.4: someone else claims our address. Address conflict detection is off
            // by default, so the conflict is reported and the address kept.
            context.event("arp.conflict", ownAddress + " is also claimed by " + sender);
            context.counters().increment("arp.conflicts");
            return;
        }

        // RFC 826 merge: update an existing entry for the sender from any valid packet.
        boolean merged = false;
        ArpEntry existing = senderAddress.isUnspecified() ? null : cache.get(senderAddress);
        if (existing != null) {
            update(existing, sender);
            merged = true;
        }

        if (!arp.targetProtocolAddress().equals(ownAddress)) {
            return;
        }
        // RFC 826: we are the target, so learn the sender if the merge did not.
        if (!merged && !senderAddress.isUnspecified()) {
            if (cache.size() - incompleteCount >= MAX_ENTRIES) {
                context.counters().drop("arp.cache-full");
            } else {
                ArpEntry entry = new ArpEntry(senderAddress, ArpEntry.State.REACHABLE, sender);
                cache.put(senderAddress, entry);
                context.event("arp.entry-added", senderAddress + " is at " + sender);
            }
        }
        if (arp.operation().equals(ArpOperation.REQUEST)) {
            sendArp(ArpOperation.REPLY, sender, sender, ownAddress, senderAddress);
            context.counters().increment("arp.replies-sent");
        }
    }

    private void update(ArpEntry entry, MacAddress mac) {
        if (entry.state == ArpEntry.State.INCOMPLETE) {
            incompleteCount--;
            entry.state = ArpEntry.State.REACHABLE;
            entry.mac = mac;
            if (entry.retransmitTimer != null) {
                entry.retransmitTimer.cancel();
            }
            context.event("arp.resolved", entry.address + " is at " + mac + " after " + entry.requestsSent + " request(s)");
            flush(entry);
        } else if (!entry.mac.equals(mac)) {
            context.event("arp.entry-updated", entry.address + " moved from " + entry.mac + " to " + mac);
            entry.mac = mac;
        }
    }

    /**
     * Sends an IPv4 packet to {@code nextHop}, resolving it first if needed. On failure,
     * {@code onFailure} receives the reason after the packet is dropped.
     */
    public void send(Ipv4Address nextHop, byte[] packet, int length, Consumer<String> onFailure) {
        if (nextHop.isBroadcast()) {
            context.sendFrame(MacAddress.BROADCAST, EtherType.IPV4, packet, length);
            return;
        }
        ArpEntry entry = cache.get(nextHop);
        if (entry != null && entry.state == ArpEntry.State.REACHABLE) {
            context.sendFrame(entry.mac, EtherType.IPV4, packet, length);
            return;
        }
        if (entry == null) {
            if (incompleteCount >= MAX_INCOMPLETE_ENTRIES) {
                context.counters().drop("arp.too-many-incomplete");
                onFailure.accept("address resolution table full; " + nextHop + " not resolved");
                return;
            }
            entry = new ArpEntry(nextHop, ArpEntry.State.INCOMPLETE, null);
            cache.put(nextHop, entry);
            incompleteCount++;
            context.event("arp.resolving", "who-has " + nextHop);
            queue(entry, packet, length, onFailure);
            solicit(entry);
            return;
        }
        queue(entry, packet, length, onFailure);
    }

    private void queue(ArpEntry entry, byte[] packet, int length, Consumer<String> onFailure) {
        if (entry.pending.size() >= MAX_PENDING_PER_DESTINATION) {
            ArpEntry.PendingPacket oldest = entry.pending.removeFirst();
            context.counters().drop("arp.queue-full");
            oldest.onFailure().accept("dropped while resolving " + entry.address + ": queue full");
        }
        entry.pending.addLast(new ArpEntry.PendingPacket(packet, length, onFailure));
    }

    private void solicit(ArpEntry entry) {
        if (entry.requestsSent >= MAX_REQUESTS) {
            fail(entry);
            return;
        }
        entry.requestsSent++;
        sendArp(ArpOperation.REQUEST, MacAddress.BROADCAST, MacAddress.ZERO, ownAddress, entry.address);
        entry.retransmitTimer = context.schedule(RETRANSMIT_INTERVAL_NANOS, () -> solicit(entry));
    }

    private void fail(ArpEntry entry) {
        cache.remove(entry.address);
        incompleteCount--;
        String reason = "address resolution failed for " + entry.address + " after " + entry.requestsSent + " requests";
        context.event("arp.resolution-failed", reason);
        while (!entry.pending.isEmpty()) {
            context.counters().drop("arp.resolution-failed");
            entry.pending.removeFirst().onFailure().accept(reason);
        }
    }

    private void flush(ArpEntry entry) {
        while (!entry.pending.isEmpty()) {
            ArpEntry.PendingPacket p = entry.pending.removeFirst();
            context.sendFrame(entry.mac, EtherType.IPV4, p.packet(), p.length());
        }
    }

    private void sendArp(ArpOperation operation, MacAddress destination, MacAddress targetMac, Ipv4Address senderAddress, Ipv4Address target) {
        ArpRepr repr = new ArpRepr(operation, context.mac(), senderAddress, targetMac, target);
        byte[] payload = new byte[repr.bufferLength()];
        repr.emit(new ArpPacket(payload));
        context.sendFrame(destination, EtherType.ARP, payload, payload.length);
    }

    /** Returns the cache entries in address order. */
    public List<StackSnapshot.Neighbor> entries() {
        List<StackSnapshot.Neighbor> list = new ArrayList<>();
        for (ArpEntry e : cache.values()) {
            list.add(new StackSnapshot.Neighbor(StackContext.INTERFACE, "arp", e.address.toInetAddress(), e.mac, e.state.name(), false));
        }
        return list;
    }
}
