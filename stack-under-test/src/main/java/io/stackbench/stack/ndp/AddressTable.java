package io.stackbench.stack.ndp;

import io.stackbench.sim.engine.Timer;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.StackContext;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.NdpOption;
import io.stackbench.stack.wire.NdpOptionType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The interface's IPv6 addresses and Duplicate Address Detection (RFC 4862 §5.4): every new
 * address is TENTATIVE until one probe went unanswered for RetransTimer, and becomes DUPLICATE on
 * an advertisement for it or on another node's probe for it. Our own probe looped back is
 * recognised by its RFC 7527 nonce. Lifetimes move addresses to DEPRECATED and remove them.
 */
public final class AddressTable {

    /** Length of the RFC 7527 nonce carried in our DAD probes. */
    static final int NONCE_LENGTH = 6;

    /** One address with its state, origin, lifetimes and DAD bookkeeping. */
    static final class Entry {
        final Ipv6Address address;
        final int prefixLength;
        final String origin;
        AddressState state = AddressState.TENTATIVE;
        long preferredUntil;
        long validUntil;
        byte[] nonce;
        Timer dadTimer;
        Timer preferredTimer;
        Timer validTimer;

        Entry(Ipv6Address address, int prefixLength, String origin) {
            this.address = address;
            this.prefixLength = prefixLength;
            this.origin = origin;
        }
    }

    private final StackContext context;
    private final Ipv6Services services;
    private final List<Entry> entries = new ArrayList<>();
    private long retransTimer = NdpConstants.RETRANS_TIMER;

    AddressTable(StackContext context, Ipv6Services services) {
        this.context = context;
        this.services = services;
    }

    void setRetransTimer(long nanos) {
        retransTimer = nanos;
    }

    /** Adds a TENTATIVE address and starts DAD after a random delay of up to MAX_RTR_SOLICITATION_DELAY (RFC 4862 §5.4.2). */
    void add(Ipv6Address address, int prefixLength, String origin, long preferredUntil, long validUntil) {
        Entry entry = new Entry(address, prefixLength, origin);
        entries.add(entry);
        context.event("ipv6.address", address + "/" + prefixLength + " TENTATIVE (" + origin + ")");
        setLifetimes(entry, preferredUntil, validUntil);
        services.joinGroup(address.solicitedNodeMulticast());
        long delay = context.host().random().nextLong(NdpConstants.MAX_RTR_SOLICITATION_DELAY);
        entry.dadTimer = context.schedule(delay, () -> probe(entry));
    }

    private void probe(Entry entry) {
        if (entry.state != AddressState.TENTATIVE) {
            return;
        }
        entry.nonce = new byte[NONCE_LENGTH];
        context.host().random().nextBytes(entry.nonce);
        Ipv6Address group = entry.address.solicitedNodeMulticast();
        Icmpv6Repr ns = new Icmpv6Repr.NeighborSolicitation(0, entry.address,
                List.of(new NdpOption.Unknown(NdpOptionType.NONCE, entry.nonce)));
        services.sendNd(Ipv6Address.UNSPECIFIED, group, ns, null, "DAD probe for " + entry.address);
        entry.dadTimer = context.schedule(retransTimer * NdpConstants.DUP_ADDR_DETECT_TRANSMITS, () -> dadSucceeded(entry));
    }

    private void dadSucceeded(Entry entry) {
        if (entry.state != AddressState.TENTATIVE) {
            return;
        }
        boolean deprecated = entry.preferredUntil <= context.now();
        entry.state = deprecated ? AddressState.DEPRECATED : AddressState.PREFERRED;
        context.event("ipv6.dad-succeeded", entry.address + " " + entry.state + " (no answer to the DAD probe)");
    }

    /** RFC 4862 §5.4.4: a valid NA whose target is one of our addresses. */
    void onAdvertisementFor(Ipv6Address target, MacAddress from) {
        Entry entry = find(target);
        if (entry == null) {
            return;
        }
        if (entry.state == AddressState.TENTATIVE) {
            duplicate(entry, "NA from " + from);
        } else {
            // Another node claims an address we already use; RFC 4862 §5.4.4 leaves the reaction open.
            context.event("ipv6.address-conflict", entry.address + " is also claimed by " + from);
            context.counters().increment("ndp.address-conflicts");
        }
    }

    /**
     * RFC 4862 §5.4.3: a DAD probe (NS from ::) for one of our addresses. Returns true when the
     * probed address is in use, so the caller defends it.
     */
    boolean onProbeFor(Ipv6Address target, byte[] nonce, MacAddress from) {
        Entry entry = find(target);
        if (entry == null) {
            return false;
        }
        if (entry.state == AddressState.TENTATIVE) {
            if (nonce != null && entry.nonce != null && Arrays.equals(nonce, entry.nonce)) {
                context.counters().increment("ndp.dad-own-probe-looped");
                return false;
            }
            duplicate(entry, "DAD probe from " + from);
            return false;
        }
        return entry.state.isUsable();
    }

    private void duplicate(Entry entry, String why) {
        entry.state = AddressState.DUPLICATE;
        cancel(entry.dadTimer);
        context.event("ipv6.dad-failed", entry.address + " DUPLICATE: " + why);
        if (entry.address.isLinkLocal()) {
            services.disableIpv6("duplicate link-local address " + entry.address);
        }
    }

