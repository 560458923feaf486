package io.stackbench.stack.arp;

import static io.stackbench.stack.StackFixture.OUR_ADDRESS;
import static io.stackbench.stack.StackFixture.OUR_MAC;
import static io.stackbench.stack.StackFixture.OTHER_ADDRESS;
import static io.stackbench.stack.StackFixture.PEER_ADDRESS;
import static io.stackbench.stack.StackFixture.PEER_MAC;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.stack.Frames;
import io.stackbench.stack.RecordingEchoListener;
import io.stackbench.stack.SentFrame;
import io.stackbench.stack.StackFixture;
import io.stackbench.stack.wire.ArpOperation;
import io.stackbench.stack.wire.ArpRepr;
import io.stackbench.stack.wire.Icmpv4Repr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resolving a next hop: RFC 1122 §2.3.2.1 (at most one request per second per destination) and
 * §2.3.2.2 (queue packets while resolving), with three attempts as the stack's retry limit.
 */
class ArpResolutionTest {

    /** When the tests send their first packet; a time other than 0 shows that deadlines are relative. */
    private static final long T0 = SimTime.millis(5_250);
    private static final long INTERVAL = ArpLayer.RETRANSMIT_INTERVAL_NANOS;

    private static StackFixture startedAtT0() {
        StackFixture fixture = StackFixture.started();
        fixture.runUntil(T0);
        return fixture;
    }

