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
}
