package io.stackbench.stack.tcp;

import static io.stackbench.stack.tcp.TcpPeer.SECOND;
import static io.stackbench.stack.tcp.TcpPeer.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.stack.wire.TcpRepr;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 5681 and RFC 6582 in the stack: the stack sends 20,000 bytes to a peer whose MSS is 1,000,
 * so SMSS is 1,000 and the initial window four segments, and the peer acknowledges by hand. Times
 * do not move unless a test runs the clock, so every RTT sample is 0 and the RTO stays 1 s.
 */
class TcpCongestionTest {

    private static final int SMSS = 1_000;

    /** Establishes, writes 20,000 bytes and takes the initial window's segments. */
    private static TcpPeer sending() {
        TcpPeer peer = TcpPeer.establishedPassive(SMSS);
        peer.sent();
        peer.connection.write(bytes(20_000));
        return peer;
    }

    private static List<Long> offsets(TcpPeer peer, List<TcpRepr> segments) {
        return segments.stream().map(s -> SequenceNumbers.distance(s.sequenceNumber(), peer.stackSeq(0))).toList();
    }

    /** Acknowledges offset 1,000 and sends duplicates of that ACK until fast retransmit, with offsets up to 8,000 sent. */
    private static TcpPeer afterFastRetransmit() {
        TcpPeer peer = sending();
        peer.sent();
        peer.ack(peer.stackSeq(1_000));
        peer.sent();
        for (int i = 0; i < 3; i++) {
            peer.ack(peer.stackSeq(1_000));
        }
        return peer;
    }

    @Test
    void establishedInitialWindowIsFourSegments() {
        TcpPeer peer = sending();

        List<TcpRepr> sent = peer.sent();

        assertThat(offsets(peer, sent)).containsExactly(0L, 1_000L, 2_000L, 3_000L);
        assertThat(sent).allSatisfy(s -> assertThat(s.payload()).hasSize(SMSS));
        assertThat(peer.socket().cwnd()).isEqualTo(4 * SMSS);
    }

    @Test
    void establishedSlowStartAddsOneSegmentPerAck() {
        TcpPeer peer = sending();
        peer.sent();

        peer.ack(peer.stackSeq(1_000));
        assertThat(peer.socket().cwnd()).isEqualTo(5 * SMSS);
        assertThat(offsets(peer, peer.sent())).containsExactly(4_000L, 5_000L);

        peer.ack(peer.stackSeq(3_000));
        assertThat(peer.socket().cwnd()).isEqualTo(6 * SMSS);
        assertThat(offsets(peer, peer.sent())).containsExactly(6_000L, 7_000L, 8_000L);
    }

    @Test
    void establishedCongestionAvoidanceAddsOneSegmentPerRtt() {
        TcpPeer peer = sending();
        long start = peer.now();
        peer.sent();
        peer.runUntil(start + SECOND);
        // The timeout left ssthresh max(4000 / 2, 2 SMSS) = 2000 and cwnd one segment.
        assertThat(peer.socket().ssthresh()).isEqualTo(2 * SMSS);
        peer.ack(peer.stackSeq(1_000));
        assertThat(peer.socket().cwnd()).isEqualTo(2 * SMSS);
        peer.sent();

        // Congestion avoidance: the cwnd of 2000 bytes must be acknowledged before cwnd grows.
        peer.ack(peer.stackSeq(2_000));
        assertThat(peer.socket().cwnd()).isEqualTo(2 * SMSS);
        peer.ack(peer.stackSeq(3_000));
        assertThat(peer.socket().cwnd()).isEqualTo(3 * SMSS);

        // The next round trip is 3000 bytes.
        peer.ack(peer.stackSeq(4_000));
        peer.ack(peer.stackSeq(5_000));
        assertThat(peer.socket().cwnd()).isEqualTo(3 * SMSS);
        peer.ack(peer.stackSeq(6_000));
        assertThat(peer.socket().cwnd()).isEqualTo(4 * SMSS);
    }

    @Test
    void establishedFirstTwoDuplicatesSendNewData() {
        TcpPeer peer = sending();
        peer.sent();
        peer.ack(peer.stackSeq(1_000));
        assertThat(offsets(peer, peer.sent())).containsExactly(4_000L, 5_000L);

        peer.ack(peer.stackSeq(1_000));
        assertThat(offsets(peer, peer.sent())).containsExactly(6_000L);
        peer.ack(peer.stackSeq(1_000));
        assertThat(offsets(peer, peer.sent())).containsExactly(7_000L);
        assertThat(peer.socket().cwnd()).isEqualTo(5 * SMSS);
    }

