package io.stackbench.scenario.model;

import io.stackbench.sim.net.MacAddress;
import java.net.InetAddress;
import java.util.List;

/** A node of the scenario: an instance of the stack under test or a scripted peer. */
public sealed interface NodeSpec {

    String name();

    String segment();

    MacAddress mac();

    /** A stack instance booted with MirageOS-style arguments. */
    record Stack(String name, String segment, MacAddress mac, List<String> boot) implements NodeSpec {
    }

    /**
     * A scripted peer that answers ARP requests for a list of addresses, may announce them with
     * gratuitous ARP, and may answer ICMP echo requests sent to it, which makes it a gateway that
     * stands in for every host behind it.
     */
    record ArpResponder(String name, String segment, MacAddress mac, List<ArpEntry> entries, List<Announcement> announcements,
            boolean answerEcho) implements NodeSpec {
    }

    /** One address an ARP responder owns, with the MAC it answers with. */
    record ArpEntry(InetAddress address, MacAddress mac) {
    }

    /** A gratuitous ARP request sent at a given time. */
    record Announcement(long atNanos, InetAddress address, MacAddress mac) {
    }

    /**
     * A scripted IPv6 router: sends Router Advertisements periodically and in answer to Router
     * Solicitations, and answers Neighbour Solicitations for its own address.
     *
     * @param address the router's link-local source address
     * @param firstNanos when the first unsolicited advertisement goes out, or -1 for none
     * @param intervalNanos time between unsolicited advertisements, or 0 for only the first
     * @param answerSolicitations whether a Router Solicitation triggers an advertisement
     */
    record Router(String name, String segment, MacAddress mac, InetAddress address, long firstNanos, long intervalNanos,
            boolean answerSolicitations, Advertisement advertisement) implements NodeSpec {
    }

    /**
     * The content of a Router Advertisement (RFC 4861 §4.2): times in the units of the wire,
     * seconds for lifetimes and milliseconds for the timers.
     *
     * @param mtu the MTU option's value, or 0 for no MTU option
     */
    record Advertisement(int curHopLimit, boolean managed, boolean other, int routerLifetime, long reachableTime, long retransTimer,
            long mtu, boolean sourceLinkLayer, java.util.List<PrefixInformation> prefixes) {
    }

    /** One Prefix Information option (RFC 4861 §4.6.2), lifetimes in seconds (0xffffffff is infinite). */
    record PrefixInformation(InetAddress prefix, int prefixLength, boolean onLink, boolean autonomous, long validLifetime,
            long preferredLifetime) {
    }

    /**
     * A peer that claims every address a DAD probe asks about, or only {@code targets}: in
     * {@code na} mode with a Neighbour Advertisement, in {@code ns} mode with a competing probe.
     */
    record DadAttacker(String name, String segment, MacAddress mac, String mode, List<InetAddress> targets) implements NodeSpec {
    }

    /** A peer that answers address-resolution solicitations for {@code target}, which it does not own, with its own MAC. */
    record NaSpoofer(String name, String segment, MacAddress mac, InetAddress target) implements NodeSpec {
    }

    /**
     * A peer that sends given frames at given times: hex bytes, or the frames of a pcap or pcapng
     * file, optionally retargeted to a stack node.
     *
     * @param retargetNode stack whose MAC replaces unicast destination MACs, or null
     * @param retargetIpv4 address replacing unicast IPv4 destinations, or null
     * @param retargetIpv6 address replacing unicast IPv6 destinations, or null
     */
    record Raw(String name, String segment, MacAddress mac, List<RawFrame> frames, String retargetNode, InetAddress retargetIpv4,
            InetAddress retargetIpv6) implements NodeSpec {
    }

    /**
     * Frames a raw peer sends: {@code hex} is one frame, {@code capture} a file whose frames go
     * out {@code intervalNanos} apart starting at {@code atNanos}.
     */
    record RawFrame(long atNanos, byte[] hex, java.nio.file.Path capture, long intervalNanos, String comment) {
    }

    /**
     * A scripted TCP endpoint with its own addresses. It replies to ARP requests and Neighbour Solicitations for
     * them, sends its frames to {@code stack}'s MAC, and runs {@code script}.
     *
     * @param ipv4 the peer's IPv4 address, or null
     * @param ipv6 the peer's IPv6 address, or null
     * @param stack name of the stack node whose MAC the peer's unicast frames go to
     * @param isn the peer's initial sequence number, the base of its relative sequence numbers
     */
    record TcpPeer(String name, String segment, MacAddress mac, InetAddress ipv4, InetAddress ipv6, String stack, long isn,
            List<TcpScript.Entry> script) implements NodeSpec {
    }
}
