package io.stackbench.stack.arp;

import static io.stackbench.stack.StackFixture.OTHER_ADDRESS;
import static io.stackbench.stack.StackFixture.OTHER_MAC;
import static io.stackbench.stack.StackFixture.OUR_ADDRESS;
import static io.stackbench.stack.StackFixture.OUR_MAC;
import static io.stackbench.stack.StackFixture.PEER_ADDRESS;
import static io.stackbench.stack.StackFixture.PEER_MAC;
import static io.stackbench.stack.StackFixture.PEER_NEW_MAC;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.Frames;
import io.stackbench.stack.SentFrame;
import io.stackbench.stack.StackFixture;
import io.stackbench.stack.wire.ArpOperation;
import io.stackbench.stack.wire.ArpRepr;
import io.stackbench.stack.wire.EtherType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answering requests and learning senders: RFC 826 "Packet Reception" and RFC 5227 §2.4. */
class ArpRequestTest {

    @Test
    void requestForUsGetsUnicastReply() {
        StackFixture fixture = StackFixture.started();

        fixture.receive(Frames.arpFrame(MacAddress.BROADCAST, Frames.arpRequest(PEER_MAC, PEER_ADDRESS, OUR_ADDRESS)));

        List<SentFrame> sent = fixture.takeSent();
        assertThat(sent).hasSize(1);
        SentFrame reply = sent.get(0);
        assertThat(reply.ethernet().destination()).isEqualTo(PEER_MAC);
        assertThat(reply.ethernet().source()).isEqualTo(OUR_MAC);
        assertThat(reply.ethernet().etherType()).isEqualTo(EtherType.ARP);
        assertThat(reply.arp()).isEqualTo(new ArpRepr(ArpOperation.REPLY, OUR_MAC, OUR_ADDRESS, PEER_MAC, PEER_ADDRESS));
        assertThat(fixture.counter("arp.replies-sent")).isEqualTo(1);
    }

    @Test
    void requestForUsCreatesEntry() {
        StackFixture fixture = StackFixture.started();

        fixture.receive(Frames.arpFrame(MacAddress.BROADCAST, Frames.arpRequest(PEER_MAC, PEER_ADDRESS, OUR_ADDRESS)));

        // RFC 826: the target adds the sender's pair to its table.
        assertThat(fixture.snapshot().neighbors()).containsExactly(
                new StackSnapshot.Neighbor(0, "arp", PEER_ADDRESS.toInetAddress(), PEER_MAC, "REACHABLE", false));
    }

    @Test
    void unicastRequestForUsGetsReply() {
        StackFixture fixture = StackFixture.started();

        fixture.receive(Frames.arpFrame(OUR_MAC, Frames.arpRequest(PEER_MAC, PEER_ADDRESS, OUR_ADDRESS)));

        assertThat(fixture.takeSent()).singleElement()
                .satisfies(reply -> assertThat(reply.arp().operation()).isEqualTo(ArpOperation.REPLY));
    }