    @Test
    void firstPacketSendsBroadcastRequest() {
        StackFixture fixture = startedAtT0();

        fixture.ping(PEER_ADDRESS, 1, 1, 8);

        List<SentFrame> sent = fixture.takeSent();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).time()).isEqualTo(T0);
        assertThat(sent.get(0).ethernet().destination()).isEqualTo(MacAddress.BROADCAST);
        assertThat(sent.get(0).arp())
                .isEqualTo(new ArpRepr(ArpOperation.REQUEST, OUR_MAC, OUR_ADDRESS, MacAddress.ZERO, PEER_ADDRESS));
        assertThat(fixture.arpEntry(PEER_ADDRESS).state()).isEqualTo("INCOMPLETE");
        assertThat(fixture.arpEntry(PEER_ADDRESS).mac()).isNull();
    }

    @Test
    void requestRepeatsOncePerSecond() {
        StackFixture fixture = startedAtT0();
        fixture.ping(PEER_ADDRESS, 1, 1, 8);
        fixture.takeSent();

        fixture.runUntil(T0 + INTERVAL - 1);
        assertThat(fixture.takeSent()).isEmpty();

        fixture.runUntil(T0 + INTERVAL);
        assertThat(fixture.takeSent()).singleElement().satisfies(request -> {
            assertThat(request.time()).isEqualTo(T0 + INTERVAL);
            assertThat(request.arp().targetProtocolAddress()).isEqualTo(PEER_ADDRESS);
        });

        fixture.runUntil(T0 + 2 * INTERVAL - 1);
        assertThat(fixture.takeSent()).isEmpty();

        fixture.runUntil(T0 + 2 * INTERVAL);
        assertThat(fixture.takeSent()).singleElement()
                .satisfies(request -> assertThat(request.arp().targetProtocolAddress()).isEqualTo(PEER_ADDRESS));
    }

    @Test
    void morePacketsSendNoExtraRequest() {
        StackFixture fixture = startedAtT0();

        fixture.ping(PEER_ADDRESS, 1, 1, 8);
        fixture.runUntil(T0 + INTERVAL / 2);
        fixture.ping(PEER_ADDRESS, 1, 2, 8);
        fixture.ping(PEER_ADDRESS, 1, 3, 8);

        // RFC 1122 §2.3.2.1: no more than one request per second for one destination.
        assertThat(fixture.takeSent()).hasSize(1);
        fixture.runUntil(T0 + INTERVAL - 1);
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void thirdUnansweredRequestEndsResolution() {
        StackFixture fixture = startedAtT0();
        RecordingEchoListener listener = fixture.ping(PEER_ADDRESS, 1, 1, 8);
        fixture.takeSent();

        fixture.runUntil(T0 + 3 * INTERVAL - 1);
        assertThat(fixture.takeSent()).hasSize(2);
        assertThat(listener.errors()).isEmpty();
        assertThat(fixture.arpEntry(PEER_ADDRESS)).isNotNull();

        fixture.runUntil(T0 + 3 * INTERVAL);
        assertThat(listener.errors()).singleElement().satisfies(error -> {
            assertThat(error.sequence()).isEqualTo(1);
            assertThat(error.reason()).contains("address resolution failed for 192.0.2.1");
        });
        assertThat(fixture.takeSent()).isEmpty();
        assertThat(fixture.arpEntry(PEER_ADDRESS)).isNull();
        assertThat(fixture.counter("drop.arp.resolution-failed")).isEqualTo(1);
    }

    @Test
    void failedResolutionSendsNoFourthRequest() {
        StackFixture fixture = startedAtT0();
        fixture.ping(PEER_ADDRESS, 1, 1, 8);

        fixture.runUntil(T0 + SimTime.seconds(60));

        assertThat(fixture.takeSent()).hasSize(3);
    }

    @Test
    void failureIsReportedForEveryQueuedPacket() {
        StackFixture fixture = startedAtT0();
        RecordingEchoListener listener = new RecordingEchoListener();
        for (int sequence = 1; sequence <= 3; sequence++) {
            fixture.stack().sendEchoRequest(PEER_ADDRESS.toInetAddress(), 1, sequence, 8, listener);
        }

        fixture.runUntil(T0 + 3 * INTERVAL);

        assertThat(listener.errors()).extracting(RecordingEchoListener.Error::sequence).containsExactly(1, 2, 3);
        assertThat(fixture.counter("drop.arp.resolution-failed")).isEqualTo(3);
    }

    @Test
    void destinationCanBeResolvedAgainAfterFailure() {
        StackFixture fixture = startedAtT0();
        fixture.ping(PEER_ADDRESS, 1, 1, 8);
        fixture.runUntil(T0 + 3 * INTERVAL);
        fixture.takeSent();

        fixture.ping(PEER_ADDRESS, 1, 2, 8);

        assertThat(fixture.takeSent()).singleElement()
                .satisfies(request -> assertThat(request.arp().targetProtocolAddress()).isEqualTo(PEER_ADDRESS));
    }

    @Test
    void queuedPacketsSentInOrderOnceResolved() {
        StackFixture fixture = startedAtT0();
        RecordingEchoListener listener = new RecordingEchoListener();
        for (int sequence = 1; sequence <= 3; sequence++) {
            fixture.stack().sendEchoRequest(PEER_ADDRESS.toInetAddress(), 7, sequence, 8, listener);
        }
        fixture.takeSent();
        fixture.runUntil(T0 + INTERVAL + SimTime.millis(10));
        fixture.takeSent();

        fixture.receive(Frames.arpFrame(OUR_MAC, Frames.arpReply(PEER_MAC, PEER_ADDRESS, OUR_MAC, OUR_ADDRESS)));

        List<SentFrame> sent = fixture.takeSent();
        assertThat(sent).allSatisfy(frame -> assertThat(frame.ethernet().destination()).isEqualTo(PEER_MAC));
        assertThat(echoSequences(sent)).containsExactly(1, 2, 3);
        assertThat(fixture.arpEntry(PEER_ADDRESS).state()).isEqualTo("REACHABLE");
        assertThat(listener.errors()).isEmpty();
    }

    @Test
    void resolutionStopsRetransmitting() {
        StackFixture fixture = startedAtT0();
        RecordingEchoListener listener = fixture.ping(PEER_ADDRESS, 1, 1, 8);
        fixture.takeSent();
        fixture.receive(Frames.arpFrame(OUR_MAC, Frames.arpReply(PEER_MAC, PEER_ADDRESS, OUR_MAC, OUR_ADDRESS)));
        fixture.takeSent();

        fixture.runUntil(T0 + SimTime.seconds(60));

        assertThat(fixture.takeSent()).isEmpty();
        assertThat(listener.errors()).isEmpty();
    }

    @Test
    void anyValidArpFromTargetResolves() {
        StackFixture fixture = startedAtT0();
        fixture.ping(PEER_ADDRESS, 1, 1, 8);
        fixture.takeSent();

        // RFC 826 merge: the INCOMPLETE entry exists, so even a request for another host fills it.
        fixture.receive(Frames.arpFrame(MacAddress.BROADCAST, Frames.arpRequest(PEER_MAC, PEER_ADDRESS, OTHER_ADDRESS)));

        List<SentFrame> sent = fixture.takeSent();
        assertThat(echoSequences(sent)).containsExactly(1);
        assertThat(sent.get(0).ethernet().destination()).isEqualTo(PEER_MAC);
    }

    @Test
    void resolvedEntryNeedsNoRequest() {
        StackFixture fixture = startedAtT0();
        fixture.learnPeer();

        fixture.ping(PEER_ADDRESS, 1, 1, 8);

        List<SentFrame> sent = fixture.takeSent();
        assertThat(sent).singleElement().satisfies(frame -> assertThat(frame.isIpv4()).isTrue());
    }

    @Test
    void fullQueueDropsOldestPacket() {
        StackFixture fixture = startedAtT0();
        int bound = ArpLayer.MAX_PENDING_PER_DESTINATION;
        List<RecordingEchoListener> listeners = new ArrayList<>();
        for (int sequence = 1; sequence <= bound + 1; sequence++) {
            listeners.add(fixture.ping(PEER_ADDRESS, 1, sequence, 8));
        }

        assertThat(listeners.get(0).errors()).singleElement()
                .satisfies(error -> assertThat(error.reason()).contains("queue full"));
        assertThat(listeners.subList(1, bound + 1)).allSatisfy(listener -> assertThat(listener.errors()).isEmpty());
        assertThat(fixture.counter("drop.arp.queue-full")).isEqualTo(1);

        fixture.takeSent();
        fixture.receive(Frames.arpFrame(OUR_MAC, Frames.arpReply(PEER_MAC, PEER_ADDRESS, OUR_MAC, OUR_ADDRESS)));
        List<Integer> expected = new ArrayList<>();
        for (int sequence = 2; sequence <= bound + 1; sequence++) {
            expected.add(sequence);
        }
        assertThat(echoSequences(fixture.takeSent())).containsExactlyElementsOf(expected);
    }

    private static List<Integer> echoSequences(List<SentFrame> frames) {
        List<Integer> sequences = new ArrayList<>();
        for (SentFrame frame : frames) {
            if (frame.icmpv4() instanceof Icmpv4Repr.EchoRequest request) {
                sequences.add(request.sequenceNumber());
            } else {
                throw new AssertionError("expected an echo request, got " + frame);
            }
        }
        return sequences;
    }
}
