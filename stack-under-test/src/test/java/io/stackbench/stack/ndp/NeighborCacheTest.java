package io.stackbench.stack.ndp;

import static io.stackbench.stack.Ipv6Fixture.OUR_LINK_LOCAL;
import static io.stackbench.stack.Ipv6Fixture.OUR_MAC;
import static io.stackbench.stack.Ipv6Fixture.PEER;
import static io.stackbench.stack.Ipv6Fixture.PEER_MAC;
import static io.stackbench.stack.Ipv6Fixture.icmpv6Of;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.spi.StackEvent;
import io.stackbench.stack.Ipv6Fixture;
import io.stackbench.stack.RecordingEchoListener;
import io.stackbench.stack.SentFrame;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.NdpOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The neighbour cache states and transitions of RFC 4861 §7.2 and §7.3. */
class NeighborCacheTest {

    private static Icmpv6Repr.NeighborAdvertisement solicitedAdvertisement(boolean withTargetLinkLayer) {
        List<NdpOption> options = withTargetLinkLayer ? List.of(new NdpOption.TargetLinkLayerAddress(PEER_MAC)) : List.of();
        return new Icmpv6Repr.NeighborAdvertisement(false, true, true, PEER, options);
    }

    private static List<SentFrame> solicitations(List<SentFrame> frames) {
        return icmpv6Of(frames, Icmpv6Repr.NeighborSolicitation.class);
    }

    @Test
    void solicitedAdvertisementCompletesResolution() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();

        fixture.ping(PEER, 9, 1, 8);
        fixture.ping(PEER, 9, 2, 8);
        fixture.ping(PEER, 9, 3, 8);

        // RFC 4861 §7.2.2: one multicast NS with SLLA to the target's solicited-node group, and the packets wait.
        assertThat(fixture.neighborState(PEER)).isEqualTo("INCOMPLETE");
        List<SentFrame> sent = fixture.takeSent();
        assertThat(sent).hasSize(1);
        SentFrame ns = sent.get(0);
        assertThat(ns.ipv6().destination()).isEqualTo(PEER.solicitedNodeMulticast());
        assertThat(ns.ipv6().source()).isEqualTo(OUR_LINK_LOCAL);
        assertThat(((Icmpv6Repr.NeighborSolicitation) ns.icmpv6()).targetAddress()).isEqualTo(PEER);
        assertThat(((Icmpv6Repr.NeighborSolicitation) ns.icmpv6()).options()).containsExactly(new NdpOption.SourceLinkLayerAddress(OUR_MAC));

        fixture.receiveNd(PEER_MAC, PEER, OUR_LINK_LOCAL, solicitedAdvertisement(true));

