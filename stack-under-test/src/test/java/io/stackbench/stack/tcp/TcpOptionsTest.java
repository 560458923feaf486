package io.stackbench.stack.tcp;

import static io.stackbench.stack.tcp.TcpPeer.MILLISECOND;
import static io.stackbench.stack.tcp.TcpPeer.PEER_ISS;
import static io.stackbench.stack.tcp.TcpPeer.PEER_PORT;
import static io.stackbench.stack.tcp.TcpPeer.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.wire.TcpFlags;
import io.stackbench.stack.wire.TcpOption;
import io.stackbench.stack.wire.TcpRepr;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 7323 window scaling and timestamps: negotiation on the SYNs, scaled windows, TS.Recent, RTTM and PAWS. */
class TcpOptionsTest {

    private static final int PEER_SHIFT = 7;

    private static List<TcpOption> synOptions(boolean windowScale, boolean timestamps) {
        List<TcpOption> options = new ArrayList<>(TcpPeer.mss(1_460));
        if (windowScale) {
            options.add(new TcpOption.NoOperation());
            options.add(new TcpOption.WindowScale(PEER_SHIFT));
        }
        if (timestamps) {
            options.add(new TcpOption.NoOperation());
            options.add(new TcpOption.NoOperation());
            options.add(new TcpOption.Timestamps(5_000, 0));
        }
        return options;
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                Arguments.of("both", true, true),
                Arguments.of("window scale only", true, false),
                Arguments.of("timestamps only", false, true),
                Arguments.of("neither", false, false));
    }

    private static boolean hasWindowScale(TcpRepr segment) {
        return segment.options().stream().anyMatch(o -> o instanceof TcpOption.WindowScale);
    }

    @ParameterizedTest(name = "peer SYN with {0}")
    @MethodSource("matrix")
    void listenSynAckAnswersOnlyWhatSynOffered(String name, boolean windowScale, boolean timestamps) {
        TcpPeer peer = TcpPeer.synToListener(synOptions(windowScale, timestamps), new byte[0], TcpFlags.SYN);

        TcpRepr synAck = peer.sent().get(0);

        assertThat(hasWindowScale(synAck)).isEqualTo(windowScale);
        assertThat(TcpPeer.timestampsOf(synAck) != null).isEqualTo(timestamps);
        if (windowScale) {
            assertThat(synAck.options()).contains(new TcpOption.WindowScale(SynOptions.RECEIVE_SHIFT));
        }
        if (timestamps) {
            assertThat(TcpPeer.timestampsOf(synAck).echoReply()).isEqualTo(5_000);
        }
        // RFC 7323 §2.2: the window of a SYN is never scaled.
        assertThat(synAck.window()).isEqualTo(0xffff);
    }

    @ParameterizedTest(name = "peer SYN with {0}")
    @MethodSource("matrix")
    void establishedPassiveUsesWhatBothSent(String name, boolean windowScale, boolean timestamps) {
        TcpPeer peer = TcpPeer.establishedPassive(synOptions(windowScale, timestamps));

        StackSnapshot.TcpSocket socket = peer.socket();

        assertThat(socket.sndWndShift()).isEqualTo(windowScale ? PEER_SHIFT : -1);
        assertThat(socket.rcvWndShift()).isEqualTo(windowScale ? SynOptions.RECEIVE_SHIFT : -1);
        assertThat(socket.timestamps()).isEqualTo(timestamps);
        assertThat(socket.rcvWnd()).isEqualTo(windowScale ? SynOptions.RECEIVE_BUFFER : 0xffff);
        // The ACK that completed the handshake is not a SYN, so its window 65535 is scaled.
        assertThat(socket.sndWnd()).isEqualTo(windowScale ? 0xffffL << PEER_SHIFT : 0xffff);
    }

    @ParameterizedTest(name = "SYN-ACK with {0}")
    @MethodSource("matrix")
    void synSentUsesWhatBothSent(String name, boolean windowScale, boolean timestamps) {
        TcpPeer peer = TcpPeer.activeOpen();
        TcpRepr syn = peer.sent().get(0);
        assertThat(syn.options()).contains(new TcpOption.MaximumSegmentSize(1_460), new TcpOption.WindowScale(SynOptions.RECEIVE_SHIFT));
        assertThat(TcpPeer.timestampsOf(syn).echoReply()).isZero();
        peer.stackIss = syn.sequenceNumber();

        peer.sendRaw(new TcpRepr(PEER_PORT, peer.connection.localPort(), PEER_ISS, peer.stackSeq(0), TcpFlags.of(TcpFlags.SYN, TcpFlags.ACK),
                0xffff, 0, synOptions(windowScale, timestamps), new byte[0]));

        assertThat(peer.connection.state()).isEqualTo("ESTABLISHED");
        StackSnapshot.TcpSocket socket = peer.socket();
        assertThat(socket.sndWndShift()).isEqualTo(windowScale ? PEER_SHIFT : -1);
        assertThat(socket.timestamps()).isEqualTo(timestamps);
        // The SYN-ACK's window is not scaled.
        assertThat(socket.sndWnd()).isEqualTo(0xffff);
        TcpRepr ack = peer.sent().get(0);
        assertThat(TcpPeer.timestampsOf(ack) != null).isEqualTo(timestamps);
        assertThat(ack.window()).isEqualTo(windowScale ? SynOptions.RECEIVE_BUFFER >> SynOptions.RECEIVE_SHIFT : 0xffff);
    }

    @Test
    void establishedPeerWindowIsScaled() {
        TcpPeer peer = TcpPeer.establishedPassive(synOptions(true, false));
        peer.window = 100;

        peer.ack(peer.stackSeq(0));

        assertThat(peer.socket().sndWnd()).isEqualTo(100L << PEER_SHIFT);
    }

    @Test
    void establishedShiftAboveFourteenCountsAsFourteen() {
        List<TcpOption> options = List.of(new TcpOption.MaximumSegmentSize(1_460), new TcpOption.NoOperation(), new TcpOption.WindowScale(15));
        TcpPeer peer = TcpPeer.establishedPassive(options);

        assertThat(peer.socket().sndWndShift()).isEqualTo(14);
        assertThat(peer.events("tcp.options")).singleElement().asString().contains("shift 15 exceeds 14");
    }

    @Test
    void establishedEverySegmentEchoesTsRecent() {
        TcpPeer peer = TcpPeer.establishedPassive(synOptions(true, true));
        peer.sent();
        peer.tsVal = 6_000;
        peer.handler.echo = true;

        peer.sendData(peer.stackSeq(0), bytes(10));

        TcpRepr reply = peer.sent().get(0);
        assertThat(TcpPeer.timestampsOf(reply)).isNotNull();
        assertThat(TcpPeer.timestampsOf(reply).echoReply()).isEqualTo(6_000);
        assertThat(reply.headerLength()).isEqualTo(32);
    }

    @Test
    void establishedTimestampClockTicksInMilliseconds() {
        TcpPeer peer = TcpPeer.establishedPassive(synOptions(false, true));
        peer.connection.write(bytes(1));
        long first = TcpPeer.timestampsOf(peer.sent().get(0)).value();
        peer.ack(peer.stackSeq(1));

        peer.runUntil(peer.now() + 250 * MILLISECOND);
        peer.connection.write(bytes(1));

        long second = TcpPeer.timestampsOf(peer.sent().get(0)).value();
        assertThat(SequenceNumbers.distance(second, first)).isEqualTo(250);
    }

    @Test
    void establishedRttComesFromTsecr() {
        TcpPeer peer = TcpPeer.establishedPassive(synOptions(false, true));
        peer.sent();
        peer.connection.write(bytes(100));
        peer.sent();

        peer.runUntil(peer.now() + 200 * MILLISECOND);
        peer.ack(peer.stackSeq(100));

        // The handshake's sample was 0, so SRTT = 0 + (200 ms - 0) / 8.
        assertThat(peer.socket().srtt()).isEqualTo(25 * MILLISECOND);
    }

    @Test
    void establishedDelayedAckEchoesOldestUnacknowledgedTsval() {
        TcpPeer peer = TcpPeer.establishedPassive(synOptions(false, true));
        peer.sent();
        long start = peer.now();
        peer.tsVal = 6_000;
        peer.sendData(peer.stackSeq(0), bytes(10));
        peer.tsVal = 7_000;
        peer.sendData(peer.stackSeq(0), bytes(10));

        List<TcpRepr> sent = peer.runUntil(start + DelayedAck.DELAY);

        // RFC 7323 §4.3: the second segment lies beyond Last.ACK.sent, so TS.Recent keeps the first TSval.
        assertThat(sent).singleElement().satisfies(s -> assertThat(TcpPeer.timestampsOf(s).echoReply()).isEqualTo(6_000));
    }

    @Test
    void establishedOldTsvalIsDroppedByPaws() {
        TcpPeer peer = TcpPeer.establishedPassive(synOptions(false, true));
        peer.sent();
        peer.tsVal = 4_000;

        peer.sendData(peer.stackSeq(0), bytes(10));

        assertThat(peer.handler.data.size()).isZero();
        assertThat(peer.counter("drop.tcp.paws")).isEqualTo(1);
        // RFC 7323 §5.3 R1: the rejected segment gets an ACK for RCV.NXT.
        assertThat(peer.sent()).singleElement().extracting(TcpRepr::acknowledgmentNumber).isEqualTo(SequenceNumbers.add(PEER_ISS, 1));
    }

    @Test
    void establishedPawsLetsResetThrough() {
        TcpPeer peer = TcpPeer.establishedPassive(synOptions(false, true));
        peer.tsVal = 4_000;

        peer.send(peer.seq, 0, TcpFlags.RST, new byte[0]);

        assertThat(peer.handler.closed).containsExactly("connection reset");
    }

    @Test
    void establishedSegmentWithoutTimestampsIsDropped() {
        TcpPeer peer = TcpPeer.establishedPassive(synOptions(false, true));
        peer.sent();
        peer.timestamps = false;

        peer.sendData(peer.stackSeq(0), bytes(10));

        assertThat(peer.handler.data.size()).isZero();
        assertThat(peer.counter("drop.tcp.missing-timestamp")).isEqualTo(1);
        assertThat(peer.sent()).isEmpty();
    }
}
