package io.stackbench.sim.spi;

import io.stackbench.sim.net.MacAddress;
import java.net.InetAddress;
import java.util.List;
import java.util.SortedMap;

/**
 * A stack's state at one instant, for expectations and reports. Lists are in a stable order
 * chosen by the stack, and counters are sorted by name. Times are absolute simulated nanoseconds,
 * with {@link #INFINITE} for a lifetime that never ends.
 *
 * @param addresses configured addresses with their state
 * @param neighbors ARP and Neighbour Discovery cache entries
 * @param routes routing table entries
 * @param counters every non-zero counter, for example {@code drop.ipv4.bad-checksum}
 * @param ipv4Enabled whether IPv4 runs (false with --ipv6-only=true)
 * @param ipv6Enabled whether IPv6 runs (false with --ipv4-only=true or after a duplicate link-local address)
 * @param defaultRouters the IPv6 default router list
 * @param prefixes the IPv6 on-link prefix list
 * @param hopLimit the hop limit of IPv6 packets the stack originates, or 0 without IPv6
 * @param linkMtu the IPv6 link MTU in use, or 0 without IPv6
 * @param udpSockets the bound UDP ports in port order
 * @param tcpConnections the TCP listeners and connections, in the order the stack created them
 */
public record StackSnapshot(
        List<Address> addresses,
        List<Neighbor> neighbors,
        List<Route> routes,
        SortedMap<String, Long> counters,
        boolean ipv4Enabled,
        boolean ipv6Enabled,
        List<Router> defaultRouters,
        List<Prefix> prefixes,
        int hopLimit,
        int linkMtu,
        List<UdpSocket> udpSockets,
        List<TcpSocket> tcpConnections) {

    /** The expiry time of a lifetime that never ends (0xffffffff seconds in Neighbour Discovery). */
    public static final long INFINITE = Long.MAX_VALUE;

    /** Creates a snapshot with no bound UDP port. */
    public StackSnapshot(List<Address> addresses, List<Neighbor> neighbors, List<Route> routes, SortedMap<String, Long> counters,
            boolean ipv4Enabled, boolean ipv6Enabled, List<Router> defaultRouters, List<Prefix> prefixes, int hopLimit, int linkMtu) {
        this(addresses, neighbors, routes, counters, ipv4Enabled, ipv6Enabled, defaultRouters, prefixes, hopLimit, linkMtu, List.of());
    }

    /** Creates a snapshot with no TCP listener or connection. */
    public StackSnapshot(List<Address> addresses, List<Neighbor> neighbors, List<Route> routes, SortedMap<String, Long> counters,
            boolean ipv4Enabled, boolean ipv6Enabled, List<Router> defaultRouters, List<Prefix> prefixes, int hopLimit, int linkMtu,
            List<UdpSocket> udpSockets) {
        this(addresses, neighbors, routes, counters, ipv4Enabled, ipv6Enabled, defaultRouters, prefixes, hopLimit, linkMtu, udpSockets,
                List.of());
    }

    /** Returns a snapshot of an IPv4-only stack, with no IPv6 state and no bound UDP port. */
    public static StackSnapshot ipv4Only(List<Address> addresses, List<Neighbor> neighbors, List<Route> routes,
            SortedMap<String, Long> counters, boolean ipv4Enabled) {
        return new StackSnapshot(addresses, neighbors, routes, counters, ipv4Enabled, false, List.of(), List.of(), 0, 0);
    }

    /**
     * One bound UDP port with what it received over both families and what it sent.
     *
     * @param bytesReceived payload bytes delivered, headers not included
     */
    public record UdpSocket(int port, long datagramsReceived, long bytesReceived, long datagramsSent) {
    }

    /**
     * One TCP listener or connection with its RFC 9293 control block. Sequence numbers are
     * unsigned 32-bit values. A listener has state LISTEN, no remote endpoint and zero elsewhere.
     *
     * @param remoteAddress the peer, of either family, or null for a listener
     * @param sndWnd the peer's window in bytes, after window scaling
     * @param rcvWnd the window we offer in bytes, before scaling it for the window field
     * @param rto the retransmission timeout in nanoseconds (RFC 6298)
     * @param retransmissions segments sent again: after a retransmission timeout, by fast
     *     retransmit, and in NewReno recovery
     * @param bytesReceived data bytes delivered in order to the handler
     * @param cwnd the congestion window in bytes (RFC 5681), 0 before ESTABLISHED
     * @param ssthresh the slow start threshold in bytes (RFC 5681)
     * @param srtt the smoothed round-trip time in nanoseconds (RFC 6298), 0 before the first sample
     * @param sndWndShift the shift applied to the peer's window field (RFC 7323 Snd.Wind.Shift), or
     *     -1 when window scaling is not in use
     * @param rcvWndShift the shift applied to our window field (RFC 7323 Rcv.Wind.Shift), or -1 when
     *     window scaling is not in use
     * @param timestamps whether the RFC 7323 Timestamps option is in use
     * @param fastRetransmits segments sent again on the third duplicate ACK (RFC 5681 §3.2)
     * @param zeroWindowProbes probes sent into a zero send window (RFC 9293 §3.8.6.1)
     */
    public record TcpSocket(InetAddress localAddress, int localPort, InetAddress remoteAddress, int remotePort, String state,
            long sndUna, long sndNxt, long sndWnd, long rcvNxt, long rcvWnd, long rto, long retransmissions, long bytesReceived,
            long cwnd, long ssthresh, long srtt, int sndWndShift, int rcvWndShift, boolean timestamps, long fastRetransmits,
            long zeroWindowProbes) {

        /** Creates a socket without congestion, scaling and timestamp state, as a stack without them reports it. */
        public TcpSocket(InetAddress localAddress, int localPort, InetAddress remoteAddress, int remotePort, String state, long sndUna,
                long sndNxt, long sndWnd, long rcvNxt, long rcvWnd, long rto, long retransmissions, long bytesReceived) {
            this(localAddress, localPort, remoteAddress, remotePort, state, sndUna, sndNxt, sndWnd, rcvNxt, rcvWnd, rto, retransmissions,
                    bytesReceived, 0, 0, 0, -1, -1, false, 0, 0);
        }

        /** Returns the entry of a listener on {@code port}. */
        public static TcpSocket listener(int port) {
            return new TcpSocket(null, port, null, 0, "LISTEN", 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /**
     * One configured address.
     *
     * @param state PREFERRED, TENTATIVE, DEPRECATED or DUPLICATE
     * @param origin how the address came to be: static, link-local, slaac
     * @param preferredUntil when the address becomes DEPRECATED, or {@link #INFINITE}
     * @param validUntil when the address is removed, or {@link #INFINITE}
     */
    public record Address(int interfaceIndex, InetAddress address, int prefixLength, String state, String origin, long preferredUntil,
            long validUntil) {

        /** Creates an address without lifetimes, such as a static IPv4 address. */
        public Address(int interfaceIndex, InetAddress address, int prefixLength, String state, String origin) {
            this(interfaceIndex, address, prefixLength, state, origin, INFINITE, INFINITE);
        }
    }

    /**
     * One neighbour cache entry.
     *
     * @param protocol {@code arp} or {@code ndp}
     * @param mac the link-layer address, or null while INCOMPLETE
     * @param state for ARP: INCOMPLETE or REACHABLE. For NDP the RFC 4861 state names
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

    /** One entry of the IPv6 default router list, expiring at {@code expiresAt}. */
    public record Router(InetAddress address, long expiresAt) {
    }

    /** One on-link IPv6 prefix, valid until {@code validUntil}. */
    public record Prefix(InetAddress prefix, int prefixLength, long validUntil) {
    }

    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }
}
