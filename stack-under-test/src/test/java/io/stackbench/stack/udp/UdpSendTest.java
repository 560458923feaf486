package io.stackbench.stack.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.Ipv6Fixture;
import io.stackbench.stack.SentFrame;
import io.stackbench.stack.StackFixture;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.MalformedPacketException;
import io.stackbench.stack.wire.UdpPacket;
import io.stackbench.stack.wire.UdpRepr;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdpSendTest {

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

    private final List<String> errors = new ArrayList<>();

    @Test
    void sendOverIpv4FromOurAddress() throws MalformedPacketException {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        fixture.stack().udpBind(5000, new RecordingUdpListener());

        fixture.stack().udpSend(5000, StackFixture.PEER_ADDRESS.toInetAddress(), 7, HELLO, errors::add);

        assertThat(errors).isEmpty();
        List<SentFrame> sent = fixture.takeSent();
        assertThat(sent).hasSize(1);
        SentFrame frame = sent.get(0);
        assertThat(frame.ipv4().source()).isEqualTo(StackFixture.OUR_ADDRESS);
        assertThat(frame.ipv4().destination()).isEqualTo(StackFixture.PEER_ADDRESS);
        assertThat(frame.ipv4().protocol()).isEqualTo(IpProtocol.UDP);
        UdpRepr datagram = UdpRepr.parse(new UdpPacket(frame.ipv4Payload()), StackFixture.OUR_ADDRESS, StackFixture.PEER_ADDRESS);
        assertThat(datagram).isEqualTo(new UdpRepr(5000, 7, HELLO));
        assertThat(fixture.counter("udp.datagrams-out")).isEqualTo(1);
        assertThat(fixture.snapshot().udpSockets()).containsExactly(new StackSnapshot.UdpSocket(5000, 0, 0, 1));
    }

    @Test
    void sendOverIpv6FromSelectedSource() throws MalformedPacketException {
        Ipv6Fixture fixture = Ipv6Fixture.ready(UdpFrames.DUAL_STACK);
        fixture.learnPeer();
        fixture.stack().udpBind(5000, new RecordingUdpListener());

        fixture.stack().udpSend(5000, Ipv6Fixture.PEER.toInetAddress(), 7, HELLO, errors::add);

        assertThat(errors).isEmpty();
        List<SentFrame> sent = fixture.takeSent();
        assertThat(sent).hasSize(1);
        SentFrame frame = sent.get(0);
        // RFC 6724 rule 2: a link-local destination gets the link-local source.
        assertThat(frame.ipv6().source()).isEqualTo(Ipv6Fixture.OUR_LINK_LOCAL);
        assertThat(frame.ipv6().destination()).isEqualTo(Ipv6Fixture.PEER);
        assertThat(frame.upperLayerProtocol()).isEqualTo(IpProtocol.UDP.value());
        UdpRepr datagram = UdpRepr.parse(new UdpPacket(frame.upperLayer()), Ipv6Fixture.OUR_LINK_LOCAL, Ipv6Fixture.PEER);
        assertThat(datagram).isEqualTo(new UdpRepr(5000, 7, HELLO));
        assertThat(fixture.counter("udp.datagrams-out")).isEqualTo(1);
    }

    @Test
    void sendFromUnboundPortFails() {
        StackFixture fixture = StackFixture.started();

        fixture.stack().udpSend(5000, StackFixture.PEER_ADDRESS.toInetAddress(), 7, HELLO, errors::add);

        assertThat(errors).containsExactly("UDP port 5000 is not bound: bind it before sending from it");
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void sendToPortZeroFails() {
        StackFixture fixture = StackFixture.started();
        fixture.stack().udpBind(5000, new RecordingUdpListener());

        fixture.stack().udpSend(5000, StackFixture.PEER_ADDRESS.toInetAddress(), 0, HELLO, errors::add);

        assertThat(errors).singleElement().asString().contains("destination port 0 is invalid");
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void sendOffLinkWithoutGatewayFails() {
        StackFixture fixture = StackFixture.started();
        fixture.stack().udpBind(5000, new RecordingUdpListener());

        fixture.stack().udpSend(5000, StackFixture.OFF_LINK_ADDRESS.toInetAddress(), 7, HELLO, errors::add);

        assertThat(errors).containsExactly("no route to " + StackFixture.OFF_LINK_ADDRESS);
        assertThat(fixture.takeSent()).isEmpty();
        assertThat(fixture.counter("udp.datagrams-out")).isZero();
    }

    @Test
    void sendOffLinkWithoutRouterFails() {
        Ipv6Fixture fixture = Ipv6Fixture.ready(UdpFrames.DUAL_STACK);
        fixture.stack().udpBind(5000, new RecordingUdpListener());

        fixture.stack().udpSend(5000, Ipv6Fixture.OFF_LINK.toInetAddress(), 7, HELLO, errors::add);

        assertThat(errors).containsExactly("no route to " + Ipv6Fixture.OFF_LINK);
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void sendOverIpv6FailsWhenIpv4Only() {
        StackFixture fixture = StackFixture.started();
        fixture.stack().udpBind(5000, new RecordingUdpListener());

        fixture.stack().udpSend(5000, Ipv6Fixture.PEER.toInetAddress(), 7, HELLO, errors::add);

        assertThat(errors).containsExactly("IPv6 is disabled (--ipv4-only=true)");
    }

    @Test
    void sendOverIpv4FailsWhenIpv6Only() {
        Ipv6Fixture fixture = Ipv6Fixture.ready("--ipv6-only=true", "--accept-router-advertisements=false");
        fixture.stack().udpBind(5000, new RecordingUdpListener());

        fixture.stack().udpSend(5000, StackFixture.PEER_ADDRESS.toInetAddress(), 7, HELLO, errors::add);

        assertThat(errors).containsExactly("IPv4 is disabled (--ipv6-only=true)");
    }

    @Test
    void resolutionFailureReportedLater() {
        StackFixture fixture = StackFixture.started();
        fixture.stack().udpBind(5000, new RecordingUdpListener());

        fixture.stack().udpSend(5000, StackFixture.PEER_ADDRESS.toInetAddress(), 7, HELLO, errors::add);
        assertThat(errors).isEmpty();
        fixture.runUntil(fixture.now() + 10_000_000_000L);

        // Three ARP requests one second apart, then the queued datagram is dropped and the sender told.
        assertThat(errors).singleElement().asString().contains(StackFixture.PEER_ADDRESS.toString());
    }
}
