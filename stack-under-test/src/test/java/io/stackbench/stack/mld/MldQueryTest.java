package io.stackbench.stack.mld;

import static io.stackbench.stack.Ipv6Fixture.OUR_LINK_LOCAL;
import static io.stackbench.stack.Ipv6Fixture.ROUTER;
import static io.stackbench.stack.Ipv6Fixture.ROUTER_MAC;
import static io.stackbench.stack.Ipv6Fixture.icmpv6Of;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.stack.Ipv6Fixture;
import io.stackbench.stack.SentFrame;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.MulticastAddressRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reports sent in response to MLDv2 queries (RFC 3810 §6.2, §5.1.14). */
class MldQueryTest {

    /** A general query with Maximum Response Code 1000 (1000 ms). */
    private static final Icmpv6Repr.Mldv2Query GENERAL_QUERY = new Icmpv6Repr.Mldv2Query(1000, Ipv6Address.UNSPECIFIED, false, 2, 125, List.of());

    @Test
    void generalQueryAnsweredWithinDelay() {
        Ipv6Fixture fixture = Ipv6Fixture.ready("--accept-router-advertisements=false");
        long start = fixture.now();

        fixture.receiveIcmpv6(ROUTER_MAC, ROUTER, Ipv6Address.ALL_NODES, 1, GENERAL_QUERY);

        // RFC 3810 §6.2: a current-state report after a random delay below the Maximum Response Delay.
        fixture.runUntil(start + SimTime.SECOND - 1);
        List<SentFrame> reports = icmpv6Of(fixture.takeSent(), Icmpv6Repr.Mldv2Report.class);
        assertThat(reports).singleElement().satisfies(frame -> {
            assertThat(frame.time()).isBetween(start, start + SimTime.SECOND - 1);
            assertThat(frame.ipv6().source()).isEqualTo(OUR_LINK_LOCAL);
            assertThat(frame.ipv6().destination()).isEqualTo(Ipv6Address.ALL_MLDV2_ROUTERS);
            assertThat(frame.ipv6().hopLimit()).isEqualTo(1);
            assertThat(frame.hasRouterAlert()).isTrue();
            Icmpv6Repr.Mldv2Report report = (Icmpv6Repr.Mldv2Report) frame.icmpv6();
            // Every joined group but all-nodes (RFC 3810 §6), as MODE_IS_EXCLUDE with no sources.
            assertThat(report.records()).extracting(MulticastAddressRecord::multicastAddress)
                    .containsExactly(OUR_LINK_LOCAL.solicitedNodeMulticast());
            assertThat(report.records()).extracting(MulticastAddressRecord::recordType)
                    .containsExactly(MulticastAddressRecord.MODE_IS_EXCLUDE);
        });
    }

    @Test
    void queryFromGlobalSourceIgnored() {
        Ipv6Fixture fixture = Ipv6Fixture.ready("--accept-router-advertisements=false");

        fixture.receiveIcmpv6(ROUTER_MAC, Ipv6Address.parse("2001:db8::fe"), Ipv6Address.ALL_NODES, 1, GENERAL_QUERY);
        fixture.runUntil(fixture.now() + SimTime.seconds(5));

        // RFC 3810 §5.1.14: a query whose source is not link-local is silently ignored.
        assertThat(fixture.counter("drop.mld.query-source-not-link-local")).isEqualTo(1);
        assertThat(icmpv6Of(fixture.takeSent(), Icmpv6Repr.Mldv2Report.class)).isEmpty();
    }
}
