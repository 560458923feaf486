package io.stackbench.stack.ndp;

import static io.stackbench.stack.Ipv6Fixture.OUR_GLOBAL;
import static io.stackbench.stack.Ipv6Fixture.OUR_LINK_LOCAL;
import static io.stackbench.stack.Ipv6Fixture.OUR_MAC;
import static io.stackbench.stack.Ipv6Fixture.PEER;
import static io.stackbench.stack.Ipv6Fixture.PEER_MAC;
import static io.stackbench.stack.Ipv6Fixture.PREFIX;
import static io.stackbench.stack.Ipv6Fixture.ROUTER;
import static io.stackbench.stack.Ipv6Fixture.ROUTER_MAC;
import static io.stackbench.stack.Ipv6Fixture.icmpv6Of;
import static io.stackbench.stack.Ipv6Fixture.prefix;
import static io.stackbench.stack.Ipv6Fixture.routerAdvertisement;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.Ipv6Fixture;
import io.stackbench.stack.SentFrame;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.NdpOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Router solicitation (RFC 4861 §6.3.7), Router Advertisement processing (§6.3.4) and SLAAC (RFC 4862 §5.5). */
class RouterDiscoveryTest {

    private static final long HOUR = SimTime.seconds(3600);

    private static List<SentFrame> solicitations(List<SentFrame> frames) {
        return icmpv6Of(frames, Icmpv6Repr.RouterSolicitation.class);
    }

    @Test
    void threeSolicitationsFourSecondsApart() {
        Ipv6Fixture fixture = Ipv6Fixture.boot();
        fixture.runUntil(SimTime.seconds(30));
        List<SentFrame> sent = solicitations(fixture.takeSent());

        // RFC 4861 §6.3.7: MAX_RTR_SOLICITATIONS (3), the first within MAX_RTR_SOLICITATION_DELAY, then RTR_SOLICITATION_INTERVAL (4 s).
        assertThat(sent).hasSize(3);
        long first = sent.get(0).time();
        assertThat(first).isBetween(0L, SimTime.SECOND - 1);
        assertThat(sent.get(1).time()).isEqualTo(first + SimTime.seconds(4));
        assertThat(sent.get(2).time()).isEqualTo(first + SimTime.seconds(8));
        for (SentFrame frame : sent) {
            assertThat(frame.ipv6().destination()).isEqualTo(Ipv6Address.ALL_ROUTERS);
            assertThat(frame.ipv6().hopLimit()).isEqualTo(255);
        }
        // The first goes before DAD of the link-local address ends: from :: and without SLLA (RFC 4861 §4.1).
        assertThat(sent.get(0).ipv6().source()).isEqualTo(Ipv6Address.UNSPECIFIED);
        assertThat(((Icmpv6Repr.RouterSolicitation) sent.get(0).icmpv6()).options()).isEmpty();
        // Later ones come from the preferred link-local address with SLLA.
        assertThat(sent.get(1).ipv6().source()).isEqualTo(OUR_LINK_LOCAL);
        assertThat(((Icmpv6Repr.RouterSolicitation) sent.get(1).icmpv6()).options())
                .containsExactly(new NdpOption.SourceLinkLayerAddress(OUR_MAC));
    }

    @Test
    void secondSolicitationAtExactInterval() {
        Ipv6Fixture fixture = Ipv6Fixture.boot();
        fixture.runUntil(SimTime.SECOND - 1);
        long first = solicitations(fixture.takeSent()).get(0).time();

        fixture.runUntil(first + SimTime.seconds(4) - 1);
        assertThat(solicitations(fixture.takeSent())).isEmpty();
        fixture.runUntil(first + SimTime.seconds(4));
        assertThat(solicitations(fixture.takeSent())).hasSize(1);
    }

    @Test
    void validAdvertisementStopsSolicitations() {
        Ipv6Fixture fixture = Ipv6Fixture.boot();
        fixture.runUntil(SimTime.SECOND - 1);
        assertThat(solicitations(fixture.takeSent())).hasSize(1);

        fixture.receiveRouterAdvertisement(routerAdvertisement(1800));
        fixture.runUntil(SimTime.seconds(30));

        assertThat(solicitations(fixture.takeSent())).isEmpty();
    }

    @Test
    void routerLifetimeZeroRemovesRouter() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        fixture.receiveRouterAdvertisement(routerAdvertisement(1800, new NdpOption.SourceLinkLayerAddress(ROUTER_MAC)));
        assertThat(fixture.snapshot().defaultRouters()).extracting(StackSnapshot.Router::address).containsExactly(ROUTER.toInetAddress());

        fixture.receiveRouterAdvertisement(routerAdvertisement(0));

