package io.stackbench.scenario.peer;

import io.stackbench.scenario.model.TcpScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Compares a segment the stack sent with an expect entry of a tcp-peer script. Flags must be equal.
 * Every other field is compared only when the entry gives it: the stack's seq relative to its ISN,
 * the ack relative to the peer's ISN, the window, the options that must be present (with their
 * values where given), and the payload. A bad checksum never matches.
 */
public final class TcpSegmentMatcher {

    private TcpSegmentMatcher() {
    }

    /**
     * Returns what differs, one phrase per field, or an empty list when the segment matches.
     *
     * @param stackIsn the stack's ISN on the segment's connection, learned from its SYN, or -1 when unknown
     * @param peerIsn the peer's ISN
     */
    public static List<String> mismatches(TcpScript.Entry expected, ObservedSegment actual, long stackIsn, long peerIsn) {
        List<String> problems = new ArrayList<>();
        if (!actual.checksumValid()) {
            problems.add("the checksum is bad");
        }
        if (actual.flags() != expected.flags()) {
            problems.add("flags " + TcpScript.formatFlags(actual.flags()) + " instead of " + TcpScript.formatFlags(expected.flags()));
        }
        if (expected.seq() != null) {
            if (!expected.seq().absolute() && stackIsn < 0) {
                problems.add("seq " + expected.seq() + " is relative, but the stack sent no SYN on this connection to learn its ISN from;"
                        + " write {\"absolute\": N}");
            } else if (actual.seq() != expected.seq().resolve(stackIsn)) {
                problems.add("seq " + number(actual.seq(), stackIsn, expected.seq().absolute()) + " instead of " + expected.seq());
            }
        }
        if (expected.ack() != null && actual.ack() != expected.ack().resolve(peerIsn)) {
            problems.add("ack " + number(actual.ack(), peerIsn, expected.ack().absolute()) + " instead of " + expected.ack());
        }
        if (expected.window() >= 0 && actual.window() != expected.window()) {
            problems.add("window " + actual.window() + " instead of " + expected.window());
        }
        for (TcpScript.Option option : expected.options()) {
            if (actual.options().stream().noneMatch(o -> optionMatches(option, o))) {
                problems.add("no option " + option);
            }
        }
        if (expected.payload() != null && !Arrays.equals(actual.payload(), expected.payload())) {
            problems.add("payload \"" + new String(actual.payload(), StandardCharsets.UTF_8) + "\" instead of \""
                    + new String(expected.payload(), StandardCharsets.UTF_8) + "\"");
        }
        if (expected.payloadLength() >= 0 && actual.payload().length != expected.payloadLength()) {
            problems.add("length " + actual.payload().length + " instead of " + expected.payloadLength());
        }
        return problems;
    }

    private static boolean optionMatches(TcpScript.Option expected, TcpScript.Option actual) {
        return expected.kind().equals(actual.kind())
                && (expected.value() == null || Objects.equals(expected.value(), actual.value()))
                && (expected.echoReply() == null || Objects.equals(expected.echoReply(), actual.echoReply()));
    }

    /** Formats a wire value the way the entry wrote the expected one: absolute, or relative to {@code isn}. */
    private static String number(long wire, long isn, boolean absolute) {
        return absolute ? wire + " (absolute)" : String.valueOf(TcpScript.relative(wire, isn));
    }
}
