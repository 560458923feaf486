package io.stackbench.stack.ndp;

import io.stackbench.sim.engine.Timer;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.StackContext;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.NdpOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Router and prefix discovery and stateless address autoconfiguration: Router Solicitations
 * (RFC 4861 §6.3.7), Router Advertisement processing (§6.3.4) into the default router list, the
 * prefix list, hop limit, MTU and timers, and SLAAC with the lifetime rules of RFC 4862 §5.5.3.
 */
public final class RouterDiscovery {

    /** The interface identifier length SLAAC uses on Ethernet (RFC 4862 §5.5.3 d, RFC 2464). */
    static final int SLAAC_PREFIX_LENGTH = 64;

    private record PrefixKey(Ipv6Address prefix, int length) implements Comparable<PrefixKey> {
        @Override
        public int compareTo(PrefixKey other) {
            int c = prefix.compareTo(other.prefix);
            return c != 0 ? c : Integer.compare(length, other.length);
        }
    }

    private static final class Expiring {
        long until;
        Timer timer;
    }

    private final StackContext context;
    private final Ipv6Services services;
    private final AddressTable addresses;
    private final NeighborCache neighbors;
    private final boolean acceptAdvertisements;
    private final Map<Ipv6Address, Expiring> routers = new LinkedHashMap<>();
    private final TreeMap<PrefixKey, Expiring> prefixes = new TreeMap<>();
    private int solicitationsSent;
    private Timer solicitationTimer;
    private boolean advertisementReceived;
    private int hopLimit = 64;
    private int linkMtu;

    RouterDiscovery(StackContext context, Ipv6Services services, AddressTable addresses, NeighborCache neighbors, boolean acceptAdvertisements) {
        this.context = context;
        this.services = services;
        this.addresses = addresses;
        this.neighbors = neighbors;
        this.acceptAdvertisements = acceptAdvertisements;
        this.linkMtu = context.mtu();
    }

    int hopLimit() {
        return hopLimit;
    }

    int linkMtu() {
        return linkMtu;
    }

    /** Starts soliciting routers after a random delay of up to MAX_RTR_SOLICITATION_DELAY (RFC 4861 §6.3.7). */
    void start() {
        if (!acceptAdvertisements) {
            return;
        }
        long delay = context.host().random().nextLong(NdpConstants.MAX_RTR_SOLICITATION_DELAY);
        solicitationTimer = context.schedule(delay, this::solicit);
    }

    private void solicit() {
        if (advertisementReceived || solicitationsSent >= NdpConstants.MAX_RTR_SOLICITATIONS) {
            return;
        }
        solicitationsSent++;
        Ipv6Address source = addresses.linkLocal();
        // RFC 4861 §4.1: no source link-layer option when the source is the unspecified address.
        List<NdpOption> options = source == null ? List.of() : List.of(new NdpOption.SourceLinkLayerAddress(context.mac()));
        services.sendNd(source == null ? Ipv6Address.UNSPECIFIED : source, Ipv6Address.ALL_ROUTERS,
                new Icmpv6Repr.RouterSolicitation(0, options), null, "router solicitation " + solicitationsSent + " of "
                        + NdpConstants.MAX_RTR_SOLICITATIONS);
        solicitationTimer = context.schedule(NdpConstants.RTR_SOLICITATION_INTERVAL, this::solicit);
    }

    /** Adds a static default router (--ipv6-gateway) that never expires. */
    void addStaticRouter(Ipv6Address router) {
        Expiring entry = new Expiring();
        entry.until = StackSnapshot.INFINITE;
        routers.put(router, entry);
        context.event("ndp.router", router + " added as static default router");
    }

    /** Adds an on-link prefix that never expires, as a static --ipv6 address does. */
    void addStaticPrefix(Ipv6Address prefix, int length) {
        Expiring entry = new Expiring();
        entry.until = StackSnapshot.INFINITE;
        prefixes.put(new PrefixKey(prefix.prefix(length), length), entry);
    }

