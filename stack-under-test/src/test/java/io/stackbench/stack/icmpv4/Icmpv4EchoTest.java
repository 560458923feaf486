package io.stackbench.stack.icmpv4;

import static io.stackbench.stack.StackFixture.GATEWAY_ADDRESS;
import static io.stackbench.stack.StackFixture.GATEWAY_ARGUMENT;
import static io.stackbench.stack.StackFixture.GATEWAY_MAC;
import static io.stackbench.stack.StackFixture.OFF_LINK_ADDRESS;
import static io.stackbench.stack.StackFixture.OUR_ADDRESS;
import static io.stackbench.stack.StackFixture.OUR_IPV4_ARGUMENT;
import static io.stackbench.stack.StackFixture.OUR_MAC;
import static io.stackbench.stack.StackFixture.PEER_ADDRESS;
import static io.stackbench.stack.StackFixture.PEER_MAC;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.net.MacAddress;
import io.stackbench.stack.Frames;
import io.stackbench.stack.RecordingEchoListener;
import io.stackbench.stack.SentFrame;
import io.stackbench.stack.StackFixture;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.Icmpv4Repr;
import io.stackbench.stack.wire.Icmpv4UnreachableCode;
import io.stackbench.stack.wire.InternetChecksum;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Echo and the errors about our own echoes: RFC 792 and RFC 1122 §3.2.2.6. */
class Icmpv4EchoTest {

    private static final byte[] DATA = "stackbench echo data".getBytes(StandardCharsets.US_ASCII);

    private static byte[] echoRequestFrame(Ipv4Address destination, MacAddress destinationMac, int identifier, int sequence, byte[] data) {
        byte[] echo = Frames.icmpv4(new Icmpv4Repr.EchoRequest(identifier, sequence, data));
        return Frames.ipv4Frame(destinationMac, PEER_MAC, Frames.ipv4(PEER_ADDRESS, destination, IpProtocol.ICMP, echo));
    }

    @Test
    void echoRequestIsAnswered() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();

        fixture.receive(echoRequestFrame(OUR_ADDRESS, OUR_MAC, 0x1234, 0xfedc, DATA));