        // RFC 4861 §7.2.5: a solicited NA with TLLA makes the entry REACHABLE and the queue goes out in order.
        assertThat(fixture.neighborState(PEER)).isEqualTo("REACHABLE");
        assertThat(fixture.neighbor(PEER).mac()).isEqualTo(PEER_MAC);
        List<SentFrame> requests = icmpv6Of(fixture.takeSent(), Icmpv6Repr.EchoRequest.class);
        assertThat(requests).extracting(frame -> ((Icmpv6Repr.EchoRequest) frame.icmpv6()).sequenceNumber()).containsExactly(1, 2, 3);
        assertThat(requests).allSatisfy(frame -> assertThat(frame.ethernet().destination()).isEqualTo(PEER_MAC));
    }

    @Test
    void advertisementWithoutTargetLinkLayerIgnoredWhenIncomplete() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        fixture.ping(PEER, 9, 1, 8);
        fixture.takeSent();

        fixture.receiveNd(PEER_MAC, PEER, OUR_LINK_LOCAL, solicitedAdvertisement(false));

        // RFC 4861 §7.2.5: with the entry INCOMPLETE and no TLLA, the NA is silently discarded.
        assertThat(fixture.counter("ndp.na-without-tlla-ignored")).isEqualTo(1);
        assertThat(fixture.neighborState(PEER)).isEqualTo("INCOMPLETE");
        assertThat(icmpv6Of(fixture.takeSent(), Icmpv6Repr.EchoRequest.class)).isEmpty();
    }

    @Test
    void reachableTimeIsRandomAndExact() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        fixture.ping(PEER, 9, 1, 8);
        fixture.receiveNd(PEER_MAC, PEER, OUR_LINK_LOCAL, solicitedAdvertisement(true));
        long reachableAt = fixture.now();

        fixture.runUntil(reachableAt + SimTime.seconds(60));
        long reachableTime = staleAt(fixture) - reachableAt;

        // RFC 4861 §6.3.2: ReachableTime is REACHABLE_TIME (30 s) times a uniform factor in [0.5, 1.5).
        assertThat(reachableTime).isBetween(SimTime.seconds(15), SimTime.seconds(45) - 1);

        // RFC 4861 §7.2.5: a solicited NA without TLLA confirms a STALE entry, then a REACHABLE one.
        fixture.receiveNd(PEER_MAC, PEER, OUR_LINK_LOCAL, solicitedAdvertisement(false));
        assertThat(fixture.neighborState(PEER)).isEqualTo("REACHABLE");
        long confirmed = fixture.now() + SimTime.seconds(10);
        fixture.runUntil(confirmed);
        fixture.receiveNd(PEER_MAC, PEER, OUR_LINK_LOCAL, solicitedAdvertisement(false));

        fixture.runUntil(confirmed + reachableTime - 1);
        assertThat(fixture.neighborState(PEER)).isEqualTo("REACHABLE");
        fixture.runUntil(confirmed + reachableTime);
        assertThat(fixture.neighborState(PEER)).isEqualTo("STALE");
        assertThat(fixture.neighbor(PEER).mac()).isEqualTo(PEER_MAC);
    }

    /** Returns the time of the first REACHABLE -> STALE event of the peer. */
    private static long staleAt(Ipv6Fixture fixture) {
        for (StackEvent event : fixture.events("ndp.neighbor")) {
            if (event.message().startsWith(PEER + " REACHABLE -> STALE")) {
                return event.time();
            }
        }
        throw new AssertionError("no REACHABLE -> STALE event for " + PEER + ": " + fixture.events("ndp.neighbor"));
    }

    @Test
    void staleEntryProbedThenRemoved() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        // A resolved entry becomes STALE within 45 s, the maximum ReachableTime.
        fixture.ping(PEER, 9, 0, 8);
        fixture.receiveNd(PEER_MAC, PEER, OUR_LINK_LOCAL, solicitedAdvertisement(true));
        fixture.runUntil(fixture.now() + SimTime.seconds(45));
        fixture.takeSent();
        assertThat(fixture.neighborState(PEER)).isEqualTo("STALE");
        long sentAt = fixture.now();

        fixture.ping(PEER, 9, 1, 8);

        // RFC 4861 §7.3.3: a packet to a STALE entry goes out at once and the entry enters DELAY.
        assertThat(icmpv6Of(fixture.takeSent(), Icmpv6Repr.EchoRequest.class)).hasSize(1);
        assertThat(fixture.neighborState(PEER)).isEqualTo("DELAY");

        // DELAY_FIRST_PROBE_TIME (5 s) later: PROBE and a unicast NS.
        long probeAt = sentAt + SimTime.seconds(5);
        fixture.runUntil(probeAt - 1);
        assertThat(fixture.neighborState(PEER)).isEqualTo("DELAY");
        assertThat(solicitations(fixture.takeSent())).isEmpty();
        fixture.runUntil(probeAt);
        assertThat(fixture.neighborState(PEER)).isEqualTo("PROBE");

        // MAX_UNICAST_SOLICIT (3) probes RetransTimer (1 s) apart, to the cached MAC.
        fixture.runUntil(probeAt + SimTime.seconds(3) - 1);
        List<SentFrame> probes = solicitations(fixture.takeSent());
        assertThat(probes).extracting(SentFrame::time)
                .containsExactly(probeAt, probeAt + SimTime.seconds(1), probeAt + SimTime.seconds(2));
        assertThat(probes).allSatisfy(probe -> {
            assertThat(probe.ethernet().destination()).isEqualTo(PEER_MAC);
            assertThat(probe.ipv6().destination()).isEqualTo(PEER);
        });
        assertThat(fixture.neighborState(PEER)).isEqualTo("PROBE");

        // With no answer RetransTimer after the last probe, the entry is removed.
        fixture.runUntil(probeAt + SimTime.seconds(3));
        assertThat(fixture.neighbor(PEER)).isNull();
    }

    @Test
    void resolutionGivesUpAfterThreeSolicitations() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        long start = fixture.now();

        RecordingEchoListener listener = fixture.ping(PEER, 9, 5, 8);

        // RFC 4861 §7.2.2: MAX_MULTICAST_SOLICIT (3) NS RetransTimer apart, then the queued packets are dropped.
        fixture.runUntil(start + SimTime.seconds(3) - 1);
        assertThat(solicitations(fixture.takeSent())).extracting(SentFrame::time)
                .containsExactly(start, start + SimTime.seconds(1), start + SimTime.seconds(2));
        assertThat(fixture.neighborState(PEER)).isEqualTo("INCOMPLETE");
        assertThat(listener.errors()).isEmpty();

        fixture.runUntil(start + SimTime.seconds(3));
        assertThat(fixture.neighbor(PEER)).isNull();
        assertThat(fixture.counter("drop.ndp.resolution-failed")).isEqualTo(1);
        assertThat(listener.errors()).singleElement().satisfies(error -> {
            assertThat(error.sequence()).isEqualTo(5);
            assertThat(error.reason()).contains("address resolution failed");
        });
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void solicitationForOtherTargetCreatesNoEntry() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        Ipv6Address other = Ipv6Address.parse("fe80::99");

        fixture.receiveNd(PEER_MAC, PEER, other.solicitedNodeMulticast(),
                new Icmpv6Repr.NeighborSolicitation(other, List.of(new NdpOption.SourceLinkLayerAddress(PEER_MAC))));

        // RFC 4861 §7.2.3: only an NS whose target is ours creates or updates an entry.
        assertThat(fixture.neighbor(PEER)).isNull();
        assertThat(fixture.takeSent()).isEmpty();
    }
}
