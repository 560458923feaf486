package io.stackbench.stack.tcp;

import static io.stackbench.stack.tcp.TcpPeer.SECOND;
import static io.stackbench.stack.tcp.TcpPeer.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.stack.wire.TcpFlags;
import io.stackbench.stack.wire.TcpRepr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5961 §5.2 ACK acceptability and the §7 throttle on challenge ACKs. */
class TcpChallengeAckTest {

    private static TcpPeer established() {
        TcpPeer peer = TcpPeer.establishedPassive(1_000);
        peer.sent();
        return peer;
    }

    /** Sends a RST inside the window but not at RCV.NXT, which gets a challenge ACK by RFC 5961 §3.2. */
    private static void blindReset(TcpPeer peer) {
        peer.send(SequenceNumbers.add(peer.seq, 100), 0, TcpFlags.RST, new byte[0]);
    }

    @Test
    void establishedChallengeAcksStopAtLimit() {
        TcpPeer peer = established();

        for (int i = 0; i < ChallengeAckLimiter.LIMIT + 1; i++) {
            blindReset(peer);
        }

        assertThat(peer.sent()).hasSize(ChallengeAckLimiter.LIMIT);
        assertThat(peer.counter("tcp.challenge-acks")).isEqualTo(ChallengeAckLimiter.LIMIT);
        assertThat(peer.counter("tcp.challenge-acks-throttled")).isEqualTo(1);
        assertThat(peer.connection.state()).isEqualTo("ESTABLISHED");
    }

    @Test
    void establishedThrottleOpensAfterOneSecond() {
        TcpPeer peer = established();
        long start = peer.now();
        for (int i = 0; i < ChallengeAckLimiter.LIMIT; i++) {
            blindReset(peer);
        }
        peer.sent();

        peer.runUntil(start + SECOND - 1);
        blindReset(peer);
        assertThat(peer.sent()).isEmpty();

        peer.runUntil(start + SECOND);
        blindReset(peer);
        assertThat(peer.sent()).hasSize(1);
        assertThat(peer.counter("tcp.challenge-acks-throttled")).isEqualTo(1);
    }

    @Test
    void establishedThrottleSparesOrdinaryAcks() {
        TcpPeer peer = established();
        for (int i = 0; i < ChallengeAckLimiter.LIMIT; i++) {
            blindReset(peer);
        }
        peer.sent();

        // A segment below the window is not acceptable and gets its ACK while the throttle has no challenge ACK left.
        peer.send(SequenceNumbers.add(peer.seq, -100), peer.stackSeq(0), TcpFlags.ACK, bytes(10));

        assertThat(peer.sent()).hasSize(1);
    }

    @Test
    void establishedAckBelowMaxWindowIsChallenged() {
        TcpPeer peer = established();
        peer.connection.write(bytes(100));
        peer.ack(peer.stackSeq(100));
        peer.sent();

        // SND.UNA - MAX.SND.WND - 1: older than any window the peer offered.
        long tooOld = SequenceNumbers.add(peer.stackSeq(100), -0x10000);
        peer.sendData(tooOld, bytes(10));

        List<TcpRepr> sent = peer.sent();
        assertThat(sent).singleElement().extracting(TcpRepr::acknowledgmentNumber).isEqualTo(SequenceNumbers.add(TcpPeer.PEER_ISS, 1));
        assertThat(peer.handler.data.size()).isZero();
        assertThat(peer.counter("drop.tcp.ack-too-old")).isEqualTo(1);
        assertThat(peer.counter("tcp.challenge-acks")).isEqualTo(1);
    }

    @Test
    void establishedOldAckInsideMaxWindowIsAccepted() {
        TcpPeer peer = established();
        peer.connection.write(bytes(100));
        peer.ack(peer.stackSeq(100));
        peer.sent();

        peer.sendData(peer.stackSeq(50), bytes(10));

        assertThat(peer.handler.data.size()).isEqualTo(10);
        assertThat(peer.socket().sndUna()).isEqualTo(peer.stackSeq(100));
    }

    @Test
    void establishedAckOfUnsentDataIsChallenged() {
        TcpPeer peer = established();

        peer.sendData(peer.stackSeq(10), bytes(10));

        assertThat(peer.sent()).hasSize(1);
        assertThat(peer.handler.data.size()).isZero();
        assertThat(peer.counter("drop.tcp.ack-of-unsent-data")).isEqualTo(1);
    }
}