        List<SentFrame> sent = fixture.takeSent();
        assertThat(sent).hasSize(1);
        SentFrame reply = sent.get(0);
        assertThat(reply.ethernet().destination()).isEqualTo(PEER_MAC);
        assertThat(reply.ethernet().source()).isEqualTo(OUR_MAC);
        assertThat(reply.ipv4().source()).isEqualTo(OUR_ADDRESS);
        assertThat(reply.ipv4().destination()).isEqualTo(PEER_ADDRESS);
        // RFC 792: identifier, sequence number and data come back unchanged.
        assertThat(reply.icmpv4()).isEqualTo(new Icmpv4Repr.EchoReply(0x1234, 0xfedc, DATA));
        byte[] message = reply.ipv4Payload();
        assertThat(InternetChecksum.verify(message, 0, message.length)).isTrue();
        assertThat(fixture.counter("icmpv4.echo-replies-sent")).isEqualTo(1);
    }

    @Test
    void echoWithOddLengthDataIsAnswered() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        byte[] odd = Arrays.copyOf(DATA, 7);

        fixture.receive(echoRequestFrame(OUR_ADDRESS, OUR_MAC, 1, 2, odd));

        assertThat(fixture.takeSent()).singleElement()
                .satisfies(reply -> assertThat(reply.icmpv4()).isEqualTo(new Icmpv4Repr.EchoReply(1, 2, odd)));
    }

    @Test
    void echoReplyWaitsForPeerResolution() {
        StackFixture fixture = StackFixture.started();

        fixture.receive(echoRequestFrame(OUR_ADDRESS, OUR_MAC, 5, 6, DATA));

        assertThat(fixture.takeSent()).singleElement()
                .satisfies(request -> assertThat(request.arp().targetProtocolAddress()).isEqualTo(PEER_ADDRESS));
        fixture.receive(Frames.arpFrame(OUR_MAC, Frames.arpReply(PEER_MAC, PEER_ADDRESS, OUR_MAC, OUR_ADDRESS)));
        assertThat(fixture.takeSent()).singleElement()
                .satisfies(reply -> assertThat(reply.icmpv4()).isEqualTo(new Icmpv4Repr.EchoReply(5, 6, DATA)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"255.255.255.255", "192.0.2.255"})
    void broadcastEchoIsIgnored(String destination) {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();

        fixture.receive(echoRequestFrame(Ipv4Address.parse(destination), MacAddress.BROADCAST, 1, 1, DATA));

        // RFC 1122 §3.2.2.6 lets a host ignore echo requests to a broadcast address.
        assertThat(fixture.takeSent()).isEmpty();
        assertThat(fixture.counter("icmpv4.echo-broadcast-ignored")).isEqualTo(1);
    }

    @Test
    void badChecksumIsCountedDrop() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        byte[] echo = Frames.icmpv4(new Icmpv4Repr.EchoRequest(1, 1, DATA));
        echo[2] ^= 0x40;

        fixture.receive(Frames.ipv4Frame(OUR_MAC, PEER_MAC, Frames.ipv4(PEER_ADDRESS, OUR_ADDRESS, IpProtocol.ICMP, echo)));

        assertThat(fixture.takeSent()).isEmpty();
        assertThat(fixture.counter("drop.icmpv4.bad-checksum")).isEqualTo(1);
    }

    @Test
    void truncatedMessageIsCountedDrop() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();

        fixture.receive(Frames.ethernet(OUR_MAC, PEER_MAC, EtherType.IPV4,
                Frames.ipv4(PEER_ADDRESS, OUR_ADDRESS, IpProtocol.ICMP, new byte[] {8, 0, (byte) 0xf7, (byte) 0xff})));

        assertThat(fixture.takeSent()).isEmpty();
        assertThat(fixture.counter("drop.icmpv4.truncated")).isEqualTo(1);
    }

    @Test
    void echoReplyReachesListener() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        RecordingEchoListener listener = fixture.ping(PEER_ADDRESS, 0x0099, 5, 16);
        Icmpv4Repr.EchoRequest request = (Icmpv4Repr.EchoRequest) fixture.takeSent().get(0).icmpv4();

        fixture.receive(echoReplyFrame(PEER_ADDRESS, request.identifier(), request.sequenceNumber(), request.data()));

        assertThat(request.data()).containsExactly(Frames.counting(16));
        assertThat(listener.replies()).containsExactly(new RecordingEchoListener.Reply(PEER_ADDRESS.toInetAddress(), 5, 16, Frames.PEER_TTL));
        assertThat(listener.errors()).isEmpty();
    }

    @Test
    void replyWithOtherSequenceIsUnexpected() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        RecordingEchoListener listener = fixture.ping(PEER_ADDRESS, 0x0099, 5, 16);
        fixture.takeSent();

        fixture.receive(echoReplyFrame(PEER_ADDRESS, 0x0099, 6, Frames.counting(16)));

        assertThat(listener.replies()).isEmpty();
        assertThat(fixture.counter("icmpv4.unexpected-echo-reply")).isEqualTo(1);
    }

    @Test
    void duplicateReplyIsUnexpected() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        RecordingEchoListener listener = fixture.ping(PEER_ADDRESS, 0x0099, 5, 16);
        fixture.takeSent();

        fixture.receive(echoReplyFrame(PEER_ADDRESS, 0x0099, 5, Frames.counting(16)));
        fixture.receive(echoReplyFrame(PEER_ADDRESS, 0x0099, 5, Frames.counting(16)));

        assertThat(listener.replies()).hasSize(1);
        assertThat(fixture.counter("icmpv4.unexpected-echo-reply")).isEqualTo(1);
    }

    @Test
    void unreachableForOurEchoReachesListener() {
        StackFixture fixture = StackFixture.start(OUR_IPV4_ARGUMENT, GATEWAY_ARGUMENT);
        fixture.receive(Frames.arpFrame(OUR_MAC, Frames.arpReply(GATEWAY_MAC, GATEWAY_ADDRESS, OUR_MAC, OUR_ADDRESS)));
        RecordingEchoListener listener = fixture.ping(OFF_LINK_ADDRESS, 0x0aaa, 4, 32);
        byte[] sentDatagram = Arrays.copyOfRange(fixture.takeSent().get(0).bytes(), 14, 14 + 28);

        // The gateway returns the IP header and the first 8 bytes of the echo request (RFC 792).
        byte[] error = Frames.icmpv4(new Icmpv4Repr.DestinationUnreachable(Icmpv4UnreachableCode.HOST_UNREACHABLE, 0, sentDatagram));
        fixture.receive(Frames.ipv4Frame(OUR_MAC, GATEWAY_MAC, Frames.ipv4(GATEWAY_ADDRESS, OUR_ADDRESS, IpProtocol.ICMP, error)));

        assertThat(listener.errors()).singleElement().satisfies(failure -> {
            assertThat(failure.sequence()).isEqualTo(4);
            assertThat(failure.reason()).contains("destination unreachable").contains(GATEWAY_ADDRESS.toString());
        });
        assertThat(listener.replies()).isEmpty();
        assertThat(fixture.counter("icmpv4.unreachable-received")).isEqualTo(1);
    }

    @Test
    void unreachableForOtherEchoIsIgnored() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        RecordingEchoListener listener = fixture.ping(PEER_ADDRESS, 0x0aaa, 3, 32);
        byte[] sentDatagram = Arrays.copyOfRange(fixture.takeSent().get(0).bytes(), 14, 14 + 28);
        sentDatagram[27] ^= 0x01;

        byte[] error = Frames.icmpv4(new Icmpv4Repr.DestinationUnreachable(Icmpv4UnreachableCode.HOST_UNREACHABLE, 0, sentDatagram));
        fixture.receive(Frames.ipv4Frame(OUR_MAC, PEER_MAC, Frames.ipv4(PEER_ADDRESS, OUR_ADDRESS, IpProtocol.ICMP, error)));

        assertThat(listener.errors()).isEmpty();
        assertThat(fixture.counter("icmpv4.unreachable-received")).isEqualTo(1);
    }

    private static byte[] echoReplyFrame(Ipv4Address source, int identifier, int sequence, byte[] data) {
        byte[] reply = Frames.icmpv4(new Icmpv4Repr.EchoReply(identifier, sequence, data));
        return Frames.ipv4Frame(OUR_MAC, PEER_MAC, Frames.ipv4(source, OUR_ADDRESS, IpProtocol.ICMP, reply));
    }
}
