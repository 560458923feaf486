package io.stackbench.stack.ndp;

import static io.stackbench.stack.Ipv6Fixture.OTHER;
import static io.stackbench.stack.Ipv6Fixture.OTHER_MAC;
import static io.stackbench.stack.Ipv6Fixture.OUR_LINK_LOCAL;
import static io.stackbench.stack.Ipv6Fixture.OUR_MAC;
import static io.stackbench.stack.Ipv6Fixture.PEER;
import static io.stackbench.stack.Ipv6Fixture.PEER_MAC;
import static io.stackbench.stack.Ipv6Fixture.icmpv6Of;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.stack.Ipv6Fixture;
import io.stackbench.stack.RecordingEchoListener;
import io.stackbench.stack.SentFrame;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.NdpOption;
import io.stackbench.stack.wire.NdpOptionType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Duplicate Address Detection (RFC 4862 §5.4) and the defence of addresses in use (RFC 4861 §7.2.4). */
class DuplicateAddressDetectionTest {

    private static final Ipv6Address STATIC = Ipv6Address.parse("2001:db8:0:1::2");
    private static final NdpOption OTHER_NONCE = new NdpOption.Unknown(NdpOptionType.NONCE, new byte[] {1, 2, 3, 4, 5, 6});

    private static Icmpv6Repr.NeighborAdvertisement advertisementFor(Ipv6Address target) {
        return new Icmpv6Repr.NeighborAdvertisement(false, false, true, target, List.of(new NdpOption.TargetLinkLayerAddress(OTHER_MAC)));
    }

    private static Icmpv6Repr.NeighborSolicitation probeFor(Ipv6Address target) {
        return new Icmpv6Repr.NeighborSolicitation(target, List.of(OTHER_NONCE));
    }

    @Test
    void advertisementMakesLinkLocalDuplicate() {
        Ipv6Fixture fixture = Ipv6Fixture.boot();

        fixture.receiveNd(OTHER_MAC, OTHER, Ipv6Address.ALL_NODES, advertisementFor(OUR_LINK_LOCAL));

        // RFC 4862 §5.4.4: a valid NA for a tentative address means it is a duplicate.
        assertThat(fixture.addressState(OUR_LINK_LOCAL)).isEqualTo("DUPLICATE");
        assertThat(fixture.events("ipv6.dad-failed")).singleElement()
                .satisfies(event -> assertThat(event.message()).contains("DUPLICATE").contains(OTHER_MAC.toString()));
        // RFC 4862 §5.4.5: a duplicate link-local address from the interface identifier disables IPv6 there.
        assertThat(fixture.snapshot().ipv6Enabled()).isFalse();
        fixture.takeSent();
        fixture.runUntil(SimTime.seconds(20));
        assertThat(fixture.takeSent()).noneMatch(SentFrame::isIpv6);
    }

    @Test
    void advertisementMakesStaticDuplicateOnly() {
        Ipv6Fixture fixture = Ipv6Fixture.boot("--ipv6=2001:db8:0:1::2/64");

        fixture.receiveNd(OTHER_MAC, OTHER, Ipv6Address.ALL_NODES, advertisementFor(STATIC));

        assertThat(fixture.addressState(STATIC)).isEqualTo("DUPLICATE");
        assertThat(fixture.snapshot().ipv6Enabled()).isTrue();
        fixture.runUntil(Ipv6Fixture.LINK_LOCAL_READY);
        assertThat(fixture.addressState(OUR_LINK_LOCAL)).isEqualTo("PREFERRED");
        assertThat(fixture.addressState(STATIC)).isEqualTo("DUPLICATE");
    }

    @Test
    void otherNodesProbeMakesDuplicate() {
        Ipv6Fixture fixture = Ipv6Fixture.boot();

        // RFC 4862 §5.4.3: an NS from :: for our tentative address is another node doing DAD.
        fixture.receiveNd(OTHER_MAC, Ipv6Address.UNSPECIFIED, OUR_LINK_LOCAL.solicitedNodeMulticast(), probeFor(OUR_LINK_LOCAL));

        assertThat(fixture.addressState(OUR_LINK_LOCAL)).isEqualTo("DUPLICATE");
        assertThat(fixture.events("ipv6.dad-failed")).hasSize(1);
    }

    @Test
    void ownLoopedProbeIsNotDuplicate() {
        Ipv6Fixture fixture = Ipv6Fixture.boot("--accept-router-advertisements=false");
        fixture.runUntil(SimTime.SECOND - 1);
        SentFrame probe = icmpv6Of(fixture.takeSent(), Icmpv6Repr.NeighborSolicitation.class).get(0);

        // As sent: IPv6 frames with our own source MAC are processed, because a second host may
        // share the MAC, and RFC 7527 §4.2 recognises our probe by its nonce.
        fixture.receive(probe.bytes());
        assertThat(fixture.counter("drop.ethernet.own-source")).isZero();
        assertThat(fixture.counter("ndp.dad-own-probe-looped")).isEqualTo(1);
        // Through a device that rewrites the source MAC: the nonce still tells.
        byte[] reflected = probe.bytes().clone();
        OTHER_MAC.write(reflected, 6);
        fixture.receive(reflected);
        assertThat(fixture.counter("ndp.dad-own-probe-looped")).isEqualTo(2);
        assertThat(fixture.addressState(OUR_LINK_LOCAL)).isEqualTo("TENTATIVE");

        fixture.runUntil(probe.time() + SimTime.SECOND);
        assertThat(fixture.addressState(OUR_LINK_LOCAL)).isEqualTo("PREFERRED");
    }