        // RFC 4861 §6.3.4: a Router Lifetime of 0 times the router out at once.
        assertThat(fixture.snapshot().defaultRouters()).isEmpty();
        assertThat(fixture.events("ndp.router-removed")).hasSize(1);
        assertThat(fixture.neighbor(ROUTER).router()).isFalse();
    }

    @Test
    void routerExpiresAtLifetimeInSeconds() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        long start = fixture.now();

        fixture.receiveRouterAdvertisement(routerAdvertisement(10));

        // RFC 4861 §4.2: Router Lifetime is in seconds.
        assertThat(fixture.snapshot().defaultRouters()).singleElement()
                .satisfies(router -> assertThat(router.expiresAt()).isEqualTo(start + SimTime.seconds(10)));
        fixture.runUntil(start + SimTime.seconds(10) - 1);
        assertThat(fixture.snapshot().defaultRouters()).hasSize(1);
        fixture.runUntil(start + SimTime.seconds(10));
        assertThat(fixture.snapshot().defaultRouters()).isEmpty();
    }

    @Test
    void curHopLimitAppliesToLaterPackets() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        fixture.learnPeer();

        fixture.receiveRouterAdvertisement(new Icmpv6Repr.RouterAdvertisement(100, false, false, 0, 0, 0, List.of()));
        fixture.receiveIcmpv6(PEER_MAC, PEER, OUR_LINK_LOCAL, 64, new Icmpv6Repr.EchoRequest(1, 1, new byte[8]));

        // RFC 4861 §6.3.4: a non-zero Cur Hop Limit becomes the default hop limit of sent packets.
        assertThat(fixture.snapshot().hopLimit()).isEqualTo(100);
        List<SentFrame> replies = icmpv6Of(fixture.takeSent(), Icmpv6Repr.EchoReply.class);
        assertThat(replies).singleElement().satisfies(reply -> assertThat(reply.ipv6().hopLimit()).isEqualTo(100));
    }

    @ParameterizedTest(name = "MTU option {0} gives link MTU {1}")
    @CsvSource({"1279, 1500", "1280, 1280", "1400, 1400", "1500, 1500", "1501, 1500", "9000, 1500"})
    void mtuOptionWithinBounds(long advertised, int expected) {
        Ipv6Fixture fixture = Ipv6Fixture.ready();

        fixture.receiveRouterAdvertisement(routerAdvertisement(0, new NdpOption.Mtu(advertised)));

        // RFC 4861 §6.3.4: an MTU below 1280 or above the link's maximum is ignored.
        assertThat(fixture.snapshot().linkMtu()).isEqualTo(expected);
        boolean ignored = advertised < 1280 || advertised > Ipv6Fixture.MTU;
        assertThat(fixture.counter("ndp.mtu-option-ignored")).isEqualTo(ignored ? 1 : 0);
    }

    @Test
    void onLinkFlagAddsPrefix() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        long start = fixture.now();

        fixture.receiveRouterAdvertisement(routerAdvertisement(0, new NdpOption.PrefixInformation(64, true, false, 7200, 3600, PREFIX)));

        // RFC 4861 §6.3.4: L=1 puts the prefix on the prefix list for its valid lifetime.
        assertThat(fixture.snapshot().prefixes()).singleElement().satisfies(prefix -> {
            assertThat(prefix.prefix()).isEqualTo(PREFIX.toInetAddress());
            assertThat(prefix.prefixLength()).isEqualTo(64);
            assertThat(prefix.validUntil()).isEqualTo(start + SimTime.seconds(7200));
        });
        // A=0: no address.
        assertThat(fixture.address(OUR_GLOBAL)).isNull();
    }

    @Test
    void prefixLengthNot64NotAutoconfigured() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        int addressesBefore = fixture.snapshot().addresses().size();

        fixture.receiveRouterAdvertisement(routerAdvertisement(0, new NdpOption.PrefixInformation(56, false, true, 7200, 3600, PREFIX)));

        // RFC 4862 §5.5.3 d): the prefix plus the 64-bit interface identifier must make 128 bits.
        assertThat(fixture.counter("ndp.prefix-length-not-64")).isEqualTo(1);
        assertThat(fixture.snapshot().addresses()).hasSize(addressesBefore);
        assertThat(fixture.address(OUR_GLOBAL)).isNull();
    }

    @Test
    void prefixLengthAbove128Dropped() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();

        fixture.receiveRouterAdvertisement(routerAdvertisement(0, new NdpOption.PrefixInformation(192, true, true, 7200, 3600, PREFIX)));

        // RFC 4861 §4.6.2: Prefix Length is an integer from 0 to 128.
        assertThat(fixture.counter("drop.ndp.prefix-length-above-128")).isEqualTo(1);
        assertThat(fixture.counter("drop.internal-error")).isZero();
        assertThat(fixture.snapshot().prefixes()).isEmpty();
    }

    @Test
    void preferredAboveValidIgnored() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();

        fixture.receiveRouterAdvertisement(routerAdvertisement(0, prefix(3600, 7200)));

        // RFC 4862 §5.5.3 c): a preferred lifetime above the valid lifetime makes the option ignored.
        assertThat(fixture.counter("ndp.prefix-preferred-above-valid")).isEqualTo(1);
        assertThat(fixture.address(OUR_GLOBAL)).isNull();
    }

    @Test
    void newAddressTakesAdvertisedLifetimes() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        long start = fixture.now();

        fixture.receiveRouterAdvertisement(routerAdvertisement(0, prefix(7200, 3600)));

        // RFC 4862 §5.5.3 d): prefix plus interface identifier, TENTATIVE, with the advertised lifetimes.
        StackSnapshot.Address address = fixture.address(OUR_GLOBAL);
        assertThat(address.state()).isEqualTo("TENTATIVE");
        assertThat(address.origin()).isEqualTo("slaac");
        assertThat(address.preferredUntil()).isEqualTo(start + SimTime.seconds(3600));
        assertThat(address.validUntil()).isEqualTo(start + SimTime.seconds(7200));
        fixture.runUntil(start + SimTime.seconds(2));
        assertThat(fixture.addressState(OUR_GLOBAL)).isEqualTo("PREFERRED");
    }

    /**
     * RFC 4862 §5.5.3 e): an advertised valid lifetime above two hours or above the remaining one
     * is taken; otherwise a remaining lifetime of at most two hours stays, and a longer one is cut to two hours.
     */
    @ParameterizedTest(name = "remaining {0}s, advertised {1}s -> {2}")
    @CsvSource({
        "3600, 10800, advertised",
        "3600, 5400, advertised",
        "3600, 60, unchanged",
        "7200, 3600, unchanged",
        "36000, 60, two hours",
        "36000, 7200, two hours"})
    void twoHourRule(long initialSeconds, long advertisedSeconds, String outcome) {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        long start = fixture.now();
        fixture.receiveRouterAdvertisement(routerAdvertisement(0, prefix(initialSeconds, initialSeconds)));
        long later = start + SimTime.seconds(10);
        fixture.runUntil(later);

        fixture.receiveRouterAdvertisement(routerAdvertisement(0, prefix(advertisedSeconds, advertisedSeconds)));

        long expected = switch (outcome) {
            case "advertised" -> later + SimTime.seconds(advertisedSeconds);
            case "unchanged" -> start + SimTime.seconds(initialSeconds);
            default -> later + 2 * HOUR;
        };
        assertThat(fixture.address(OUR_GLOBAL).validUntil()).isEqualTo(expected);
        // The preferred lifetime is always reset to the advertised one.
        assertThat(fixture.address(OUR_GLOBAL).preferredUntil()).isEqualTo(later + SimTime.seconds(advertisedSeconds));
    }

    @Test
    void deprecatedAddressRevivedByAdvertisement() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        long start = fixture.now();
        fixture.receiveRouterAdvertisement(routerAdvertisement(0, prefix(7200, 60)));

        // RFC 4862 §5.5.4: the address is deprecated when its preferred lifetime ends.
        fixture.runUntil(start + SimTime.seconds(60) - 1);
        assertThat(fixture.addressState(OUR_GLOBAL)).isEqualTo("PREFERRED");
        fixture.runUntil(start + SimTime.seconds(60));
        assertThat(fixture.addressState(OUR_GLOBAL)).isEqualTo("DEPRECATED");

        fixture.receiveRouterAdvertisement(routerAdvertisement(0, prefix(7200, 3600)));
        assertThat(fixture.addressState(OUR_GLOBAL)).isEqualTo("PREFERRED");
    }

    @Test
    void validLifetimeExpiryRemovesAddress() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        long start = fixture.now();
        fixture.receiveRouterAdvertisement(routerAdvertisement(0, prefix(120, 60)));

        // RFC 4862 §5.5.4: the address is removed when its valid lifetime ends.
        fixture.runUntil(start + SimTime.seconds(120) - 1);
        assertThat(fixture.addressState(OUR_GLOBAL)).isEqualTo("DEPRECATED");
        fixture.runUntil(start + SimTime.seconds(120));
        assertThat(fixture.address(OUR_GLOBAL)).isNull();
        assertThat(fixture.events("ipv6.address-removed")).hasSize(1);
    }
}
