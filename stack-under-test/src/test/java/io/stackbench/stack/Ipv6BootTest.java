package io.stackbench.stack;

import static io.stackbench.stack.Ipv6Fixture.OUR_LINK_LOCAL;
import static io.stackbench.stack.Ipv6Fixture.OUR_MAC;
import static io.stackbench.stack.Ipv6Fixture.PEER;
import static io.stackbench.stack.Ipv6Fixture.PEER_MAC;
import static io.stackbench.stack.Ipv6Fixture.icmpv6Of;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.MulticastAddressRecord;
import io.stackbench.stack.wire.NdpOption;
import io.stackbench.stack.wire.NdpOptionType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IPv6 at boot: the link-local address, its MLD report and DAD probe, and the options that turn IPv6 parts off. */
class Ipv6BootTest {

    private static final Ipv6Address STATIC = Ipv6Address.parse("2001:db8:0:1::2");

    @Test
    void linkLocalIsModifiedEui64OfMac() {
        Ipv6Fixture fixture = Ipv6Fixture.boot();

        // RFC 4862 §5.3 and RFC 4291 appendix A: fe80::/64 plus the MAC with the U/L bit flipped and ff:fe inserted.
        assertThat(Ipv6Address.fromEui64(Ipv6Address.LINK_LOCAL_PREFIX, MacAddress.parse("52:54:00:12:34:56"))).isEqualTo(OUR_LINK_LOCAL);
        assertThat(fixture.addressState(OUR_LINK_LOCAL)).isEqualTo("TENTATIVE");
        assertThat(fixture.address(OUR_LINK_LOCAL).origin()).isEqualTo("link-local");
        assertThat(fixture.address(OUR_LINK_LOCAL).prefixLength()).isEqualTo(64);
    }

    @Test
    void firstIpv6FrameIsMldReportFromUnspecified() {
        Ipv6Fixture fixture = Ipv6Fixture.boot();

        SentFrame report = fixture.takeSent().stream().filter(SentFrame::isIpv6).findFirst().orElseThrow();

        // RFC 3810 §5.2.13: a report before the link-local address is usable comes from ::.
        assertThat(report.time()).isZero();
        assertThat(report.ethernet().destination()).isEqualTo(MacAddress.parse("33:33:00:00:00:16"));
        assertThat(report.ipv6().source()).isEqualTo(Ipv6Address.UNSPECIFIED);
        assertThat(report.ipv6().destination()).isEqualTo(Ipv6Address.ALL_MLDV2_ROUTERS);
        // RFC 3810 §5: hop limit 1 and a Router Alert option.
        assertThat(report.ipv6().hopLimit()).isEqualTo(1);
        assertThat(report.hasRouterAlert()).isTrue();
        Icmpv6Repr.Mldv2Report message = (Icmpv6Repr.Mldv2Report) report.icmpv6();
        assertThat(message.records()).extracting(MulticastAddressRecord::multicastAddress)
                .containsExactly(OUR_LINK_LOCAL.solicitedNodeMulticast());
        assertThat(message.records()).extracting(MulticastAddressRecord::recordType)
                .containsExactly(MulticastAddressRecord.CHANGE_TO_EXCLUDE_MODE);
    }

    @Test
    void dadProbeFromUnspecifiedWithinFirstSecond() {
        Ipv6Fixture fixture = Ipv6Fixture.boot("--accept-router-advertisements=false");

        fixture.runUntil(SimTime.SECOND - 1);
        List<SentFrame> probes = icmpv6Of(fixture.takeSent(), Icmpv6Repr.NeighborSolicitation.class);

        // RFC 4862 §5.4.2: one NS after a random delay in [0, MAX_RTR_SOLICITATION_DELAY), from ::
        // to the solicited-node group, without a source link-layer address option.
        assertThat(probes).hasSize(1);
        SentFrame probe = probes.get(0);
        assertThat(probe.time()).isBetween(0L, SimTime.SECOND - 1);
        assertThat(probe.ethernet().destination()).isEqualTo(MacAddress.parse("33:33:ff:12:34:56"));
        assertThat(probe.ipv6().source()).isEqualTo(Ipv6Address.UNSPECIFIED);
        assertThat(probe.ipv6().destination()).isEqualTo(Ipv6Address.parse("ff02::1:ff12:3456"));
        assertThat(probe.ipv6().hopLimit()).isEqualTo(255);
        Icmpv6Repr.NeighborSolicitation ns = (Icmpv6Repr.NeighborSolicitation) probe.icmpv6();
        assertThat(ns.targetAddress()).isEqualTo(OUR_LINK_LOCAL);
        assertThat(ns.options()).noneMatch(option -> option instanceof NdpOption.SourceLinkLayerAddress);
        // RFC 7527 §4.1: a nonce so that our own probe looped back is recognised.
        assertThat(ns.options()).anyMatch(option -> option.type().equals(NdpOptionType.NONCE));
    }

