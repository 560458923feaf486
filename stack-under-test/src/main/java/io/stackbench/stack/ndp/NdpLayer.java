package io.stackbench.stack.ndp;

import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.StackContext;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.Ipv6Repr;
import io.stackbench.stack.wire.NdpOption;
import io.stackbench.stack.wire.NdpOptionType;
import java.util.List;
import java.util.function.Consumer;

/**
 * Neighbour Discovery for one interface (RFC 4861, RFC 4862). Every ND message is validated by
 * the rules of §6.1 and §7.1, and an invalid one is a counted drop with no state change. Valid
 * ones go to the address table, the neighbour cache and router discovery.
 */
public final class NdpLayer {

    private final StackContext context;
    private final Ipv6Services services;
    private final NeighborCache neighbors;
    private final AddressTable addresses;
    private final RouterDiscovery routers;

    public NdpLayer(StackContext context, Ipv6Services services, boolean acceptRouterAdvertisements) {
        this.context = context;
        this.services = services;
        this.neighbors = new NeighborCache(context, this::solicit);
        this.addresses = new AddressTable(context, services);
        this.routers = new RouterDiscovery(context, services, addresses, neighbors, acceptRouterAdvertisements);
    }

    public AddressTable addresses() {
        return addresses;
    }

    /** Forms the link-local address (always), adds a static address, and starts router discovery. */
    public void start(Ipv6Address staticAddress, int staticPrefixLength, Ipv6Address staticRouter) {
        addresses.add(Ipv6Address.fromEui64(Ipv6Address.LINK_LOCAL_PREFIX, context.mac()), 64, "link-local", StackSnapshot.INFINITE,
                StackSnapshot.INFINITE);
        if (staticAddress != null) {
            addresses.add(staticAddress, staticPrefixLength, "static", StackSnapshot.INFINITE, StackSnapshot.INFINITE);
            routers.addStaticPrefix(staticAddress, staticPrefixLength);
        }
        if (staticRouter != null) {
            routers.addStaticRouter(staticRouter);
        }
        routers.start();
    }

    public void stop() {
        addresses.clear();
        routers.clear();
    }

    public int hopLimit() {
        return routers.hopLimit();
    }

    public int linkMtu() {
        return routers.linkMtu();
    }

    /**
     * Returns the next hop for {@code destination} (RFC 4861 §5.2): the destination itself when
     * on-link, else a default router, else null for no route. Nothing is assumed on-link (RFC 4943).
     */
    public Ipv6Address nextHop(Ipv6Address destination) {
        if (routers.isOnLink(destination)) {
            return destination;
        }
        return routers.defaultRouter();
    }

    /**
     * Sends an IPv6 packet to an on-link neighbour through the neighbour cache. {@code frame} holds
     * the packet after {@link io.stackbench.stack.wire.EthernetFrame#HEADER_LENGTH} free bytes, as
     * {@link StackContext#sendFrameWithHeadroom} takes it.
     */
    public void sendToNeighbor(Ipv6Address neighbor, byte[] frame, Consumer<String> onFailure) {
        neighbors.send(neighbor, frame, onFailure);
    }

    private void solicit(Ipv6Address target, MacAddress unicastMac) {
        Ipv6Address source = addresses.selectSource(target);
        if (source == null) {
            context.counters().drop("ndp.no-source-for-solicitation");
            return;
        }
        List<NdpOption> options = List.of(new NdpOption.SourceLinkLayerAddress(context.mac()));
        Ipv6Address destination = unicastMac == null ? target.solicitedNodeMulticast() : target;
        services.sendNd(source, destination, new Icmpv6Repr.NeighborSolicitation(0, target, options), unicastMac,
                (unicastMac == null ? "address resolution of " : "unreachability probe of ") + target);
    }

    /**
     * Handles a Neighbour Discovery message. {@code fragmented} is true when it arrived in a
     * fragmented packet, which RFC 6980 says to drop.
     */
    public void receive(Ipv6Repr ip, Icmpv6Repr message, MacAddress ethernetSource, boolean fragmented) {
        if (fragmented) {
            context.counters().drop("ndp.in-fragment");
            return;
        }
        if (ip.hopLimit() != NdpConstants.ND_HOP_LIMIT) {
            context.counters().drop("ndp.bad-hop-limit");
            return;
        }
        if (message.code() != 0) {
            context.counters().drop("ndp.bad-code");
            return;
        }
        if (message instanceof Icmpv6Repr.NeighborSolicitation ns) {
            onSolicitation(ip, ns, ethernetSource);
        } else if (message instanceof Icmpv6Repr.NeighborAdvertisement na) {
            onAdvertisement(ip, na, ethernetSource);
        } else if (message instanceof Icmpv6Repr.RouterAdvertisement ra) {
            onRouterAdvertisement(ip, ra);
        } else if (message instanceof Icmpv6Repr.RouterSolicitation) {
            // RFC 4861 §6.2.6: a host silently discards Router Solicitations.
            context.counters().increment("ndp.rs-ignored");
        } else {
            context.counters().increment("ndp.redirect-ignored");
        }
    }

