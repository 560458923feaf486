package io.stackbench.stack.tcp;

import static io.stackbench.stack.tcp.TcpPeer.PEER_ISS;
import static io.stackbench.stack.tcp.TcpPeer.PEER_PORT;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.stack.wire.TcpFlags;
import io.stackbench.stack.wire.TcpRepr;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 9293 §3.10.7.2 and §3.10.7.3: text on a SYN waits for ESTABLISHED and is delivered once. */
class TcpDataOnSynTest {

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

    @Test
    void listenSynTextWaitsForEstablished() {
        TcpPeer peer = TcpPeer.synToListener(TcpPeer.mss(1_460), HELLO, TcpFlags.SYN);

        TcpRepr synAck = peer.sent().get(0);

        // The SYN-ACK acknowledges the SYN only, and nothing reaches the handler yet.
        assertThat(synAck.acknowledgmentNumber()).isEqualTo(PEER_ISS + 1);
        assertThat(peer.handler.data.size()).isZero();
    }

    @Test
    void synReceivedHeldTextIsDeliveredOnce() {
        TcpPeer peer = TcpPeer.synToListener(TcpPeer.mss(1_460), HELLO, TcpFlags.SYN);
        peer.stackIss = peer.sent().get(0).sequenceNumber();

        peer.ack(peer.stackSeq(0));

        assertThat(peer.handler.data.toString(StandardCharsets.US_ASCII)).isEqualTo("hello");
        List<TcpRepr> sent = peer.sent();
        assertThat(sent).singleElement().extracting(TcpRepr::acknowledgmentNumber).isEqualTo(PEER_ISS + 1 + HELLO.length);

        // The peer sends the data again, because the SYN-ACK did not acknowledge it.
        peer.sendData(peer.stackSeq(0), HELLO);
        assertThat(peer.handler.data.toString(StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(peer.socket().bytesReceived()).isEqualTo(HELLO.length);
    }

    @Test
    void synReceivedRepeatedTextDeliveredOnce() {
        TcpPeer peer = TcpPeer.synToListener(TcpPeer.mss(1_460), HELLO, TcpFlags.SYN);
        peer.stackIss = peer.sent().get(0).sequenceNumber();

        peer.sendData(peer.stackSeq(0), HELLO);

        assertThat(peer.handler.data.toString(StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(peer.handler.deliveries).containsExactly(HELLO.length);
    }

    @Test
    void synReceivedHeldFinClosesAfterText() {
        TcpPeer peer = TcpPeer.synToListener(TcpPeer.mss(1_460), HELLO, TcpFlags.of(TcpFlags.SYN, TcpFlags.FIN));
        peer.stackIss = peer.sent().get(0).sequenceNumber();
        peer.seq = SequenceNumbers.add(peer.seq, HELLO.length + 1);

        peer.ack(peer.stackSeq(0));

        assertThat(peer.handler.data.toString(StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(peer.handler.remoteCloses).isEqualTo(1);
        assertThat(peer.handler.established.get(0).state()).isEqualTo("CLOSE-WAIT");
        assertThat(peer.sent()).last().extracting(TcpRepr::acknowledgmentNumber).isEqualTo(PEER_ISS + 2 + HELLO.length);
    }

    @Test
    void synSentTextOnSynAckIsDelivered() {
        TcpPeer peer = TcpPeer.activeOpen();
        peer.stackIss = peer.sent().get(0).sequenceNumber();

        peer.sendRaw(new TcpRepr(PEER_PORT, peer.connection.localPort(), PEER_ISS, peer.stackSeq(0), TcpFlags.of(TcpFlags.SYN, TcpFlags.ACK),
                0xffff, 0, TcpPeer.mss(1_460), HELLO));

        assertThat(peer.connection.state()).isEqualTo("ESTABLISHED");
        assertThat(peer.handler.data.toString(StandardCharsets.US_ASCII)).isEqualTo("hello");
        // One ACK covers the SYN and the text.
        assertThat(peer.sent()).singleElement().extracting(TcpRepr::acknowledgmentNumber).isEqualTo(PEER_ISS + 1 + HELLO.length);
    }
}
