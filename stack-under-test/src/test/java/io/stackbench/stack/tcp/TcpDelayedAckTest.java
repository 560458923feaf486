package io.stackbench.stack.tcp;

import static io.stackbench.stack.tcp.TcpPeer.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.stack.wire.TcpFlags;
import io.stackbench.stack.wire.TcpRepr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 9293 §3.8.6.3 and RFC 5681 §4.2: when the stack acknowledges data from a peer whose MSS is 1,460. */
class TcpDelayedAckTest {

    private static final int MSS = 1_460;

    private static TcpPeer established() {
        TcpPeer peer = TcpPeer.establishedPassive(MSS);
        peer.sent();
        return peer;
    }

    @Test
    void establishedShortSegmentIsAckedAfterDelay() {
        TcpPeer peer = established();
        long start = peer.now();

        peer.sendData(peer.stackSeq(0), bytes(100));

        assertThat(peer.sent()).isEmpty();
        assertThat(peer.runUntil(start + DelayedAck.DELAY - 1)).isEmpty();
        List<TcpRepr> sent = peer.runUntil(start + DelayedAck.DELAY);
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.flags()).isEqualTo(TcpFlags.ACK);
            assertThat(s.acknowledgmentNumber()).isEqualTo(peer.seq);
        });
        assertThat(peer.counter("tcp.delayed-acks")).isEqualTo(1);
    }

    @Test
    void establishedDelayRunsFromFirstUnacknowledgedSegment() {
        TcpPeer peer = established();
        long start = peer.now();
        peer.sendData(peer.stackSeq(0), bytes(100));
        peer.runUntil(start + DelayedAck.DELAY / 2);

        peer.sendData(peer.stackSeq(0), bytes(100));

        assertThat(peer.runUntil(start + DelayedAck.DELAY - 1)).isEmpty();
        List<TcpRepr> sent = peer.runUntil(start + DelayedAck.DELAY);
        assertThat(sent).singleElement().extracting(TcpRepr::acknowledgmentNumber).isEqualTo(peer.seq);
    }

    @Test
    void establishedSecondFullSegmentIsAckedAtOnce() {
        TcpPeer peer = established();

        peer.sendData(peer.stackSeq(0), bytes(MSS));
        assertThat(peer.sent()).isEmpty();
        peer.sendData(peer.stackSeq(0), bytes(MSS));

        List<TcpRepr> sent = peer.sent();
        assertThat(sent).singleElement().extracting(TcpRepr::acknowledgmentNumber).isEqualTo(peer.seq);
        // The ACK settled the timer too.
        assertThat(peer.runUntil(peer.now() + DelayedAck.DELAY)).isEmpty();
    }

    @Test
    void establishedOutOfOrderSegmentIsAckedAtOnce() {
        TcpPeer peer = established();
        long expected = peer.seq;

        peer.send(SequenceNumbers.add(peer.seq, 100), peer.stackSeq(0), TcpFlags.ACK, bytes(100));

        List<TcpRepr> sent = peer.sent();
        assertThat(sent).singleElement().extracting(TcpRepr::acknowledgmentNumber).isEqualTo(expected);
        assertThat(peer.handler.data.size()).isZero();
    }

    @Test
    void establishedSegmentFillingGapIsAckedAtOnce() {
        TcpPeer peer = established();
        peer.send(SequenceNumbers.add(peer.seq, 100), peer.stackSeq(0), TcpFlags.ACK, bytes(100));
        peer.sent();

        peer.send(peer.seq, peer.stackSeq(0), TcpFlags.ACK, bytes(100));

        List<TcpRepr> sent = peer.sent();
        assertThat(sent).singleElement().extracting(TcpRepr::acknowledgmentNumber).isEqualTo(SequenceNumbers.add(peer.seq, 200));
        assertThat(peer.handler.deliveries).containsExactly(100, 100);
    }

    @Test
    void establishedFinIsAckedAtOnce() {
        TcpPeer peer = established();

        peer.send(peer.seq, peer.stackSeq(0), TcpFlags.of(TcpFlags.FIN, TcpFlags.ACK), bytes(10));

        List<TcpRepr> sent = peer.sent();
        assertThat(sent).singleElement().extracting(TcpRepr::acknowledgmentNumber).isEqualTo(SequenceNumbers.add(peer.seq, 11));
        assertThat(peer.connection.state()).isEqualTo("CLOSE-WAIT");
    }

    @Test
    void establishedReplyCarriesTheAck() {
        TcpPeer peer = established();
        peer.handler.echo = true;

        peer.sendData(peer.stackSeq(0), bytes(100));

        List<TcpRepr> sent = peer.sent();
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.payload()).hasSize(100);
            assertThat(s.acknowledgmentNumber()).isEqualTo(peer.seq);
        });
        assertThat(peer.runUntil(peer.now() + DelayedAck.DELAY)).isEmpty();
    }

    @Test
    void closeWaitFinOfHandlerCarriesTheAck() {
        TcpPeer peer = established();
        peer.handler.closeOnRemoteClose = true;

        peer.send(peer.seq, peer.stackSeq(0), TcpFlags.of(TcpFlags.FIN, TcpFlags.ACK), new byte[0]);

        List<TcpRepr> sent = peer.sent();
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.flags()).isEqualTo(TcpFlags.of(TcpFlags.FIN, TcpFlags.ACK));
            assertThat(s.acknowledgmentNumber()).isEqualTo(SequenceNumbers.add(peer.seq, 1));
        });
        assertThat(peer.connection.state()).isEqualTo("LAST-ACK");
    }
}