    @Test
    void tentativeAddressIsNeverSource() {
        Ipv6Fixture fixture = Ipv6Fixture.boot("--accept-router-advertisements=false");
        fixture.takeSent();

        RecordingEchoListener listener = fixture.ping(PEER, 7, 1, 8);

        // RFC 4862 §5.4: a tentative address is not a source, and the link-local one is the only address.
        assertThat(listener.errors()).singleElement().satisfies(error -> assertThat(error.reason()).contains("no usable IPv6 source"));
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void tentativeAddressSolicitationIsNotAnswered() {
        Ipv6Fixture fixture = Ipv6Fixture.boot("--accept-router-advertisements=false");
        fixture.takeSent();

        fixture.receiveNd(PEER_MAC, PEER, OUR_LINK_LOCAL.solicitedNodeMulticast(),
                new Icmpv6Repr.NeighborSolicitation(OUR_LINK_LOCAL, List.of(new NdpOption.SourceLinkLayerAddress(PEER_MAC))));

        // RFC 4862 §5.4.3: an NS from a unicast source for a tentative address is silently discarded.
        assertThat(fixture.counter("ndp.ns-for-tentative-ignored")).isEqualTo(1);
        assertThat(fixture.takeSent()).isEmpty();
        assertThat(fixture.neighbor(PEER)).isNull();
        assertThat(fixture.addressState(OUR_LINK_LOCAL)).isEqualTo("TENTATIVE");
    }

    @Test
    void preferredAddressIsDefendedAgainstProbe() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();

        fixture.receiveNd(OTHER_MAC, Ipv6Address.UNSPECIFIED, OUR_LINK_LOCAL.solicitedNodeMulticast(), probeFor(OUR_LINK_LOCAL));

        // RFC 4861 §7.2.4: to a solicitation from ::, the NA goes to all nodes with S=0, and O=1 with TLLA.
        List<SentFrame> advertisements = icmpv6Of(fixture.takeSent(), Icmpv6Repr.NeighborAdvertisement.class);
        assertThat(advertisements).hasSize(1);
        SentFrame frame = advertisements.get(0);
        assertThat(frame.ethernet().destination()).isEqualTo(MacAddress.parse("33:33:00:00:00:01"));
        assertThat(frame.ipv6().source()).isEqualTo(OUR_LINK_LOCAL);
        assertThat(frame.ipv6().destination()).isEqualTo(Ipv6Address.ALL_NODES);
        assertThat(frame.ipv6().hopLimit()).isEqualTo(255);
        Icmpv6Repr.NeighborAdvertisement na = (Icmpv6Repr.NeighborAdvertisement) frame.icmpv6();
        assertThat(na.targetAddress()).isEqualTo(OUR_LINK_LOCAL);
        assertThat(na.solicited()).isFalse();
        assertThat(na.override()).isTrue();
        assertThat(na.router()).isFalse();
        assertThat(na.options()).containsExactly(new NdpOption.TargetLinkLayerAddress(OUR_MAC));
        assertThat(fixture.addressState(OUR_LINK_LOCAL)).isEqualTo("PREFERRED");
    }

    @Test
    void unicastSolicitationGetsSolicitedAdvertisement() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();

        fixture.receiveNd(PEER_MAC, PEER, OUR_LINK_LOCAL.solicitedNodeMulticast(),
                new Icmpv6Repr.NeighborSolicitation(OUR_LINK_LOCAL, List.of(new NdpOption.SourceLinkLayerAddress(PEER_MAC))));

        // RFC 4861 §7.2.4: the NA goes to the solicitation's source with S=1.
        List<SentFrame> advertisements = icmpv6Of(fixture.takeSent(), Icmpv6Repr.NeighborAdvertisement.class);
        assertThat(advertisements).hasSize(1);
        SentFrame frame = advertisements.get(0);
        assertThat(frame.ethernet().destination()).isEqualTo(PEER_MAC);
        assertThat(frame.ipv6().source()).isEqualTo(OUR_LINK_LOCAL);
        assertThat(frame.ipv6().destination()).isEqualTo(PEER);
        assertThat(frame.ipv6().hopLimit()).isEqualTo(255);
        Icmpv6Repr.NeighborAdvertisement na = (Icmpv6Repr.NeighborAdvertisement) frame.icmpv6();
        assertThat(na.solicited()).isTrue();
        assertThat(na.override()).isTrue();
        assertThat(na.options()).containsExactly(new NdpOption.TargetLinkLayerAddress(OUR_MAC));
        // RFC 4861 §7.2.3: the solicitation's SLLA creates a STALE entry.
        assertThat(fixture.neighbor(PEER).mac()).isEqualTo(PEER_MAC);
        assertThat(Arrays.asList("STALE", "DELAY")).contains(fixture.neighborState(PEER));
    }
}
