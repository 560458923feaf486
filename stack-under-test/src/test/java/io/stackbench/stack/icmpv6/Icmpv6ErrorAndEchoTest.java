package io.stackbench.stack.icmpv6;

import static io.stackbench.stack.Ipv6Fixture.OUR_LINK_LOCAL;
import static io.stackbench.stack.Ipv6Fixture.PEER;
import static io.stackbench.stack.Ipv6Fixture.PEER_MAC;
import static io.stackbench.stack.Ipv6Fixture.icmpv6Of;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.stack.Frames;
import io.stackbench.stack.Ipv6Fixture;
import io.stackbench.stack.SentFrame;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv6Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Echo (RFC 4443 §4) and the rules for sending errors (RFC 4443 §2.4). */
class Icmpv6ErrorAndEchoTest {

    private static final byte[] DATA = Frames.counting(32);

    private static Ipv6Fixture readyWithPeer() {
        Ipv6Fixture fixture = Ipv6Fixture.ready("--accept-router-advertisements=false");
        fixture.learnPeer();
        return fixture;
    }

    private static byte[] udpPacket(Ipv6Address source, Ipv6Address destination) {
        // The checksum is mandatory over IPv6 (RFC 8200 §8.1): with checksum 0 the datagram would be dropped before the port lookup.
        return Ipv6Fixture.ipv6(source, destination, IpProtocol.UDP.value(), 64, Ipv6Fixture.udp(source, destination, 5353, 9, new byte[12]));
    }

    @Test
    void echoRequestAnswered() {
        Ipv6Fixture fixture = readyWithPeer();

        fixture.receiveIcmpv6(PEER_MAC, PEER, OUR_LINK_LOCAL, 64, new Icmpv6Repr.EchoRequest(0x1234, 7, DATA));

        // RFC 4443 §4.2: the reply returns identifier, sequence number and data.
        assertThat(icmpv6Of(fixture.takeSent(), Icmpv6Repr.EchoReply.class)).singleElement().satisfies(frame -> {
            assertThat(frame.icmpv6()).isEqualTo(new Icmpv6Repr.EchoReply(0x1234, 7, DATA));
            assertThat(frame.ipv6().source()).isEqualTo(OUR_LINK_LOCAL);
            assertThat(frame.ipv6().destination()).isEqualTo(PEER);
            assertThat(frame.ethernet().destination()).isEqualTo(PEER_MAC);
        });
    }

    @Test
    void echoToAllNodesAnsweredFromUnicast() {
        Ipv6Fixture fixture = readyWithPeer();

        fixture.receiveIcmpv6(PEER_MAC, PEER, Ipv6Address.ALL_NODES, 64, new Icmpv6Repr.EchoRequest(0x1234, 8, DATA));

        // RFC 4443 §4.2: a reply to a multicast request comes from a unicast address.
        assertThat(icmpv6Of(fixture.takeSent(), Icmpv6Repr.EchoReply.class)).singleElement()
                .satisfies(frame -> assertThat(frame.ipv6().source()).isEqualTo(OUR_LINK_LOCAL));
    }

    @Test
    void closedUdpPortGetsPortUnreachable() {
        Ipv6Fixture fixture = readyWithPeer();
        byte[] packet = udpPacket(PEER, OUR_LINK_LOCAL);

        fixture.receive(Ipv6Fixture.frameTo(OUR_LINK_LOCAL, PEER_MAC, packet));

        // RFC 4443 §3.1: code 4, quoting the invoking packet.
        assertThat(icmpv6Of(fixture.takeSent(), Icmpv6Repr.DestinationUnreachable.class)).singleElement().satisfies(frame -> {
            Icmpv6Repr.DestinationUnreachable error = (Icmpv6Repr.DestinationUnreachable) frame.icmpv6();
            assertThat(error.code()).isEqualTo(Icmpv6Repr.DestinationUnreachable.PORT_UNREACHABLE);
            assertThat(error.invokingPacket()).isEqualTo(packet);
            assertThat(frame.ipv6().destination()).isEqualTo(PEER);
        });
    }

    @Test
    void noErrorAboutMulticastDestination() {
        Ipv6Fixture fixture = readyWithPeer();

        fixture.receive(Ipv6Fixture.frameTo(Ipv6Address.ALL_NODES, PEER_MAC, udpPacket(PEER, Ipv6Address.ALL_NODES)));

        // RFC 4443 §2.4 e.3: no error about a packet to a multicast address, except Packet Too Big and Parameter Problem code 2.
        assertThat(fixture.counter("icmpv6.error-suppressed-multicast")).isEqualTo(1);
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void noErrorToUnspecifiedSource() {
        Ipv6Fixture fixture = readyWithPeer();

        fixture.receive(Ipv6Fixture.frameTo(OUR_LINK_LOCAL, PEER_MAC, udpPacket(Ipv6Address.UNSPECIFIED, OUR_LINK_LOCAL)));

        // RFC 4443 §2.4 e.6: no error about a packet whose source does not identify a single node.
        assertThat(fixture.counter("icmpv6.error-suppressed-source")).isEqualTo(1);
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void multicastSourceDropped() {
        Ipv6Fixture fixture = readyWithPeer();

        fixture.receive(Ipv6Fixture.frameTo(OUR_LINK_LOCAL, PEER_MAC, udpPacket(Ipv6Address.ALL_NODES, OUR_LINK_LOCAL)));

        // RFC 4291 §2.7: a multicast address is never a source, so the packet is dropped without an error.
        assertThat(fixture.counter("drop.ipv6.multicast-source")).isEqualTo(1);
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void tokenBucketLimitsErrorBurst() {
        Ipv6Fixture fixture = readyWithPeer();
        byte[] frame = Ipv6Fixture.frameTo(OUR_LINK_LOCAL, PEER_MAC, udpPacket(PEER, OUR_LINK_LOCAL));

        for (int i = 0; i < 20; i++) {
            fixture.receive(frame);
        }

        // RFC 4443 §2.4 f: a token bucket of 10 errors, refilled with one token per 100 ms.
        assertThat(icmpv6Of(fixture.takeSent(), Icmpv6Repr.DestinationUnreachable.class)).hasSize(10);
        assertThat(fixture.counter("icmpv6.error-rate-limited")).isEqualTo(10);

        fixture.runUntil(fixture.now() + SimTime.millis(100));
        fixture.receive(frame);
        fixture.receive(frame);
        List<SentFrame> later = icmpv6Of(fixture.takeSent(), Icmpv6Repr.DestinationUnreachable.class);
        assertThat(later).hasSize(1);
        assertThat(fixture.counter("icmpv6.error-rate-limited")).isEqualTo(11);
    }
}
