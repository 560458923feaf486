package io.stackbench.stack.ndp;

import io.stackbench.sim.net.MacAddress;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.Ipv6Address;

/** The IPv6 layer's services that Neighbour Discovery uses: sending ND messages and joining groups. */
public interface Ipv6Services {

    /**
     * Sends an ND message with hop limit 255 from {@code source} to {@code destination}. A
     * multicast destination goes to its multicast MAC; a unicast one to {@code destinationMac}
     * when given, else through the neighbour cache. {@code purpose} names the message in the event
     * logged when it cannot be sent.
     */
    void sendNd(Ipv6Address source, Ipv6Address destination, Icmpv6Repr message, MacAddress destinationMac, String purpose);

    /** Joins a multicast group: the interface's filter and an MLD report. */
    void joinGroup(Ipv6Address group);

    void leaveGroup(Ipv6Address group);

    /** Stops IPv6 on the interface, as RFC 4862 §5.4.5 recommends after a duplicate link-local address. */
    void disableIpv6(String reason);
}
