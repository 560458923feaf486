package io.stackbench.stack.wire;

/**
 * Emits a repr into a poisoned buffer and parses it back, for tests that compare the result with
 * the original. A parse failure of freshly emitted bytes is a bug, so it raises AssertionError.
 */
final class WireRoundTrips {

    private WireRoundTrips() {
    }

    static EthernetHeader ethernet(EthernetHeader header) {
        byte[] buffer = Fixtures.poisoned(header.bufferLength());
        header.emit(new EthernetFrame(buffer));
        try {
            return EthernetHeader.parse(new EthernetFrame(buffer));
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted Ethernet header did not parse: " + e.getMessage(), e);
        }
    }

    static ArpRepr arp(ArpRepr repr) {
        byte[] buffer = Fixtures.poisoned(repr.bufferLength());
        repr.emit(new ArpPacket(buffer));
        try {
            return ArpRepr.parse(new ArpPacket(buffer));
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted ARP packet did not parse: " + e.getMessage(), e);
        }
    }

    static Ipv4Repr ipv4(Ipv4Repr repr) {
        byte[] buffer = Fixtures.poisoned(repr.bufferLength());
        repr.emit(new Ipv4Packet(buffer));
        try {
            return Ipv4Repr.parse(new Ipv4Packet(buffer));
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted IPv4 header did not parse: " + e.getMessage(), e);
        }
    }

    static Icmpv4Repr icmpv4(Icmpv4Repr repr) {
        byte[] buffer = Fixtures.poisoned(repr.bufferLength());
        repr.emit(new Icmpv4Packet(buffer));
        try {
            return Icmpv4Repr.parse(new Icmpv4Packet(buffer));
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted ICMPv4 message did not parse: " + e.getMessage(), e);
        }
    }

    static Ipv6Repr ipv6(Ipv6Repr repr) {
        byte[] buffer = Fixtures.poisoned(repr.bufferLength());
        repr.emit(new Ipv6Packet(buffer));
        return parseIpv6(buffer);
    }

    static Ipv6Repr parseIpv6(byte[] packet) {
        try {
            return Ipv6Repr.parse(new Ipv6Packet(packet));
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted IPv6 header did not parse: " + e.getMessage(), e);
        }
    }

    /** Emits into a poisoned buffer with the checksum of the given addresses and parses the result. */
    static Icmpv6Repr icmpv6(Icmpv6Repr repr, Ipv6Address source, Ipv6Address destination) {
        byte[] buffer = Fixtures.poisoned(repr.bufferLength());
        repr.emit(new Icmpv6Packet(buffer), source, destination);
        try {
            return Icmpv6Repr.parse(new Icmpv6Packet(buffer), source, destination);
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted ICMPv6 message did not parse: " + e.getMessage(), e);
        }
    }

    /** Emits with the checksum over the IPv4 pseudo-header and parses the result. */
    static TcpRepr tcp(TcpRepr repr, Ipv4Address source, Ipv4Address destination) {
        byte[] buffer = Fixtures.poisoned(repr.bufferLength());
        repr.emit(new TcpPacket(buffer), source, destination);
        try {
            return TcpRepr.parse(new TcpPacket(buffer), source, destination);
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted TCP segment did not parse: " + e.getMessage(), e);
        }
    }

    /** Emits with the checksum over the IPv6 pseudo-header and parses the result. */
    static TcpRepr tcp(TcpRepr repr, Ipv6Address source, Ipv6Address destination) {
        byte[] buffer = Fixtures.poisoned(repr.bufferLength());
        repr.emit(new TcpPacket(buffer), source, destination);
        try {
            return TcpRepr.parse(new TcpPacket(buffer), source, destination);
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted TCP segment did not parse: " + e.getMessage(), e);
        }
    }

    /** Emits over IPv4 into a poisoned buffer and parses the result with the same addresses. */
    static UdpRepr udp(UdpRepr repr, Ipv4Address source, Ipv4Address destination) {
        byte[] buffer = Fixtures.poisoned(repr.bufferLength());
        repr.emit(new UdpPacket(buffer), source, destination);
        try {
            return UdpRepr.parse(new UdpPacket(buffer), source, destination);
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted UDP datagram did not parse: " + e.getMessage(), e);
        }
    }

    /** Emits over IPv6 into a poisoned buffer and parses the result with the same addresses. */
    static UdpRepr udp(UdpRepr repr, Ipv6Address source, Ipv6Address destination) {
        byte[] buffer = Fixtures.poisoned(repr.bufferLength());
        repr.emit(new UdpPacket(buffer), source, destination);
        try {
            return UdpRepr.parse(new UdpPacket(buffer), source, destination);
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted UDP datagram did not parse: " + e.getMessage(), e);
        }
    }
}
