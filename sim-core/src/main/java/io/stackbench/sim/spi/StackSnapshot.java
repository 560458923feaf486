package io.stackbench.sim.spi;

import io.stackbench.sim.net.MacAddress;
import java.net.InetAddress;
import java.util.List;
import java.util.SortedMap;

/**
 * A stack's state at one instant, for expectations and reports. Lists are in a stable order
 * chosen by the stack; counters are sorted by name.
 *
 * @param addresses configured addresses with their state
 * @param neighbors ARP and Neighbour Discovery cache entries
 * @param routes routing table entries
 * @param counters every non-zero counter, for example {@code drop.ipv4.bad-checksum}
 * @param ipv4Enabled whether IPv4 runs (false with --ipv6-only=true)
 * @param ipv6Enabled whether IPv6 runs
 */
public record StackSnapshot(
        List<Address> addresses,
        List<Neighbor> neighbors,
        List<Route> routes,
        SortedMap<String, Long> counters,
        boolean ipv4Enabled,
        boolean ipv6Enabled) {

    /**
     * One configured address.
     *
     * @param state PREFERRED, TENTATIVE, DEPRECATED or DUPLICATE
     * @param origin how the address came to be: static, link-local, slaac
     */
    public record Address(int interfaceIndex, InetAddress address, int prefixLength, String state, String origin) {
    }

    /**
     * One neighbour cache entry.
     *
     * @param protocol {@code arp} or {@code ndp}
     * @param mac the link-layer address, or null while INCOMPLETE
     * @param state for ARP: INCOMPLETE or REACHABLE; for NDP the RFC 4861 state names
     */
    public record Neighbor(int interfaceIndex, String protocol, InetAddress address, MacAddress mac, String state, boolean router) {
    }

    /**
     * One route.
     *
     * @param gateway the next hop, or null for an on-link prefix
     */
    public record Route(InetAddress destination, int prefixLength, InetAddress gateway, int interfaceIndex) {
    }

    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }
}
