package io.stackbench.scenario.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.scenario.load.Addresses;
import io.stackbench.scenario.model.TcpScript;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an expect entry of a tcp-peer script is compared with the segment the stack sent. */
class TcpSegmentMatcherTest {

    private static final long STACK_ISN = 5000;
    private static final long PEER_ISN = 1_000_000;

    /** Returns the stack's SYN-ACK for the peer's SYN: seq = stack ISN, ack = peer ISN + 1, with MSS and timestamps. */
    private static ObservedSegment synAck() {
        return segment(TcpScript.SYN | TcpScript.ACK, STACK_ISN, PEER_ISN + 1, 65_535,
                List.of(new TcpScript.Option("mss", 1460L, null), new TcpScript.Option("TS", 77L, 0L)), new byte[0], true);
    }

    private static ObservedSegment segment(int flags, long seq, long ack, int window, List<TcpScript.Option> options, byte[] payload,
            boolean checksumValid) {
        return new ObservedSegment(1_000_080_000L, Addresses.parse("10.0.0.1"), Addresses.parse("10.0.0.2"), 80, 40_000, seq, ack, flags,
                window, options, payload, checksumValid);
    }

    private static TcpScript.Entry expect(int flags, TcpScript.Number seq, TcpScript.Number ack, int window, List<TcpScript.Option> options,
            byte[] payload, int payloadLength) {
        return new TcpScript.Entry("/nodes/1/script/1", TcpScript.Action.EXPECT, -1, 0, 10_000_000L, null, 0, 0, null, flags, seq, ack,
                window, options, payload, payloadLength);
    }

    private static TcpScript.Entry expectFlags(int flags) {
        return expect(flags, null, null, -1, List.of(), null, -1);
    }

    private static TcpScript.Number relative(long value) {
        return new TcpScript.Number(value, false);
    }

    @Test
    void matchingSynAckHasNoMismatch() {
        TcpScript.Entry entry = expect(TcpScript.SYN | TcpScript.ACK, relative(0), relative(1), 65_535,
                List.of(new TcpScript.Option("mss", 1460L, null)), null, 0);

        assertThat(TcpSegmentMatcher.mismatches(entry, synAck(), STACK_ISN, PEER_ISN)).isEmpty();
    }

    @Test
    void flagsMustBeEqualNotContained() {
        List<String> problems = TcpSegmentMatcher.mismatches(expectFlags(TcpScript.SYN), synAck(), STACK_ISN, PEER_ISN);

        assertThat(problems).containsExactly("flags [S.] instead of [S]");
    }

    @Test
    void uncheckedFieldsAreIgnored() {
        assertThat(TcpSegmentMatcher.mismatches(expectFlags(TcpScript.SYN | TcpScript.ACK), synAck(), -1, PEER_ISN)).isEmpty();
    }

    @Test
    void relativeSeqUsesStackIsn() {
        TcpScript.Entry entry = expect(TcpScript.SYN | TcpScript.ACK, relative(1), null, -1, List.of(), null, -1);

        assertThat(TcpSegmentMatcher.mismatches(entry, synAck(), STACK_ISN, PEER_ISN)).containsExactly("seq 0 instead of 1");
    }

    @Test
    void relativeSeqWithoutStackIsnFails() {
        TcpScript.Entry entry = expect(TcpScript.SYN | TcpScript.ACK, relative(0), null, -1, List.of(), null, -1);

        List<String> problems = TcpSegmentMatcher.mismatches(entry, synAck(), -1, PEER_ISN);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("seq 0 is relative, but the stack sent no SYN").endsWith("write {\"absolute\": N}");
    }

    @Test
    void absoluteSeqIgnoresIsn() {
        TcpScript.Entry matching = expect(TcpScript.SYN | TcpScript.ACK, new TcpScript.Number(STACK_ISN, true), null, -1, List.of(), null, -1);
        TcpScript.Entry other = expect(TcpScript.SYN | TcpScript.ACK, new TcpScript.Number(0, true), null, -1, List.of(), null, -1);

        assertThat(TcpSegmentMatcher.mismatches(matching, synAck(), -1, PEER_ISN)).isEmpty();
        assertThat(TcpSegmentMatcher.mismatches(other, synAck(), -1, PEER_ISN)).containsExactly("seq 5000 (absolute) instead of 0 (absolute)");
    }

    @Test
    void ackIsRelativeToPeerIsn() {
        TcpScript.Entry entry = expect(TcpScript.SYN | TcpScript.ACK, null, relative(2), -1, List.of(), null, -1);

        assertThat(TcpSegmentMatcher.mismatches(entry, synAck(), STACK_ISN, PEER_ISN)).containsExactly("ack 1 instead of 2");
    }

