package io.stackbench.stack.ipv6;

import static io.stackbench.stack.Ipv6Fixture.OUR_LINK_LOCAL;
import static io.stackbench.stack.Ipv6Fixture.PEER;
import static io.stackbench.stack.Ipv6Fixture.PEER_MAC;
import static io.stackbench.stack.Ipv6Fixture.icmpv6Of;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.stack.Frames;
import io.stackbench.stack.Ipv6Fixture;
import io.stackbench.stack.SentFrame;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv6Address;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Extension headers and fragment reassembly on input (RFC 8200 §4). */
class ExtensionHeaderTest {

    private static final int DESTINATION_OPTIONS = 60;
    private static final int ROUTING = 43;
    private static final int FRAGMENT = 44;
    private static final byte[] DATA = Frames.counting(100);

    private static Ipv6Fixture readyWithPeer() {
        Ipv6Fixture fixture = Ipv6Fixture.ready("--accept-router-advertisements=false");
        fixture.learnPeer();
        return fixture;
    }

    private static byte[] echo(Ipv6Address destination) {
        return Ipv6Fixture.icmpv6(PEER, destination, new Icmpv6Repr.EchoRequest(0x77, 1, DATA));
    }

    private static void feed(Ipv6Fixture fixture, Ipv6Address destination, int nextHeader, byte[] payload) {
        fixture.receive(Ipv6Fixture.frameTo(destination, PEER_MAC, Ipv6Fixture.ipv6(PEER, destination, nextHeader, 64, payload)));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** Returns an 8-byte Destination Options header with one empty option of {@code type} and a PadN. */
    private static byte[] destinationOptions(int type) {
        return new byte[] {(byte) IpProtocol.ICMPV6.value(), 0, (byte) type, 0, 1, 2, 0, 0};
    }

    private static byte[] fragment(byte[] data, int offset, int length, boolean more, int identification) {
        byte[] bytes = new byte[8 + length];
        bytes[0] = (byte) IpProtocol.ICMPV6.value();
        int field = offset | (more ? 1 : 0);
        bytes[2] = (byte) (field >>> 8);
        bytes[3] = (byte) field;
        bytes[7] = (byte) identification;
        System.arraycopy(data, offset, bytes, 8, length);
        return bytes;
    }

    private static List<SentFrame> replies(List<SentFrame> frames) {
        return icmpv6Of(frames, Icmpv6Repr.EchoReply.class);
    }

    /** RFC 8200 §4.2: the two high bits of an unknown option type choose the action. */
    @ParameterizedTest(name = "option 0x{0} to {1}: reply {2}, parameter problem {3}")
    @CsvSource({
        "1e, fe80::5054:ff:fe12:3456, true, false",
        "5e, fe80::5054:ff:fe12:3456, false, false",
        "9e, fe80::5054:ff:fe12:3456, false, true",
        "9e, ff02::1, false, true",
        "de, fe80::5054:ff:fe12:3456, false, true",
        "de, ff02::1, false, false"})
    void unknownOptionActionBits(String type, String destination, boolean reply, boolean problem) {
        Ipv6Fixture fixture = readyWithPeer();
        Ipv6Address to = Ipv6Address.parse(destination);

        feed(fixture, to, DESTINATION_OPTIONS, concat(destinationOptions(Integer.parseInt(type, 16)), echo(to)));

        List<SentFrame> sent = fixture.takeSent();
        assertThat(replies(sent)).hasSize(reply ? 1 : 0);
        List<SentFrame> problems = icmpv6Of(sent, Icmpv6Repr.ParameterProblem.class);
        assertThat(problems).hasSize(problem ? 1 : 0);
        if (problem) {
            Icmpv6Repr.ParameterProblem message = (Icmpv6Repr.ParameterProblem) problems.get(0).icmpv6();
            // Code 2 (unrecognised option) pointing at the option type: 40-byte header + 2.
            assertThat(message.code()).isEqualTo(2);
            assertThat(message.pointer()).isEqualTo(42);
            assertThat(problems.get(0).ipv6().destination()).isEqualTo(PEER);
        }
    }

    @Test
    void routingSegmentsLeftGetsParameterProblem() {
        Ipv6Fixture fixture = readyWithPeer();
        byte[] routing = new byte[24];
        routing[0] = (byte) IpProtocol.ICMPV6.value();
        routing[1] = 2;
        routing[2] = 0;
        routing[3] = 1;
        Ipv6Address.parse("2001:db8::99").write(routing, 8);

        feed(fixture, OUR_LINK_LOCAL, ROUTING, concat(routing, echo(Ipv6Address.parse("2001:db8::99"))));

        // RFC 8200 §4.4: code 0 pointing at the Routing Type field, and nothing forwarded.
        List<SentFrame> sent = fixture.takeSent();
        assertThat(sent).singleElement().satisfies(frame -> {
            Icmpv6Repr.ParameterProblem message = (Icmpv6Repr.ParameterProblem) frame.icmpv6();
            assertThat(message.code()).isZero();
            assertThat(message.pointer()).isEqualTo(42);
        });
    }

    @Test
    void routingSegmentsLeftZeroIsProcessed() {
        Ipv6Fixture fixture = readyWithPeer();
        byte[] routing = new byte[24];
        routing[0] = (byte) IpProtocol.ICMPV6.value();
        routing[1] = 2;

        feed(fixture, OUR_LINK_LOCAL, ROUTING, concat(routing, echo(OUR_LINK_LOCAL)));

        assertThat(replies(fixture.takeSent())).hasSize(1);
    }

    @Test
    void noNextHeaderEndsProcessing() {
        Ipv6Fixture fixture = readyWithPeer();

        feed(fixture, OUR_LINK_LOCAL, IpProtocol.IPV6_NONXT.value(), new byte[20]);

        // RFC 8200 §4.7: bytes after No Next Header are ignored, and no error is sent.
        assertThat(fixture.counter("ipv6.no-next-header")).isEqualTo(1);
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void fragmentsReassembledInOrder() {
        Ipv6Fixture fixture = readyWithPeer();
        byte[] message = echo(OUR_LINK_LOCAL);

        feed(fixture, OUR_LINK_LOCAL, FRAGMENT, fragment(message, 0, 56, true, 1));
        assertThat(fixture.takeSent()).isEmpty();
        feed(fixture, OUR_LINK_LOCAL, FRAGMENT, fragment(message, 56, message.length - 56, false, 1));

        assertThat(fixture.counter("ipv6.reassembled")).isEqualTo(1);
        assertThat(replies(fixture.takeSent())).singleElement()
                .satisfies(frame -> assertThat(((Icmpv6Repr.EchoReply) frame.icmpv6()).data()).isEqualTo(DATA));
    }

    @Test
    void fragmentsReassembledOutOfOrder() {
        Ipv6Fixture fixture = readyWithPeer();
        byte[] message = echo(OUR_LINK_LOCAL);

        feed(fixture, OUR_LINK_LOCAL, FRAGMENT, fragment(message, 56, message.length - 56, false, 2));
        feed(fixture, OUR_LINK_LOCAL, FRAGMENT, fragment(message, 32, 24, true, 2));
        feed(fixture, OUR_LINK_LOCAL, FRAGMENT, fragment(message, 0, 32, true, 2));

        assertThat(replies(fixture.takeSent())).singleElement()
                .satisfies(frame -> assertThat(((Icmpv6Repr.EchoReply) frame.icmpv6()).data()).isEqualTo(DATA));
    }

    @Test
    void overlappingFragmentDropsPacket() {
        Ipv6Fixture fixture = readyWithPeer();
        byte[] message = echo(OUR_LINK_LOCAL);

        feed(fixture, OUR_LINK_LOCAL, FRAGMENT, fragment(message, 0, 56, true, 3));
        feed(fixture, OUR_LINK_LOCAL, FRAGMENT, fragment(message, 48, 8, true, 3));
        feed(fixture, OUR_LINK_LOCAL, FRAGMENT, fragment(message, 56, message.length - 56, false, 3));

        // RFC 5722 §4: overlapping fragments drop the whole packet, the fragments before included.
        assertThat(fixture.counter("drop.ipv6.fragment-overlap")).isEqualTo(1);
        assertThat(fixture.counter("ipv6.reassembled")).isZero();
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void timeoutSendsTimeExceededWithFirstFragment() {
        Ipv6Fixture fixture = readyWithPeer();
        byte[] message = echo(OUR_LINK_LOCAL);
        long start = fixture.now();

        feed(fixture, OUR_LINK_LOCAL, FRAGMENT, fragment(message, 0, 56, true, 4));

        // RFC 8200 §4.5: 60 s after the first fragment arrived, Time Exceeded code 1 quoting fragment 0.
        fixture.runUntil(start + SimTime.seconds(60) - 1);
        assertThat(icmpv6Of(fixture.takeSent(), Icmpv6Repr.TimeExceeded.class)).isEmpty();
        fixture.runUntil(start + SimTime.seconds(60));
        // The peer's cache entry timed out meanwhile, so the error waits for resolution until the peer's NA.
        assertThat(icmpv6Of(fixture.takeSent(), Icmpv6Repr.NeighborSolicitation.class)).hasSize(1);
        fixture.receiveNd(PEER_MAC, PEER, OUR_LINK_LOCAL, new Icmpv6Repr.NeighborAdvertisement(false, true, true, PEER,
                List.of(new io.stackbench.stack.wire.NdpOption.TargetLinkLayerAddress(PEER_MAC))));
        List<SentFrame> errors = icmpv6Of(fixture.takeSent(), Icmpv6Repr.TimeExceeded.class);
        assertThat(errors).singleElement().satisfies(frame -> {
            Icmpv6Repr.TimeExceeded error = (Icmpv6Repr.TimeExceeded) frame.icmpv6();
            assertThat(error.code()).isEqualTo(Icmpv6Repr.TimeExceeded.FRAGMENT_REASSEMBLY_TIME_EXCEEDED);
            assertThat(error.invokingPacket()[6]).isEqualTo((byte) FRAGMENT);
            assertThat(frame.ipv6().destination()).isEqualTo(PEER);
        });
    }

    @Test
    void timeoutWithoutFirstFragmentIsSilent() {
        Ipv6Fixture fixture = readyWithPeer();
        byte[] message = echo(OUR_LINK_LOCAL);
        long start = fixture.now();

        feed(fixture, OUR_LINK_LOCAL, FRAGMENT, fragment(message, 56, message.length - 56, false, 5));
        fixture.runUntil(start + SimTime.seconds(61));

        // RFC 8200 §4.5: no Time Exceeded when fragment 0 never arrived.
        assertThat(fixture.counter("drop.ipv6.reassembly-timeout")).isEqualTo(1);
        assertThat(icmpv6Of(fixture.takeSent(), Icmpv6Repr.TimeExceeded.class)).isEmpty();
    }

    @Test
    void atomicFragmentProcessedWhole() {
        Ipv6Fixture fixture = readyWithPeer();
        byte[] message = echo(OUR_LINK_LOCAL);

        feed(fixture, OUR_LINK_LOCAL, FRAGMENT, fragment(message, 0, message.length, false, 6));

        // RFC 6946 §4: offset 0 and M=0 is processed at once, outside reassembly.
        assertThat(fixture.counter("ipv6.atomic-fragment")).isEqualTo(1);
        assertThat(replies(fixture.takeSent())).hasSize(1);
    }

    @Test
    void payloadLengthBeyondDataDropped() {
        Ipv6Fixture fixture = readyWithPeer();
        byte[] packet = Ipv6Fixture.ipv6(PEER, OUR_LINK_LOCAL, IpProtocol.ICMPV6.value(), 64, echo(OUR_LINK_LOCAL));
        Frames.writeU16(packet, 4, packet.length - 40 + 1);

        fixture.receive(Frames.ethernet(Ipv6Fixture.OUR_MAC, PEER_MAC, io.stackbench.stack.wire.EtherType.IPV6, packet));

        assertThat(fixture.counter("drop.ipv6.truncated")).isEqualTo(1);
        assertThat(fixture.takeSent()).isEmpty();
    }
}