    @Test
    void replyToUsCreatesEntry() {
        StackFixture fixture = StackFixture.started();

        fixture.receive(Frames.arpFrame(OUR_MAC, Frames.arpReply(PEER_MAC, PEER_ADDRESS, OUR_MAC, OUR_ADDRESS)));

        assertThat(fixture.arpEntry(PEER_ADDRESS).mac()).isEqualTo(PEER_MAC);
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void requestForOtherHostCreatesNoEntry() {
        StackFixture fixture = StackFixture.started();

        fixture.receive(Frames.arpFrame(MacAddress.BROADCAST, Frames.arpRequest(PEER_MAC, PEER_ADDRESS, OTHER_ADDRESS)));

        // RFC 826: only the target learns a sender it has no entry for.
        assertThat(fixture.snapshot().neighbors()).isEmpty();
        assertThat(fixture.takeSent()).isEmpty();
        assertThat(fixture.counter("rx.arp")).isEqualTo(1);
    }

    @Test
    void gratuitousArpFromUnknownHostCreatesNoEntry() {
        StackFixture fixture = StackFixture.started();

        fixture.receive(Frames.arpFrame(MacAddress.BROADCAST, Frames.arpRequest(PEER_MAC, PEER_ADDRESS, PEER_ADDRESS)));

        assertThat(fixture.snapshot().neighbors()).isEmpty();
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void gratuitousArpMovesExistingEntry() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();

        fixture.receive(Frames.arpFrame(MacAddress.BROADCAST, Frames.arpRequest(PEER_NEW_MAC, PEER_ADDRESS, PEER_ADDRESS)));

        // RFC 826 merge: an existing entry takes the sender's new MAC from any valid packet.
        assertThat(fixture.arpEntry(PEER_ADDRESS).mac()).isEqualTo(PEER_NEW_MAC);
        assertThat(fixture.takeSent()).isEmpty();
        assertThat(fixture.host().events()).anySatisfy(event -> {
            assertThat(event.kind()).isEqualTo("arp.entry-updated");
            assertThat(event.message()).contains(PEER_MAC.toString()).contains(PEER_NEW_MAC.toString());
        });
    }

    @Test
    void gratuitousReplyMovesExistingEntry() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();

        fixture.receive(Frames.arpFrame(MacAddress.BROADCAST,
                Frames.arpReply(PEER_NEW_MAC, PEER_ADDRESS, MacAddress.BROADCAST, PEER_ADDRESS)));

        assertThat(fixture.arpEntry(PEER_ADDRESS).mac()).isEqualTo(PEER_NEW_MAC);
    }

    @Test
    void requestForOtherHostUpdatesExistingEntry() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();

        fixture.receive(Frames.arpFrame(MacAddress.BROADCAST, Frames.arpRequest(PEER_NEW_MAC, PEER_ADDRESS, OTHER_ADDRESS)));

        assertThat(fixture.arpEntry(PEER_ADDRESS).mac()).isEqualTo(PEER_NEW_MAC);
        assertThat(fixture.arpEntry(OTHER_ADDRESS)).isNull();
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void movedEntryIsUsedForLaterPackets() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        fixture.receive(Frames.arpFrame(MacAddress.BROADCAST, Frames.arpRequest(PEER_NEW_MAC, PEER_ADDRESS, PEER_ADDRESS)));

        fixture.ping(PEER_ADDRESS, 1, 1, 8);

        assertThat(fixture.takeSent()).singleElement()
                .satisfies(echo -> assertThat(echo.ethernet().destination()).isEqualTo(PEER_NEW_MAC));
    }

    @Test
    void requestFromOtherHostLeavesPeerEntry() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();

        fixture.receive(Frames.arpFrame(MacAddress.BROADCAST, Frames.arpRequest(OTHER_MAC, OTHER_ADDRESS, PEER_ADDRESS)));

        assertThat(fixture.arpEntry(PEER_ADDRESS).mac()).isEqualTo(PEER_MAC);
        assertThat(fixture.arpEntry(OTHER_ADDRESS)).isNull();
    }

    @Test
    void claimOfOurAddressIsReportedAsConflict() {
        StackFixture fixture = StackFixture.started();

        fixture.receive(Frames.arpFrame(MacAddress.BROADCAST, Frames.arpRequest(OTHER_MAC, OUR_ADDRESS, OUR_ADDRESS)));

        // RFC 5227 §2.4: with conflict detection off by default, the conflict is logged and the address kept.
        assertThat(fixture.counter("arp.conflicts")).isEqualTo(1);
        assertThat(fixture.host().events()).anySatisfy(event -> assertThat(event.kind()).isEqualTo("arp.conflict"));
        assertThat(fixture.snapshot().neighbors()).isEmpty();
        assertThat(fixture.takeSent()).isEmpty();
    }
}
