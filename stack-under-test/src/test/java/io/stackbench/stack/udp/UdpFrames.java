package io.stackbench.stack.udp;

import io.stackbench.sim.net.MacAddress;
import io.stackbench.stack.Frames;
import io.stackbench.stack.Ipv6Fixture;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv4Address;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.UdpPacket;
import io.stackbench.stack.wire.UdpRepr;

/** Frames carrying UDP from a peer to the stack, with valid checksums unless a test damages them. */
final class UdpFrames {

    static final MacAddress OUR_MAC = Ipv6Fixture.OUR_MAC;
    static final MacAddress PEER_MAC = Ipv6Fixture.PEER_MAC;
    static final Ipv4Address OUR_IPV4 = Ipv4Address.parse("192.0.2.2");
    static final Ipv4Address PEER_IPV4 = Ipv4Address.parse("192.0.2.1");
    /** Boot arguments of a dual stack at {@link #OUR_IPV4} and its link-local IPv6 address, ignoring RAs. */
    static final String[] DUAL_STACK = {"--ipv4=192.0.2.2/24", "--accept-router-advertisements=false"};

    private UdpFrames() {
    }

    static byte[] udp(Ipv4Address source, Ipv4Address destination, int sourcePort, int destinationPort, byte[] data) {
        UdpRepr datagram = new UdpRepr(sourcePort, destinationPort, data);
        byte[] bytes = new byte[datagram.bufferLength()];
        datagram.emit(new UdpPacket(bytes), source, destination);
        return bytes;
    }

    /** Returns a frame from the peer carrying {@code datagram} over IPv4 to {@code destination}. */
    static byte[] ipv4Frame(MacAddress destinationMac, Ipv4Address destination, byte[] datagram) {
        return Frames.ipv4Frame(destinationMac, PEER_MAC, Frames.ipv4(PEER_IPV4, destination, IpProtocol.UDP, datagram));
    }

    /** Returns a frame from the peer at fe80::1 carrying {@code datagram} over IPv6 to {@code destination}. */
    static byte[] ipv6Frame(Ipv6Address destination, byte[] datagram) {
        byte[] packet = Ipv6Fixture.ipv6(Ipv6Fixture.PEER, destination, IpProtocol.UDP.value(), 64, datagram);
        return Ipv6Fixture.frameTo(destination, PEER_MAC, packet);
    }
}
