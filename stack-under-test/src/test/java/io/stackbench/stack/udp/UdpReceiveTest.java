package io.stackbench.stack.udp;

import static io.stackbench.stack.Ipv6Fixture.OUR_LINK_LOCAL;
import static io.stackbench.stack.Ipv6Fixture.PEER;
import static io.stackbench.stack.udp.UdpFrames.OUR_IPV4;
import static io.stackbench.stack.udp.UdpFrames.OUR_MAC;
import static io.stackbench.stack.udp.UdpFrames.PEER_IPV4;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.Ipv6Fixture;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.Ipv4Address;
import io.stackbench.stack.wire.Ipv6Address;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UdpReceiveTest {

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

    private static Ipv6Fixture boundAt(int port, RecordingUdpListener listener) {
        Ipv6Fixture fixture = Ipv6Fixture.ready(UdpFrames.DUAL_STACK);
        fixture.stack().udpBind(port, listener);
        return fixture;
    }

    @Test
    void onePortReceivesBothFamilies() {
        RecordingUdpListener listener = new RecordingUdpListener();
        Ipv6Fixture fixture = boundAt(5000, listener);

        fixture.receive(UdpFrames.ipv4Frame(OUR_MAC, OUR_IPV4, UdpFrames.udp(PEER_IPV4, OUR_IPV4, 40000, 5000, HELLO)));
        fixture.receive(UdpFrames.ipv6Frame(OUR_LINK_LOCAL, Ipv6Fixture.udp(PEER, OUR_LINK_LOCAL, 40001, 5000, HELLO)));

        assertThat(listener.datagrams).hasSize(2);
        RecordingUdpListener.Datagram overIpv4 = listener.datagrams.get(0);
        assertThat(overIpv4.remoteAddress()).isInstanceOf(Inet4Address.class).isEqualTo(PEER_IPV4.toInetAddress());
        assertThat(overIpv4.remotePort()).isEqualTo(40000);
        assertThat(overIpv4.localAddress()).isEqualTo(OUR_IPV4.toInetAddress());
        assertThat(overIpv4.payload()).isEqualTo(HELLO);
        RecordingUdpListener.Datagram overIpv6 = listener.datagrams.get(1);
        assertThat(overIpv6.remoteAddress()).isInstanceOf(Inet6Address.class).isEqualTo(PEER.toInetAddress());
        assertThat(overIpv6.remotePort()).isEqualTo(40001);
        assertThat(overIpv6.localAddress()).isEqualTo(OUR_LINK_LOCAL.toInetAddress());
        assertThat(overIpv6.payload()).isEqualTo(HELLO);
        assertThat(fixture.takeSent()).isEmpty();
        assertThat(fixture.counter("udp.datagrams-in")).isEqualTo(2);
    }

    @Test
    void snapshotCountsDatagramsAndBytes() {
        Ipv6Fixture fixture = boundAt(5000, new RecordingUdpListener());

        fixture.receive(UdpFrames.ipv4Frame(OUR_MAC, OUR_IPV4, UdpFrames.udp(PEER_IPV4, OUR_IPV4, 40000, 5000, HELLO)));
        fixture.receive(UdpFrames.ipv6Frame(OUR_LINK_LOCAL, Ipv6Fixture.udp(PEER, OUR_LINK_LOCAL, 40001, 5000, new byte[3])));

        assertThat(fixture.snapshot().udpSockets()).containsExactly(new StackSnapshot.UdpSocket(5000, 2, 8, 0));
    }

    @Test
    void boundPortGetsNoPortUnreachable() {
        Ipv6Fixture fixture = boundAt(5000, new RecordingUdpListener());

        fixture.receive(UdpFrames.ipv4Frame(OUR_MAC, OUR_IPV4, UdpFrames.udp(PEER_IPV4, OUR_IPV4, 40000, 5000, HELLO)));
        fixture.receive(UdpFrames.ipv6Frame(OUR_LINK_LOCAL, Ipv6Fixture.udp(PEER, OUR_LINK_LOCAL, 40001, 5000, HELLO)));

        assertThat(fixture.counter("udp.closed-port")).isZero();
        assertThat(fixture.counter("icmpv4.unreachable-sent")).isZero();
        assertThat(fixture.counter("icmpv6.errors-sent")).isZero();
    }

    @Test
    void otherPortStillClosed() {
        Ipv6Fixture fixture = boundAt(5000, new RecordingUdpListener());
        fixture.learnPeer();

        fixture.receive(UdpFrames.ipv6Frame(OUR_LINK_LOCAL, Ipv6Fixture.udp(PEER, OUR_LINK_LOCAL, 40001, 5001, HELLO)));

        // RFC 4443 §3.1: port unreachable is code 4 of Destination Unreachable.
        assertThat(Ipv6Fixture.icmpv6Of(fixture.takeSent(), Icmpv6Repr.DestinationUnreachable.class)).singleElement()
                .satisfies(frame -> assertThat(((Icmpv6Repr.DestinationUnreachable) frame.icmpv6()).code()).isEqualTo(4));
        assertThat(fixture.counter("udp.closed-port")).isEqualTo(1);
    }

    @Test
    void broadcastDeliveredToBoundPort() {
        RecordingUdpListener listener = new RecordingUdpListener();
        Ipv6Fixture fixture = boundAt(5000, listener);

        fixture.receive(UdpFrames.ipv4Frame(MacAddress.BROADCAST, Ipv4Address.BROADCAST,
                UdpFrames.udp(PEER_IPV4, Ipv4Address.BROADCAST, 40000, 5000, HELLO)));

        assertThat(listener.datagrams).singleElement()
                .satisfies(datagram -> assertThat(datagram.localAddress()).isEqualTo(Ipv4Address.BROADCAST.toInetAddress()));
    }

    @Test
    void broadcastToClosedPortGetsNoError() {
        Ipv6Fixture fixture = boundAt(5000, new RecordingUdpListener());

        fixture.receive(UdpFrames.ipv4Frame(MacAddress.BROADCAST, Ipv4Address.BROADCAST,
                UdpFrames.udp(PEER_IPV4, Ipv4Address.BROADCAST, 40000, 5001, HELLO)));

        // RFC 1122 §3.2.2: no ICMP error about a datagram sent to a broadcast address.
        assertThat(fixture.takeSent()).isEmpty();
        assertThat(fixture.counter("udp.closed-port")).isEqualTo(1);
    }

    @Test
    void badChecksumOverIpv4DroppedSilently() {
        RecordingUdpListener listener = new RecordingUdpListener();
        Ipv6Fixture fixture = boundAt(5000, listener);
        byte[] datagram = UdpFrames.udp(PEER_IPV4, OUR_IPV4, 40000, 5001, HELLO);
        datagram[8] ^= 0x20;

        fixture.receive(UdpFrames.ipv4Frame(OUR_MAC, OUR_IPV4, datagram));

        // RFC 1122 §4.1.3.4: a bad checksum is discarded silently, so not even port unreachable is sent.
        assertThat(fixture.counter("drop.udp.bad-checksum")).isEqualTo(1);
        assertThat(fixture.counter("udp.closed-port")).isZero();
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void badChecksumOverIpv6DroppedSilently() {
        RecordingUdpListener listener = new RecordingUdpListener();
        Ipv6Fixture fixture = boundAt(5000, listener);
        fixture.learnPeer();
        byte[] datagram = Ipv6Fixture.udp(PEER, OUR_LINK_LOCAL, 40001, 5000, HELLO);
        datagram[8] ^= 0x20;

        fixture.receive(UdpFrames.ipv6Frame(OUR_LINK_LOCAL, datagram));

        assertThat(fixture.counter("drop.udp.bad-checksum")).isEqualTo(1);
        assertThat(listener.datagrams).isEmpty();
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void zeroChecksumOverIpv4Delivered() {
        RecordingUdpListener listener = new RecordingUdpListener();
        Ipv6Fixture fixture = boundAt(5000, listener);
        byte[] datagram = UdpFrames.udp(PEER_IPV4, OUR_IPV4, 40000, 5000, HELLO);
        datagram[6] = 0;
        datagram[7] = 0;

        fixture.receive(UdpFrames.ipv4Frame(OUR_MAC, OUR_IPV4, datagram));

        // RFC 768: checksum 0 means the sender computed none.
        assertThat(listener.datagrams).hasSize(1);
    }

    @Test
    void zeroChecksumOverIpv6Dropped() {
        RecordingUdpListener listener = new RecordingUdpListener();
        Ipv6Fixture fixture = boundAt(5000, listener);
        fixture.learnPeer();
        byte[] datagram = Ipv6Fixture.udp(PEER, OUR_LINK_LOCAL, 40001, 5001, HELLO);
        datagram[6] = 0;
        datagram[7] = 0;

        fixture.receive(UdpFrames.ipv6Frame(OUR_LINK_LOCAL, datagram));

        // RFC 8200 §8.1: the checksum is mandatory over IPv6, so checksum 0 is a drop and no port unreachable.
        assertThat(fixture.counter("drop.udp.zero-checksum")).isEqualTo(1);
        assertThat(fixture.counter("udp.closed-port")).isZero();
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void multicastToJoinedGroupDelivered() {
        RecordingUdpListener listener = new RecordingUdpListener();
        Ipv6Fixture fixture = boundAt(5000, listener);

        fixture.receive(UdpFrames.ipv6Frame(Ipv6Address.ALL_NODES, Ipv6Fixture.udp(PEER, Ipv6Address.ALL_NODES, 40001, 5000, HELLO)));

        assertThat(listener.datagrams).singleElement()
                .satisfies(datagram -> assertThat(datagram.localAddress()).isEqualTo(Ipv6Address.ALL_NODES.toInetAddress()));
    }
}
