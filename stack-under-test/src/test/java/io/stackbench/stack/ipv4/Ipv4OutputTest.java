package io.stackbench.stack.ipv4;

import static io.stackbench.stack.StackFixture.GATEWAY_ADDRESS;
import static io.stackbench.stack.StackFixture.GATEWAY_ARGUMENT;
import static io.stackbench.stack.StackFixture.GATEWAY_MAC;
import static io.stackbench.stack.StackFixture.OFF_LINK_ADDRESS;
import static io.stackbench.stack.StackFixture.OUR_ADDRESS;
import static io.stackbench.stack.StackFixture.OUR_IPV4_ARGUMENT;
import static io.stackbench.stack.StackFixture.OUR_MAC;
import static io.stackbench.stack.StackFixture.PEER_ADDRESS;
import static io.stackbench.stack.StackFixture.PEER_MAC;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.stack.Frames;
import io.stackbench.stack.RecordingEchoListener;
import io.stackbench.stack.SentFrame;
import io.stackbench.stack.StackFixture;
import io.stackbench.stack.wire.Icmpv4Repr;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv4Address;
import io.stackbench.stack.wire.Ipv4Repr;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Headers and next hops of the datagrams the host sends. */
class Ipv4OutputTest {

    @Test
    void pingHasTtl64() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();

        fixture.ping(PEER_ADDRESS, 1, 1, 8);

        // RFC 1122 §3.2.1.7 with the value RFC 1700 recommends; MirageOS 3.10 used 38.
        Ipv4Repr header = fixture.takeSent().get(0).ipv4();
        assertThat(header.timeToLive()).isEqualTo(64);
        assertThat(header.source()).isEqualTo(OUR_ADDRESS);
        assertThat(header.destination()).isEqualTo(PEER_ADDRESS);
        assertThat(header.protocol()).isEqualTo(IpProtocol.ICMP);
    }

    @Test
    void echoReplyHasTtl64() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        byte[] echo = Frames.icmpv4(new Icmpv4Repr.EchoRequest(1, 1, new byte[8]));
        byte[] datagram = Frames.ipv4(PEER_ADDRESS, OUR_ADDRESS, IpProtocol.ICMP, echo);
        datagram[8] = 1;

        fixture.receive(Frames.ipv4Frame(OUR_MAC, PEER_MAC, Frames.withFixedChecksum(datagram)));

        // The request arrived with TTL 1; the reply still starts at 64.
        assertThat(fixture.takeSent().get(0).ipv4().timeToLive()).isEqualTo(64);
    }

    @Test
    void sentDatagramsAreNotFragments() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();

        fixture.ping(PEER_ADDRESS, 1, 1, 8);

        Ipv4Repr header = fixture.takeSent().get(0).ipv4();
        assertThat(header.moreFragments()).isFalse();
        assertThat(header.fragmentOffset()).isZero();
        assertThat(header.payloadLength()).isEqualTo(16);
    }

    @Test
    void offLinkWithoutGatewayFailsWithNoRoute() {
        StackFixture fixture = StackFixture.started();

        RecordingEchoListener listener = fixture.ping(OFF_LINK_ADDRESS, 1, 1, 8);
        fixture.runUntil(SimTime.seconds(10));

        assertThat(listener.errors()).singleElement().satisfies(error -> {
            assertThat(error.sequence()).isEqualTo(1);
            assertThat(error.reason()).contains("no route").contains("198.51.100.7");
        });
        assertThat(fixture.takeSent()).isEmpty();
        assertThat(fixture.counter("ipv4.no-route")).isEqualTo(1);
    }

    @Test
    void offLinkGoesToGatewayMac() {
        StackFixture fixture = StackFixture.start(OUR_IPV4_ARGUMENT, GATEWAY_ARGUMENT);

        RecordingEchoListener listener = fixture.ping(OFF_LINK_ADDRESS, 1, 1, 8);

        // The next hop, not the final destination, is resolved.
        assertThat(fixture.takeSent()).singleElement()
                .satisfies(request -> assertThat(request.arp().targetProtocolAddress()).isEqualTo(GATEWAY_ADDRESS));

        fixture.receive(Frames.arpFrame(OUR_MAC, Frames.arpReply(GATEWAY_MAC, GATEWAY_ADDRESS, OUR_MAC, OUR_ADDRESS)));

        List<SentFrame> sent = fixture.takeSent();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).ethernet().destination()).isEqualTo(GATEWAY_MAC);
        assertThat(sent.get(0).ipv4().destination()).isEqualTo(OFF_LINK_ADDRESS);
        assertThat(listener.errors()).isEmpty();
    }

    @Test
    void onLinkBypassesGateway() {
        StackFixture fixture = StackFixture.start(OUR_IPV4_ARGUMENT, GATEWAY_ARGUMENT);

        fixture.ping(PEER_ADDRESS, 1, 1, 8);

        assertThat(fixture.takeSent()).singleElement()
                .satisfies(request -> assertThat(request.arp().targetProtocolAddress()).isEqualTo(PEER_ADDRESS));
    }

    @Test
    void gatewayAppearsInRoutes() {
        StackFixture fixture = StackFixture.start(OUR_IPV4_ARGUMENT, GATEWAY_ARGUMENT);

        assertThat(fixture.snapshot().routes()).anySatisfy(route -> {
            assertThat(route.prefixLength()).isZero();
            assertThat(route.gateway()).isEqualTo(GATEWAY_ADDRESS.toInetAddress());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.255", "255.255.255.255"})
    void broadcastNeedsNoResolution(String destination) {
        StackFixture fixture = StackFixture.started();

        fixture.ping(Ipv4Address.parse(destination), 1, 1, 8);

        List<SentFrame> sent = fixture.takeSent();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).ethernet().destination()).isEqualTo(MacAddress.BROADCAST);
        assertThat(sent.get(0).ipv4().destination()).isEqualTo(Ipv4Address.parse(destination));
    }
}