    @Test
    void linkLocalPreferredExactlyRetransTimerAfterProbe() {
        Ipv6Fixture fixture = Ipv6Fixture.boot("--accept-router-advertisements=false");
        fixture.runUntil(SimTime.SECOND - 1);
        long probeTime = icmpv6Of(fixture.takeSent(), Icmpv6Repr.NeighborSolicitation.class).get(0).time();

        // RFC 4862 §5.4.3: with no reply for RetransTimer (1 s), the address stops being tentative.
        fixture.runUntil(probeTime + SimTime.SECOND - 1);
        assertThat(fixture.addressState(OUR_LINK_LOCAL)).isEqualTo("TENTATIVE");
        fixture.runUntil(probeTime + SimTime.SECOND);
        assertThat(fixture.addressState(OUR_LINK_LOCAL)).isEqualTo("PREFERRED");
        assertThat(fixture.events("ipv6.dad-succeeded")).hasSize(1);
    }

    @Test
    void ipv4OnlySendsAndAcceptsNoIpv6() {
        Ipv6Fixture fixture = Ipv6Fixture.boot("--ipv4-only=true");
        fixture.runUntil(SimTime.seconds(20));

        assertThat(fixture.takeSent()).noneMatch(SentFrame::isIpv6);

        byte[] echo = Ipv6Fixture.icmpv6(PEER, OUR_LINK_LOCAL, new Icmpv6Repr.EchoRequest(1, 1, new byte[8]));
        fixture.receive(Frames.paddedEthernet(OUR_MAC, PEER_MAC, EtherType.IPV6,
                Ipv6Fixture.ipv6(PEER, OUR_LINK_LOCAL, IpProtocol.ICMPV6.value(), 64, echo)));
        assertThat(fixture.counter("drop.ipv6.disabled")).isEqualTo(1);
        assertThat(fixture.takeSent()).isEmpty();
        assertThat(fixture.snapshot().ipv6Enabled()).isFalse();

        RecordingEchoListener listener = fixture.ping(PEER, 1, 1, 8);
        assertThat(listener.errors()).singleElement().satisfies(error -> assertThat(error.reason()).contains("IPv6 is disabled"));
    }

    @Test
    void advertisementsOffSendsNoSolicitation() {
        Ipv6Fixture fixture = Ipv6Fixture.boot("--accept-router-advertisements=false");
        fixture.runUntil(SimTime.seconds(20));

        assertThat(icmpv6Of(fixture.takeSent(), Icmpv6Repr.RouterSolicitation.class)).isEmpty();

        fixture.receiveRouterAdvertisement(new Icmpv6Repr.RouterAdvertisement(99, false, false, 1800, 0, 0,
                List.of(Ipv6Fixture.prefix(7200, 3600), new NdpOption.Mtu(1400))));
        assertThat(fixture.counter("ndp.ra-ignored")).isEqualTo(1);
        assertThat(fixture.snapshot().defaultRouters()).isEmpty();
        assertThat(fixture.snapshot().prefixes()).isEmpty();
        assertThat(fixture.snapshot().hopLimit()).isEqualTo(64);
        assertThat(fixture.snapshot().linkMtu()).isEqualTo(Ipv6Fixture.MTU);
        assertThat(fixture.address(Ipv6Fixture.OUR_GLOBAL)).isNull();
    }

    @Test
    void staticAddressRunsDad() {
        Ipv6Fixture fixture = Ipv6Fixture.boot("--ipv6=2001:db8:0:1::2/64", "--accept-router-advertisements=false");

        assertThat(fixture.addressState(STATIC)).isEqualTo("TENTATIVE");
        assertThat(fixture.address(STATIC).origin()).isEqualTo("static");

        fixture.runUntil(SimTime.SECOND - 1);
        List<SentFrame> probes = icmpv6Of(fixture.takeSent(), Icmpv6Repr.NeighborSolicitation.class);
        SentFrame probe = probes.stream()
                .filter(frame -> ((Icmpv6Repr.NeighborSolicitation) frame.icmpv6()).targetAddress().equals(STATIC)).findFirst().orElseThrow();
        assertThat(probe.ipv6().source()).isEqualTo(Ipv6Address.UNSPECIFIED);
        assertThat(probe.ipv6().destination()).isEqualTo(STATIC.solicitedNodeMulticast());

        fixture.runUntil(probe.time() + SimTime.SECOND - 1);
        assertThat(fixture.addressState(STATIC)).isEqualTo("TENTATIVE");
        fixture.runUntil(probe.time() + SimTime.SECOND);
        assertThat(fixture.addressState(STATIC)).isEqualTo("PREFERRED");
    }
}