    /** Applies new lifetimes, reviving a DEPRECATED address when the preferred lifetime is extended. */
    void setLifetimes(Entry entry, long preferredUntil, long validUntil) {
        entry.preferredUntil = preferredUntil;
        entry.validUntil = validUntil;
        cancel(entry.preferredTimer);
        cancel(entry.validTimer);
        long now = context.now();
        if (entry.state == AddressState.DEPRECATED && preferredUntil > now) {
            entry.state = AddressState.PREFERRED;
            context.event("ipv6.address", entry.address + " PREFERRED again (preferred lifetime extended)");
        }
        if (preferredUntil != StackSnapshot.INFINITE) {
            entry.preferredTimer = context.schedule(Math.max(0, preferredUntil - now), () -> deprecate(entry));
        }
        if (validUntil != StackSnapshot.INFINITE) {
            entry.validTimer = context.schedule(Math.max(0, validUntil - now), () -> remove(entry, "valid lifetime expired"));
        }
    }

    private void deprecate(Entry entry) {
        if (entry.state == AddressState.PREFERRED) {
            entry.state = AddressState.DEPRECATED;
            context.event("ipv6.address", entry.address + " DEPRECATED (preferred lifetime expired)");
        }
    }

    private void remove(Entry entry, String why) {
        entries.remove(entry);
        cancel(entry.dadTimer);
        cancel(entry.preferredTimer);
        services.leaveGroup(entry.address.solicitedNodeMulticast());
        context.event("ipv6.address-removed", entry.address + " removed (" + why + ")");
    }

    Entry find(Ipv6Address address) {
        for (Entry entry : entries) {
            if (entry.address.equals(address)) {
                return entry;
            }
        }
        return null;
    }

    /** Returns the autoconfigured or static address that carries {@code prefix}/64, or null. */
    Entry findByPrefix(Ipv6Address prefix, int prefixLength) {
        for (Entry entry : entries) {
            if (!entry.address.isLinkLocal() && entry.address.inPrefix(prefix, prefixLength) && entry.prefixLength == prefixLength) {
                return entry;
            }
        }
        return null;
    }

    int autoconfiguredCount() {
        int n = 0;
        for (Entry entry : entries) {
            if (entry.origin.equals("slaac")) {
                n++;
            }
        }
        return n;
    }

    /** Returns true when {@code address} is ours and usable, so unicast to it is accepted. */
    public boolean accepts(Ipv6Address address) {
        Entry entry = find(address);
        return entry != null && entry.state.isUsable();
    }

    /** Returns true when {@code address} is ours in any state, so NS for it concerns us. */
    boolean owns(Ipv6Address address) {
        return find(address) != null;
    }

    /** Returns the usable addresses, in the order they were added. */
    public List<Entry> usable() {
        List<Entry> list = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.state.isUsable()) {
                list.add(entry);
            }
        }
        return list;
    }

    /** Returns our preferred link-local address, or null while it is tentative or duplicate. */
    public Ipv6Address linkLocal() {
        for (Entry entry : entries) {
            if (entry.address.isLinkLocal() && entry.state.isUsable()) {
                return entry.address;
            }
        }
        return null;
    }

    /**
     * RFC 6724 source address selection, for the rules that matter on one interface: prefer the
     * destination itself, then the same scope, then a preferred over a deprecated address, then
     * the longest matching prefix.
     */
    public Ipv6Address selectSource(Ipv6Address destination) {
        Entry best = null;
        for (Entry candidate : usable()) {
            if (best == null || better(candidate, best, destination)) {
                best = candidate;
            }
        }
        return best == null ? null : best.address;
    }

    private static boolean better(Entry a, Entry b, Ipv6Address destination) {
        if (a.address.equals(destination) != b.address.equals(destination)) {
            return a.address.equals(destination);
        }
        boolean linkScope = destination.isLinkLocal() || (destination.isMulticast() && (destination.high() >>> 48 & 0xf) <= 2);
        if (a.address.isLinkLocal() != b.address.isLinkLocal()) {
            return a.address.isLinkLocal() == linkScope;
        }
        if ((a.state == AddressState.PREFERRED) != (b.state == AddressState.PREFERRED)) {
            return a.state == AddressState.PREFERRED;
        }
        return commonPrefix(a.address, destination) > commonPrefix(b.address, destination);
    }

    private static int commonPrefix(Ipv6Address a, Ipv6Address b) {
        long high = a.high() ^ b.high();
        if (high != 0) {
            return Long.numberOfLeadingZeros(high);
        }
        return 64 + Long.numberOfLeadingZeros(a.low() ^ b.low());
    }

    void clear() {
        for (Entry entry : entries) {
            cancel(entry.dadTimer);
            cancel(entry.preferredTimer);
            cancel(entry.validTimer);
        }
        entries.clear();
    }

    List<StackSnapshot.Address> snapshot() {
        List<StackSnapshot.Address> list = new ArrayList<>();
        for (Entry e : entries) {
            list.add(new StackSnapshot.Address(StackContext.INTERFACE, e.address.toInetAddress(), e.prefixLength, e.state.name(), e.origin,
                    e.preferredUntil, e.validUntil));
        }
        return list;
    }

    private static void cancel(Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
