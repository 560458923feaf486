package io.stackbench.stack.arp;

import io.stackbench.sim.engine.Timer;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.stack.wire.Ipv4Address;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/** One ARP cache entry: INCOMPLETE while a request is outstanding, REACHABLE once the MAC is known. */
final class ArpEntry {

    enum State { INCOMPLETE, REACHABLE }

    /** An IPv4 packet waiting for resolution, with whom to tell if it is given up. */
    record PendingPacket(byte[] packet, int length, Consumer<String> onFailure) {
    }

    final Ipv4Address address;
    State state;
    MacAddress mac;
    int requestsSent;
    Timer retransmitTimer;
    final ArrayDeque<PendingPacket> pending = new ArrayDeque<>();

    ArpEntry(Ipv4Address address, State state, MacAddress mac) {
        this.address = address;
        this.state = state;
        this.mac = mac;
    }
}
