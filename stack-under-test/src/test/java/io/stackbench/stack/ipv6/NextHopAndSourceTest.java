package io.stackbench.stack.ipv6;

import static io.stackbench.stack.Ipv6Fixture.OFF_LINK;
import static io.stackbench.stack.Ipv6Fixture.OUR_GLOBAL;
import static io.stackbench.stack.Ipv6Fixture.OUR_LINK_LOCAL;
import static io.stackbench.stack.Ipv6Fixture.PEER;
import static io.stackbench.stack.Ipv6Fixture.PEER_GLOBAL;
import static io.stackbench.stack.Ipv6Fixture.PEER_MAC;
import static io.stackbench.stack.Ipv6Fixture.ROUTER_MAC;
import static io.stackbench.stack.Ipv6Fixture.icmpv6Of;
import static io.stackbench.stack.Ipv6Fixture.prefix;
import static io.stackbench.stack.Ipv6Fixture.routerAdvertisement;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.stack.Ipv6Fixture;
import io.stackbench.stack.RecordingEchoListener;
import io.stackbench.stack.SentFrame;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.NdpOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Next-hop determination (RFC 4861 §5.2, RFC 4943) and source address selection (RFC 6724 §5). */
class NextHopAndSourceTest {

    private static final Ipv6Address SECOND_PREFIX = Ipv6Address.parse("2001:db8:0:2::");
    private static final Ipv6Address SECOND_GLOBAL = Ipv6Address.parse("2001:db8:0:2:5054:ff:fe12:3456");

    /** Returns a fixture with a default router whose MAC is known and a PREFERRED address in {@link Ipv6Fixture#PREFIX}. */
    private static Ipv6Fixture withRouterAndGlobal() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        fixture.receiveRouterAdvertisement(routerAdvertisement(1800, new NdpOption.SourceLinkLayerAddress(ROUTER_MAC), prefix(7200, 3600)));
        fixture.runUntil(fixture.now() + SimTime.seconds(2));
        fixture.takeSent();
        assertThat(fixture.addressState(OUR_GLOBAL)).isEqualTo("PREFERRED");
        return fixture;
    }

    private static Icmpv6Repr.NeighborAdvertisement answerFor(Ipv6Address target) {
        return new Icmpv6Repr.NeighborAdvertisement(false, true, true, target, List.of(new NdpOption.TargetLinkLayerAddress(PEER_MAC)));
    }

    @Test
    void offLinkWithoutRouterHasNoRoute() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();

        RecordingEchoListener listener = fixture.ping(OFF_LINK, 3, 1, 8);

        // RFC 4943: with no default router, an off-link destination is not assumed on-link.
        assertThat(listener.errors()).singleElement().satisfies(error -> assertThat(error.reason()).contains("no route"));
        assertThat(fixture.counter("ipv6.no-route")).isEqualTo(1);
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void offLinkGoesToRouterMac() {
        Ipv6Fixture fixture = withRouterAndGlobal();

        fixture.ping(OFF_LINK, 3, 1, 8);

        List<SentFrame> sent = fixture.takeSent();
        assertThat(sent).singleElement().satisfies(frame -> {
            assertThat(frame.ethernet().destination()).isEqualTo(ROUTER_MAC);
            assertThat(frame.ipv6().destination()).isEqualTo(OFF_LINK);
            assertThat(frame.ipv6().source()).isEqualTo(OUR_GLOBAL);
            assertThat(frame.icmpv6()).isInstanceOf(Icmpv6Repr.EchoRequest.class);
        });
    }

    @Test
    void linkLocalDestinationUsesLinkLocalSource() {
        Ipv6Fixture fixture = withRouterAndGlobal();
        fixture.learnPeer();

        fixture.ping(PEER, 3, 1, 8);

        // RFC 6724 §5 rule 2: prefer the source of the destination's scope.
        List<SentFrame> requests = icmpv6Of(fixture.takeSent(), Icmpv6Repr.EchoRequest.class);
        assertThat(requests).singleElement().satisfies(frame -> assertThat(frame.ipv6().source()).isEqualTo(OUR_LINK_LOCAL));
    }

    @Test
    void globalDestinationUsesGlobalSource() {
        Ipv6Fixture fixture = withRouterAndGlobal();

        fixture.ping(PEER_GLOBAL, 3, 1, 8);
        SentFrame solicitation = icmpv6Of(fixture.takeSent(), Icmpv6Repr.NeighborSolicitation.class).get(0);
        fixture.receiveNd(PEER_MAC, PEER_GLOBAL, OUR_GLOBAL, answerFor(PEER_GLOBAL));

        // The on-link prefix makes the peer a neighbour, resolved directly (RFC 4861 §5.2).
        assertThat(solicitation.ipv6().destination()).isEqualTo(PEER_GLOBAL.solicitedNodeMulticast());
        assertThat(solicitation.ipv6().source()).isEqualTo(OUR_GLOBAL);
        List<SentFrame> requests = icmpv6Of(fixture.takeSent(), Icmpv6Repr.EchoRequest.class);
        assertThat(requests).singleElement().satisfies(frame -> {
            assertThat(frame.ipv6().source()).isEqualTo(OUR_GLOBAL);
            assertThat(frame.ethernet().destination()).isEqualTo(PEER_MAC);
        });
    }

    @Test
    void deprecatedSourceAvoided() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        long start = fixture.now();
        fixture.receiveRouterAdvertisement(routerAdvertisement(0, prefix(7200, 60),
                new NdpOption.PrefixInformation(64, true, true, 7200, 3600, SECOND_PREFIX)));
        fixture.runUntil(start + SimTime.seconds(2));
        fixture.receiveNd(PEER_MAC, PEER_GLOBAL, OUR_GLOBAL.solicitedNodeMulticast(),
                new Icmpv6Repr.NeighborSolicitation(OUR_GLOBAL, List.of(new NdpOption.SourceLinkLayerAddress(PEER_MAC))));
        fixture.takeSent();

        // RFC 6724 §5 rule 8: the longest matching prefix wins while both are preferred.
        fixture.ping(PEER_GLOBAL, 3, 1, 8);
        assertThat(icmpv6Of(fixture.takeSent(), Icmpv6Repr.EchoRequest.class)).singleElement()
                .satisfies(frame -> assertThat(frame.ipv6().source()).isEqualTo(OUR_GLOBAL));

        // RFC 6724 §5 rule 3, which comes first: avoid a deprecated address.
        fixture.runUntil(start + SimTime.seconds(60));
        assertThat(fixture.addressState(OUR_GLOBAL)).isEqualTo("DEPRECATED");
        fixture.ping(PEER_GLOBAL, 3, 2, 8);
        // The unanswered probes removed the peer's entry meanwhile, so it is resolved again.
        fixture.receiveNd(PEER_MAC, PEER_GLOBAL, SECOND_GLOBAL, answerFor(PEER_GLOBAL));
        assertThat(icmpv6Of(fixture.takeSent(), Icmpv6Repr.EchoRequest.class)).singleElement()
                .satisfies(frame -> assertThat(frame.ipv6().source()).isEqualTo(SECOND_GLOBAL));
    }
}