    @Test
    void establishedThirdDuplicateAckRetransmits() {
        TcpPeer peer = sending();
        peer.sent();
        peer.ack(peer.stackSeq(1_000));
        peer.ack(peer.stackSeq(1_000));
        peer.ack(peer.stackSeq(1_000));
        peer.sent();

        peer.ack(peer.stackSeq(1_000));

        List<TcpRepr> sent = peer.sent();
        assertThat(offsets(peer, sent)).containsExactly(1_000L);
        assertThat(sent.get(0).payload()).hasSize(SMSS);
        // FlightSize 7000 less the 2000 of Limited Transmit, halved: 2500; cwnd = ssthresh + 3 SMSS.
        assertThat(peer.socket().ssthresh()).isEqualTo(2_500);
        assertThat(peer.socket().cwnd()).isEqualTo(5_500);
        assertThat(peer.socket().fastRetransmits()).isEqualTo(1);
        assertThat(peer.counter("tcp.fast-retransmits")).isEqualTo(1);
        assertThat(peer.events("tcp.congestion")).singleElement().asString().contains("cwnd 5000 -> 5500, ssthresh 2500 after 3 duplicate ACKs");
    }

    @Test
    void establishedRecoveryDuplicatesSendNewData() {
        TcpPeer peer = afterFastRetransmit();
        peer.sent();

        // cwnd 5500 + 3 x 1000 = 8500 against 7000 in flight: one more segment.
        for (int i = 0; i < 3; i++) {
            peer.ack(peer.stackSeq(1_000));
        }

        assertThat(peer.socket().cwnd()).isEqualTo(8_500);
        assertThat(offsets(peer, peer.sent())).containsExactly(8_000L);
    }

    @Test
    void establishedPartialAckRetransmitsNextHole() {
        TcpPeer peer = afterFastRetransmit();
        peer.sent();

        peer.ack(peer.stackSeq(3_000));

        List<TcpRepr> sent = peer.sent();
        assertThat(offsets(peer, sent).get(0)).isEqualTo(3_000L);
        // Deflated by the 2000 bytes acknowledged, one SMSS added back.
        assertThat(peer.socket().cwnd()).isEqualTo(4_500);
        assertThat(peer.socket().retransmissions()).isEqualTo(2);
    }

    @Test
    void establishedFullAckEndsRecovery() {
        TcpPeer peer = afterFastRetransmit();
        peer.ack(peer.stackSeq(3_000));
        peer.sent();

        peer.ack(peer.stackSeq(8_000));

        // min(ssthresh 2500, max(FlightSize, SMSS) + SMSS) with nothing left in flight.
        assertThat(peer.socket().cwnd()).isEqualTo(2 * SMSS);
        assertThat(peer.events("tcp.congestion")).last().asString().contains("ended fast recovery");
        assertThat(offsets(peer, peer.sent())).containsExactly(8_000L, 9_000L);
    }

    @Test
    void establishedTimeoutAfterFastRetransmit() {
        TcpPeer peer = afterFastRetransmit();
        long start = peer.now();
        peer.sent();

        assertThat(peer.runUntil(start + SECOND - 1)).isEmpty();
        List<TcpRepr> sent = peer.runUntil(start + SECOND);

        assertThat(offsets(peer, sent)).containsExactly(1_000L);
        // FlightSize 7000 at the timeout.
        assertThat(peer.socket().ssthresh()).isEqualTo(3_500);
        assertThat(peer.socket().cwnd()).isEqualTo(SMSS);
        assertThat(peer.socket().rto()).isEqualTo(2 * SECOND);
        assertThat(peer.events("tcp.congestion")).last().asString().contains("cwnd 5500 -> 1000, ssthresh 3500 after retransmission timeout");
    }

    @Test
    void establishedTimeoutGoesBackToFirstUnacknowledged() {
        TcpPeer peer = sending();
        long start = peer.now();
        peer.sent();
        peer.runUntil(start + SECOND);

        peer.ack(peer.stackSeq(1_000));

        // Slow start from one segment resends what followed the lost one.
        assertThat(offsets(peer, peer.sent())).containsExactly(1_000L, 2_000L);
        peer.ack(peer.stackSeq(4_000));
        assertThat(offsets(peer, peer.sent())).containsExactly(4_000L, 5_000L, 6_000L);
    }
}