    /** Processes a Router Advertisement that passed validation (RFC 4861 §6.3.4). */
    void onAdvertisement(Ipv6Address source, Icmpv6Repr.RouterAdvertisement ra, MacAddress sourceMac) {
        if (!acceptAdvertisements) {
            context.counters().increment("ndp.ra-ignored");
            return;
        }
        context.counters().increment("ndp.ra-accepted");
        if (!advertisementReceived) {
            advertisementReceived = true;
            if (solicitationTimer != null) {
                solicitationTimer.cancel();
            }
        }

        if (ra.curHopLimit() != 0 && ra.curHopLimit() != hopLimit) {
            hopLimit = ra.curHopLimit();
            context.event("ndp.hop-limit", "hop limit " + hopLimit + " from RA of " + source);
        }
        updateRouter(source, ra.routerLifetime());
        if (ra.reachableTime() != 0) {
            neighbors.setBaseReachableTime(ra.reachableTime() * 1_000_000L);
        }
        if (ra.retransTimer() != 0) {
            neighbors.setRetransTimer(ra.retransTimer() * 1_000_000L);
            addresses.setRetransTimer(ra.retransTimer() * 1_000_000L);
        }
        for (NdpOption option : ra.options()) {
            if (option instanceof NdpOption.SourceLinkLayerAddress slla) {
                neighbors.onRouterAdvertisement(source, slla.address());
            } else if (option instanceof NdpOption.Mtu mtu) {
                applyMtu(source, mtu.mtu());
            } else if (option instanceof NdpOption.PrefixInformation prefix) {
                applyPrefix(prefix);
            }
        }
    }

    private void updateRouter(Ipv6Address router, int lifetimeSeconds) {
        Expiring entry = routers.get(router);
        if (lifetimeSeconds == 0) {
            if (entry != null && entry.until != StackSnapshot.INFINITE) {
                removeRouter(router, "router lifetime 0");
            }
            return;
        }
        if (entry == null) {
            if (routers.size() >= NdpConstants.MAX_DEFAULT_ROUTERS) {
                context.counters().drop("ndp.router-list-full");
                return;
            }
            entry = new Expiring();
            routers.put(router, entry);
            context.event("ndp.router", router + " added as default router, lifetime " + lifetimeSeconds + "s");
        }
        if (entry.timer != null) {
            entry.timer.cancel();
        }
        // Router Lifetime is in seconds (RFC 4861 §4.2), converted here to the simulator's nanoseconds.
        entry.until = context.now() + lifetimeSeconds * 1_000_000_000L;
        entry.timer = context.schedule(lifetimeSeconds * 1_000_000_000L, () -> removeRouter(router, "router lifetime expired"));
    }

    private void removeRouter(Ipv6Address router, String why) {
        Expiring entry = routers.remove(router);
        if (entry != null && entry.timer != null) {
            entry.timer.cancel();
        }
        neighbors.clearRouterFlag(router);
        context.event("ndp.router-removed", router + " removed from the default router list (" + why + ")");
    }

    private void applyMtu(Ipv6Address source, long mtu) {
        // RFC 4861 §6.3.4: an MTU below the IPv6 minimum or above the link's own MTU is ignored.
        if (mtu < 1280 || mtu > context.mtu()) {
            context.counters().increment("ndp.mtu-option-ignored");
            context.event("ndp.mtu-ignored", "MTU " + mtu + " from " + source + " outside 1280.." + context.mtu());
            return;
        }
        if (mtu != linkMtu) {
            linkMtu = (int) mtu;
            context.event("ndp.mtu", "link MTU " + linkMtu + " from RA of " + source);
        }
    }

    private void applyPrefix(NdpOption.PrefixInformation info) {
        if (info.prefixLength() > 128) {
            // RFC 4861 §4.6.2: Prefix Length is 0 to 128, so a larger value makes the option invalid.
            context.counters().drop("ndp.prefix-length-above-128");
            return;
        }
        Ipv6Address prefix = info.prefix().prefix(info.prefixLength());
        if (prefix.isLinkLocal()) {
            // RFC 4861 §6.3.4 and RFC 4862 §5.5.3 b): the link-local prefix is ignored.
            context.counters().increment("ndp.prefix-link-local-ignored");
            return;
        }
        if (info.onLink()) {
            updatePrefix(new PrefixKey(prefix, info.prefixLength()), info.validLifetime());
        }
        if (info.autonomous()) {
            autoconfigure(prefix, info);
        }
    }

    private void updatePrefix(PrefixKey key, long validSeconds) {
        Expiring entry = prefixes.get(key);
        if (validSeconds == 0) {
            if (entry != null && entry.until != StackSnapshot.INFINITE) {
                removePrefix(key, "valid lifetime 0");
            }
            return;
        }
        if (entry == null) {
            if (prefixes.size() >= NdpConstants.MAX_PREFIXES) {
                context.counters().drop("ndp.prefix-list-full");
                return;
            }
            entry = new Expiring();
            prefixes.put(key, entry);
            context.event("ndp.prefix", key.prefix() + "/" + key.length() + " on-link, valid " + validSeconds + "s");
        } else if (entry.until == StackSnapshot.INFINITE) {
            return;
        }
        if (entry.timer != null) {
            entry.timer.cancel();
        }
        entry.until = NdpConstants.expiry(context.now(), validSeconds);
        if (entry.until != StackSnapshot.INFINITE) {
            entry.timer = context.schedule(entry.until - context.now(), () -> removePrefix(key, "valid lifetime expired"));
        }
    }