    private void onSolicitation(Ipv6Repr ip, Icmpv6Repr.NeighborSolicitation ns, MacAddress ethernetSource) {
        Ipv6Address target = ns.targetAddress();
        MacAddress sourceMac = linkLayer(ns.options(), true);
        boolean fromUnspecified = ip.source().isUnspecified();
        if (target.isMulticast()) {
            context.counters().drop("ndp.multicast-target");
            return;
        }
        if (fromUnspecified && !ip.destination().isSolicitedNodeMulticast()) {
            context.counters().drop("ndp.dad-probe-not-to-solicited-node");
            return;
        }
        if (fromUnspecified && sourceMac != null) {
            context.counters().drop("ndp.dad-probe-with-slla");
            return;
        }
        if (!addresses.owns(target)) {
            // RFC 4861 §7.2.3: only a solicitation for one of our addresses creates or updates an entry.
            context.counters().increment("ndp.ns-for-other-target");
            return;
        }

        if (fromUnspecified) {
            boolean defend = addresses.onProbeFor(target, nonce(ns.options()), ethernetSource);
            if (defend) {
                // RFC 4861 §7.2.4: a DAD probe for an address in use gets an NA to all nodes with S=0.
                sendAdvertisement(target, Ipv6Address.ALL_NODES, false, "defend " + target + " against DAD probe");
            }
            return;
        }
        if (!addresses.accepts(target)) {
            // RFC 4862 §5.4.3: no NA is sent for a tentative address.
            context.counters().increment("ndp.ns-for-tentative-ignored");
            return;
        }
        if (sourceMac != null) {
            neighbors.onSolicitation(ip.source(), sourceMac);
        }
        sendAdvertisement(target, ip.source(), true, "answer NS from " + ip.source());
    }

    private void sendAdvertisement(Ipv6Address target, Ipv6Address destination, boolean solicited, String purpose) {
        Icmpv6Repr na = new Icmpv6Repr.NeighborAdvertisement(0, false, solicited, true, target,
                List.of(new NdpOption.TargetLinkLayerAddress(context.mac())));
        services.sendNd(target, destination, na, null, purpose);
    }

    private void onAdvertisement(Ipv6Repr ip, Icmpv6Repr.NeighborAdvertisement na, MacAddress ethernetSource) {
        if (na.targetAddress().isMulticast()) {
            context.counters().drop("ndp.multicast-target");
            return;
        }
        if (ip.destination().isMulticast() && na.solicited()) {
            context.counters().drop("ndp.solicited-na-to-multicast");
            return;
        }
        if (addresses.owns(na.targetAddress())) {
            addresses.onAdvertisementFor(na.targetAddress(), ethernetSource);
            return;
        }
        MacAddress targetMac = linkLayer(na.options(), false);
        neighbors.onAdvertisement(na.targetAddress(), targetMac, na.router(), na.solicited(), na.override());
    }

    private void onRouterAdvertisement(Ipv6Repr ip, Icmpv6Repr.RouterAdvertisement ra) {
        if (!ip.source().isLinkLocal()) {
            context.counters().drop("ndp.ra-source-not-link-local");
            return;
        }
        routers.onAdvertisement(ip.source(), ra, linkLayer(ra.options(), true));
    }

    private static MacAddress linkLayer(List<NdpOption> options, boolean source) {
        for (NdpOption option : options) {
            if (source && option instanceof NdpOption.SourceLinkLayerAddress slla) {
                return slla.address();
            }
            if (!source && option instanceof NdpOption.TargetLinkLayerAddress tlla) {
                return tlla.address();
            }
        }
        return null;
    }

    private static byte[] nonce(List<NdpOption> options) {
        for (NdpOption option : options) {
            if (option instanceof NdpOption.Unknown unknown && unknown.type().equals(NdpOptionType.NONCE)) {
                return unknown.data();
            }
        }
        return null;
    }

    public List<StackSnapshot.Address> addressSnapshot() {
        return addresses.snapshot();
    }

    public List<StackSnapshot.Neighbor> neighborSnapshot() {
        return neighbors.snapshot();
    }

    public List<StackSnapshot.Router> routerSnapshot() {
        return routers.routerSnapshot();
    }

    public List<StackSnapshot.Prefix> prefixSnapshot() {
        return routers.prefixSnapshot();
    }
}
