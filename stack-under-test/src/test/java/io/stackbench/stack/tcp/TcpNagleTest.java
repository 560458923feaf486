package io.stackbench.stack.tcp;

import static io.stackbench.stack.tcp.TcpPeer.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.stack.wire.TcpFlags;
import io.stackbench.stack.wire.TcpRepr;
import org.junit.jupiter.api.Test;

/**
 * Nagle's algorithm (RFC 9293 §3.7.4) in Minshall's variant, on by default and off per connection,
 * with a peer whose MSS is 1,000.
 */
class TcpNagleTest {

    private static TcpPeer established() {
        TcpPeer peer = TcpPeer.establishedPassive(1_000);
        peer.sent();
        return peer;
    }

    @Test
    void establishedShortWriteWaitsWhileDataIsUnacknowledged() {
        TcpPeer peer = established();
        peer.connection.write(bytes(10));
        assertThat(peer.sent()).hasSize(1);

        peer.connection.write(bytes(10));
        peer.connection.write(bytes(10));
        assertThat(peer.sent()).isEmpty();

        peer.ack(peer.stackSeq(10));
        assertThat(peer.sent()).singleElement().satisfies(s -> {
            assertThat(s.sequenceNumber()).isEqualTo(peer.stackSeq(10));
            assertThat(s.payload()).hasSize(20);
        });
    }

    @Test
    void establishedFullSegmentsGoWhileDataIsUnacknowledged() {
        TcpPeer peer = established();
        peer.connection.write(bytes(10));
        peer.sent();

        peer.connection.write(bytes(2_500));

        // Two full segments go; the 510 bytes left wait for the ACK.
        assertThat(peer.sent()).extracting(s -> s.payload().length).containsExactly(1_000, 1_000);
    }

    @Test
    void establishedShortTailFollowsFullSegments() {
        TcpPeer peer = established();

        peer.connection.write(bytes(2_500));

        // Minshall's variant: no short segment is unacknowledged, so the tail goes with the full segments.
        assertThat(peer.sent()).extracting(s -> s.payload().length).containsExactly(1_000, 1_000, 500);
        peer.connection.write(bytes(10));
        assertThat(peer.sent()).isEmpty();
    }

    @Test
    void establishedNoDelaySendsShortWritesAtOnce() {
        TcpPeer peer = established();
        peer.connection.setNoDelay(true);
        peer.connection.write(bytes(10));
        peer.sent();

        peer.connection.write(bytes(10));

        assertThat(peer.sent()).singleElement().extracting(s -> s.payload().length).isEqualTo(10);
    }

    @Test
    void establishedNoDelaySendsWhatWasHeld() {
        TcpPeer peer = established();
        peer.connection.write(bytes(10));
        peer.connection.write(bytes(10));
        peer.sent();

        peer.connection.setNoDelay(true);

        assertThat(peer.sent()).singleElement().extracting(s -> s.payload().length).isEqualTo(10);
    }

    @Test
    void establishedCloseSendsHeldDataWithFin() {
        TcpPeer peer = established();
        peer.connection.write(bytes(10));
        peer.connection.write(bytes(10));
        peer.sent();

        peer.connection.close();

        TcpRepr last = peer.sent().get(0);
        assertThat(last.flags()).isEqualTo(TcpFlags.of(TcpFlags.FIN, TcpFlags.PSH, TcpFlags.ACK));
        assertThat(last.payload()).hasSize(10);
        assertThat(peer.connection.state()).isEqualTo("FIN-WAIT-1");
    }
}