    private void removePrefix(PrefixKey key, String why) {
        Expiring entry = prefixes.remove(key);
        if (entry != null && entry.timer != null) {
            entry.timer.cancel();
        }
        context.event("ndp.prefix-removed", key.prefix() + "/" + key.length() + " removed (" + why + ")");
    }

    /** RFC 4862 §5.5.3: forms or refreshes the address of an autonomous prefix. */
    private void autoconfigure(Ipv6Address prefix, NdpOption.PrefixInformation info) {
        if (info.preferredLifetime() > info.validLifetime()) {
            context.counters().increment("ndp.prefix-preferred-above-valid");
            return;
        }
        if (info.prefixLength() != SLAAC_PREFIX_LENGTH) {
            context.counters().increment("ndp.prefix-length-not-64");
            context.event("ndp.slaac-skipped", prefix + "/" + info.prefixLength() + " not autoconfigured: the interface identifier is 64 bits");
            return;
        }
        long now = context.now();
        AddressTable.Entry existing = addresses.findByPrefix(prefix, info.prefixLength());
        if (existing == null) {
            if (info.validLifetime() == 0) {
                return;
            }
            if (addresses.autoconfiguredCount() >= NdpConstants.MAX_AUTOCONFIGURED_ADDRESSES) {
                context.counters().drop("ndp.too-many-addresses");
                return;
            }
            Ipv6Address address = Ipv6Address.fromEui64(prefix, context.mac());
            addresses.add(address, info.prefixLength(), "slaac", NdpConstants.expiry(now, info.preferredLifetime()),
                    NdpConstants.expiry(now, info.validLifetime()));
            return;
        }
        if (!existing.origin.equals("slaac")) {
            // A static address already carries this prefix: no second address (RFC 4862 §5.5.3 d).
            return;
        }
        long remaining = existing.validUntil == StackSnapshot.INFINITE ? Long.MAX_VALUE : existing.validUntil - now;
        long advertised = info.validLifetime() >= NdpConstants.INFINITE_SECONDS ? Long.MAX_VALUE : info.validLifetime() * 1_000_000_000L;
        long validUntil;
        if (advertised > NdpConstants.TWO_HOURS || advertised > remaining) {
            validUntil = NdpConstants.expiry(now, info.validLifetime());
        } else if (remaining <= NdpConstants.TWO_HOURS) {
            validUntil = existing.validUntil;
            context.counters().increment("ndp.two-hour-rule-applied");
        } else {
            validUntil = now + NdpConstants.TWO_HOURS;
            context.counters().increment("ndp.two-hour-rule-applied");
        }
        addresses.setLifetimes(existing, NdpConstants.expiry(now, info.preferredLifetime()), validUntil);
    }

    /** Returns true when {@code destination} is on-link: link-local, or inside a prefix of the prefix list. */
    boolean isOnLink(Ipv6Address destination) {
        if (destination.isLinkLocal() || destination.isMulticast()) {
            return true;
        }
        for (PrefixKey key : prefixes.keySet()) {
            if (destination.inPrefix(key.prefix(), key.length())) {
                return true;
            }
        }
        return false;
    }

    /** RFC 4861 §6.3.6: a router known to be reachable first, else the first of the list; null when the list is empty. */
    Ipv6Address defaultRouter() {
        for (Ipv6Address router : routers.keySet()) {
            if (neighbors.isRouterReachable(router)) {
                return router;
            }
        }
        return routers.isEmpty() ? null : routers.keySet().iterator().next();
    }

    void clear() {
        if (solicitationTimer != null) {
            solicitationTimer.cancel();
        }
        routers.values().forEach(e -> {
            if (e.timer != null) {
                e.timer.cancel();
            }
        });
        prefixes.values().forEach(e -> {
            if (e.timer != null) {
                e.timer.cancel();
            }
        });
    }

    List<StackSnapshot.Router> routerSnapshot() {
        List<StackSnapshot.Router> list = new ArrayList<>();
        routers.forEach((address, e) -> list.add(new StackSnapshot.Router(address.toInetAddress(), e.until)));
        return list;
    }

    List<StackSnapshot.Prefix> prefixSnapshot() {
        List<StackSnapshot.Prefix> list = new ArrayList<>();
        prefixes.forEach((key, e) -> list.add(new StackSnapshot.Prefix(key.prefix().toInetAddress(), key.length(), e.until)));
        return list;
    }
}
