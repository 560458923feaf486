package io.stackbench.stack.tcp;

import static io.stackbench.stack.tcp.TcpPeer.SECOND;
import static io.stackbench.stack.tcp.TcpPeer.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.stack.wire.TcpFlags;
import io.stackbench.stack.wire.TcpRepr;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The persist timer and zero-window probes (RFC 9293 §3.8.6.1, RFC 1122 §4.2.2.17) and window
 * updates (RFC 9293 §3.10.7.4): the peer, MSS 1,000, closes its window and the stack has data.
 */
class TcpPersistTest {

    /** Establishes, closes the peer's window and writes {@code length} bytes, which then wait. */
    private static TcpPeer zeroWindow(int length) {
        TcpPeer peer = TcpPeer.establishedPassive(1_000);
        peer.sent();
        peer.window = 0;
        peer.ack(peer.stackSeq(0));
        peer.connection.write(bytes(length));
        return peer;
    }

    @Test
    void establishedZeroWindowProbesWithBackoff() {
        TcpPeer peer = zeroWindow(10);
        long start = peer.now();
        assertThat(peer.sent()).isEmpty();

        long deadline = start;
        for (long interval : new long[] {1, 2, 4, 8}) {
            deadline += interval * SECOND;
            assertThat(peer.runUntil(deadline - 1)).isEmpty();
            List<TcpRepr> probe = peer.runUntil(deadline);
            assertThat(probe).singleElement().satisfies(s -> {
                assertThat(s.sequenceNumber()).isEqualTo(peer.stackSeq(0));
                assertThat(s.payload()).hasSize(1);
            });
            peer.ack(peer.stackSeq(0));
        }
        assertThat(peer.counter("tcp.zero-window-probes")).isEqualTo(4);
        assertThat(peer.socket().zeroWindowProbes()).isEqualTo(4);
        assertThat(peer.counter("tcp.retransmissions")).isZero();
    }

    @Test
    void establishedAnsweredProbesNeverClose() {
        TcpPeer peer = zeroWindow(10);

        for (int i = 0; i < 30; i++) {
            peer.runUntil(peer.now() + 60 * SECOND);
            peer.ack(peer.stackSeq(0));
        }

        assertThat(peer.connection.state()).isEqualTo("ESTABLISHED");
        assertThat(peer.counter("tcp.zero-window-probes")).isGreaterThan(Connection.MAX_RETRANSMISSIONS + 1);
    }

    @Test
    void establishedUnansweredProbesTimeOut() {
        TcpPeer peer = zeroWindow(10);
        long start = peer.now();

        // Probes at 1, 3, 7, 15, 31, 63, 123 and 183 s; the next timeout, at 243 s, gives up.
        peer.runUntil(start + 243 * SECOND - 1);
        assertThat(peer.connection.state()).isEqualTo("ESTABLISHED");
        assertThat(peer.counter("tcp.zero-window-probes")).isEqualTo(8);
        peer.runUntil(start + 243 * SECOND);

        assertThat(peer.handler.closed).containsExactly("timed out");
    }

    @Test
    void establishedAcceptedProbeMovesSndUna() {
        TcpPeer peer = zeroWindow(10);
        peer.runUntil(peer.now() + SECOND);

        peer.ack(peer.stackSeq(1));

        assertThat(peer.socket().sndUna()).isEqualTo(peer.stackSeq(1));
        List<TcpRepr> next = peer.runUntil(peer.now() + SECOND);
        assertThat(next).singleElement().extracting(TcpRepr::sequenceNumber).isEqualTo(peer.stackSeq(1));
    }

    @Test
    void establishedWindowUpdateResumesSending() {
        TcpPeer peer = zeroWindow(2_500);
        long start = peer.now();

        peer.window = 0xffff;
        peer.ack(peer.stackSeq(0));

        assertThat(peer.sent()).extracting(s -> s.payload().length).containsExactly(1_000, 1_000, 500);
        // The persist timer stopped; the retransmission timer runs for the data.
        assertThat(peer.runUntil(start + SECOND - 1)).isEmpty();
        assertThat(peer.counter("tcp.zero-window-probes")).isZero();
    }

    @Test
    void establishedOlderSegmentKeepsWindow() {
        TcpPeer peer = TcpPeer.establishedPassive(1_000);
        peer.sent();
        long earlier = peer.seq;
        peer.sendData(peer.stackSeq(0), bytes(10));
        peer.window = 0;
        peer.sendData(peer.stackSeq(0), bytes(10));

        // A segment from before the last window update, SEG.SEQ < SND.WL1, arrives late with a wide
        // window and 10 new bytes at its end, so it passes the acceptability test.
        peer.window = 0xffff;
        peer.send(earlier, peer.stackSeq(0), TcpFlags.ACK, bytes(30));

        assertThat(peer.handler.data.size()).isEqualTo(30);
        assertThat(peer.socket().sndWnd()).isZero();
    }

    @Test
    void establishedSmallWindowWaitsForOverrideTimeout() {
        TcpPeer peer = TcpPeer.establishedPassive(1_000);
        peer.sent();
        peer.window = 5;
        peer.ack(peer.stackSeq(0));
        long start = peer.now();

        peer.connection.write(bytes(10));

        // RFC 9293 §3.8.6.2.1: 5 bytes are neither all the data nor half the largest window offered.
        assertThat(peer.sent()).isEmpty();
        assertThat(peer.runUntil(start + SECOND - 1)).isEmpty();
        List<TcpRepr> sent = peer.runUntil(start + SECOND);
        assertThat(sent).singleElement().satisfies(s -> assertThat(s.payload()).hasSize(5));
    }
}