    @Test
    void relativeNumbersWrapAroundTheSequenceSpace() {
        long stackIsn = 0xffff_fffeL;
        ObservedSegment wrapped = segment(TcpScript.ACK, 1, PEER_ISN + 1, 65_535, List.of(), new byte[0], true);
        TcpScript.Entry entry = expect(TcpScript.ACK, relative(3), relative(1), -1, List.of(), null, -1);
        TcpScript.Entry before = expect(TcpScript.ACK, relative(-1), null, -1, List.of(), null, -1);

        assertThat(TcpSegmentMatcher.mismatches(entry, wrapped, stackIsn, PEER_ISN)).isEmpty();
        assertThat(TcpSegmentMatcher.mismatches(before, wrapped, stackIsn, PEER_ISN)).containsExactly("seq 3 instead of -1");
    }

    @Test
    void windowComparedWhenGiven() {
        TcpScript.Entry entry = expect(TcpScript.SYN | TcpScript.ACK, null, null, 0, List.of(), null, -1);

        assertThat(TcpSegmentMatcher.mismatches(entry, synAck(), STACK_ISN, PEER_ISN)).containsExactly("window 65535 instead of 0");
    }

    @Test
    void optionPresentWithAnyValue() {
        TcpScript.Entry entry = expect(TcpScript.SYN | TcpScript.ACK, null, null, -1,
                List.of(new TcpScript.Option("mss", null, null), new TcpScript.Option("TS", null, 0L)), null, -1);

        assertThat(TcpSegmentMatcher.mismatches(entry, synAck(), STACK_ISN, PEER_ISN)).isEmpty();
    }

    @Test
    void optionMissingOrWithOtherValue() {
        TcpScript.Entry entry = expect(TcpScript.SYN | TcpScript.ACK, null, null, -1, List.of(new TcpScript.Option("mss", 1440L, null),
                new TcpScript.Option("wscale", null, null), new TcpScript.Option("TS", 78L, null)), null, -1);

        assertThat(TcpSegmentMatcher.mismatches(entry, synAck(), STACK_ISN, PEER_ISN))
                .containsExactly("no option mss 1440", "no option wscale", "no option TS val 78");
    }

    @Test
    void payloadTextAndLength() {
        ObservedSegment data = segment(TcpScript.PSH | TcpScript.ACK, STACK_ISN + 1, PEER_ISN + 1, 65_535, List.of(),
                "hello".getBytes(StandardCharsets.UTF_8), true);
        TcpScript.Entry text = expect(TcpScript.PSH | TcpScript.ACK, null, null, -1, List.of(), "help!".getBytes(StandardCharsets.UTF_8), -1);
        TcpScript.Entry length = expect(TcpScript.PSH | TcpScript.ACK, null, null, -1, List.of(), null, 1);
        TcpScript.Entry same = expect(TcpScript.PSH | TcpScript.ACK, relative(1), relative(1), -1, List.of(), null, 5);

        assertThat(TcpSegmentMatcher.mismatches(text, data, STACK_ISN, PEER_ISN)).containsExactly("payload \"hello\" instead of \"help!\"");
        assertThat(TcpSegmentMatcher.mismatches(length, data, STACK_ISN, PEER_ISN)).containsExactly("length 5 instead of 1");
        assertThat(TcpSegmentMatcher.mismatches(same, data, STACK_ISN, PEER_ISN)).isEmpty();
    }

    @Test
    void badChecksumNeverMatches() {
        ObservedSegment corrupted = segment(TcpScript.SYN | TcpScript.ACK, STACK_ISN, PEER_ISN + 1, 65_535, List.of(), new byte[0], false);

        assertThat(TcpSegmentMatcher.mismatches(expectFlags(TcpScript.SYN | TcpScript.ACK), corrupted, STACK_ISN, PEER_ISN))
                .containsExactly("the checksum is bad");
    }

    @Test
    void everyMismatchIsListed() {
        ObservedSegment reset = segment(TcpScript.RST, 0, 0, 0, List.of(), new byte[0], true);
        TcpScript.Entry entry = expect(TcpScript.ACK, relative(1), relative(1), -1, List.of(), null, -1);

        assertThat(TcpSegmentMatcher.mismatches(entry, reset, STACK_ISN, PEER_ISN))
                .containsExactly("flags [R] instead of [.]", "seq -5000 instead of 1", "ack -1000000 instead of 1");
    }

    @Test
    void flagsParseAndFormatLikeTcpdump() {
        assertThat(TcpScript.formatFlags(TcpScript.parseFlags(".S"))).isEqualTo("[S.]");
        assertThat(TcpScript.formatFlags(TcpScript.parseFlags("P.F"))).isEqualTo("[FP.]");
        assertThat(TcpScript.formatFlags(TcpScript.parseFlags("WE"))).isEqualTo("[EW]");
        assertThat(TcpScript.parseFlags("none")).isZero();
        assertThat(TcpScript.formatFlags(0)).isEqualTo("[none]");
    }
}
