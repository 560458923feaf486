package io.stackbench.scenario.model;

import io.stackbench.sim.net.MacAddress;
import java.net.InetAddress;
import java.util.List;

/** The script of a {@code tcp-peer} node: segments to send and segments the stack must send back. */
public final class TcpScript {

    /** TCP header flag bits as on the wire (RFC 9293 §3.1). */
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;
    public static final int ECE = 0x40;
    public static final int CWR = 0x80;

    /** tcpdump's flag letters in tcpdump's order, each at the index of its bit. */
    private static final String LETTERS = "FSRP.UEW";

    private TcpScript() {
    }

    /**
     * Parses flags written as tcpdump prints them ({@code S}, {@code S.}, {@code R.}, {@code FP.}, or
     * {@code none} for no flag) into header bits.
     *
     * @throws IllegalArgumentException for an unknown or repeated letter, or an empty text
     */
    public static int parseFlags(String text) {
        if (text.equals("none")) {
            return 0;
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("no flag letter");
        }
        int flags = 0;
        for (char letter : text.toCharArray()) {
            int index = LETTERS.indexOf(letter);
            if (index < 0) {
                throw new IllegalArgumentException("unknown flag letter '" + letter + "'");
            }
            if ((flags & (1 << index)) != 0) {
                throw new IllegalArgumentException("flag letter '" + letter + "' written twice");
            }
            flags |= 1 << index;
        }
        return flags;
    }

    /** Formats header bits as tcpdump does: the letters in its order in brackets, such as {@code [S.]} or {@code [none]}. */
    public static String formatFlags(int flags) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < LETTERS.length(); i++) {
            if ((flags & (1 << i)) != 0) {
                text.append(LETTERS.charAt(i));
            }
        }
        return text.length() == 1 ? "[none]" : text.append(']').toString();
    }

    /**
     * Returns {@code wire} relative to {@code isn} as a signed distance in sequence space, so a value
     * just below the ISN reads as a small negative number.
     */
    public static long relative(long wire, long isn) {
        long distance = (wire - isn) & 0xffff_ffffL;
        return distance >= 0x8000_0000L ? distance - 0x1_0000_0000L : distance;
    }

    /** The kind of a script entry. */
    public enum Action {
        /** Send a segment. */
        SEND,
        /** Take the stack's next segment to the peer and compare it. */
        EXPECT,
        /** Check that the stack sends the peer nothing within the window. */
        EXPECT_NOTHING
    }

    /**
     * A sequence or acknowledgment number: relative to an initial sequence number, as packetdrill
     * writes them, or absolute.
     *
     * @param value the number; relative values may be negative and wrap modulo 2^32
     */
    public record Number(long value, boolean absolute) {

        /** Returns the 32-bit value on the wire for an initial sequence number {@code isn}. */
        public long resolve(long isn) {
            return absolute ? value : (isn + value) & 0xffff_ffffL;
        }

        @Override
        public String toString() {
            return absolute ? value + " (absolute)" : String.valueOf(value);
        }
    }

    /**
     * One TCP option. In a send entry every value is given. In an expect entry a null value is not
     * compared, so {@code mss} alone only requires the option to be present.
     *
     * @param kind {@code mss}, {@code wscale}, {@code sackOK}, {@code TS}, {@code nop} or {@code eol}, as packetdrill writes them
     * @param value MSS, shift count or TSval, or null
     * @param echoReply TSecr of a timestamps option, or null
     */
    public record Option(String kind, Long value, Long echoReply) {

        @Override
        public String toString() {
            if (kind.equals("TS")) {
                return "TS" + (value == null ? "" : " val " + value) + (echoReply == null ? "" : " ecr " + echoReply);
            }
            return value == null ? kind : kind + " " + value;
        }
    }

    /**
     * One entry of the script.
     *
     * @param path JSON path of the entry, such as {@code /nodes/1/script/3}
     * @param atNanos absolute time of the entry, or -1 when it runs {@code afterNanos} after the previous entry finished
     * @param withinNanos length of an expect entry's window, which starts at the entry's time
     * @param to destination address of a send, or null for the current connection's
     * @param port destination port of a send, or 0 for the current connection's
     * @param from source port of a send, or 0 for the current connection's
     * @param destinationMac Ethernet destination of a send, or null to derive it from {@code to}
     * @param flags header bits: sent, or required exactly; unused for EXPECT_NOTHING
     * @param seq sequence number, relative to the sender's initial sequence number; null sends the
     *     next one or does not compare
     * @param ack acknowledgment number, relative to the receiver's initial sequence number; null sends
     *     the next expected one or does not compare
     * @param window window field, or -1 for 65535 in a send and no comparison in an expect
     * @param options options to send in order, or options that must be present
     * @param payload payload to send, or the exact payload expected, or null
     * @param payloadLength expected payload length, or -1 when not compared
     */
    public record Entry(String path, Action action, long atNanos, long afterNanos, long withinNanos, InetAddress to, int port, int from,
            MacAddress destinationMac, int flags, Number seq, Number ack, int window, List<Option> options, byte[] payload,
            int payloadLength) {

        /** Describes what the entry expects, as the title of its result in reports. */
        public String describe(String peer) {
            if (action == Action.EXPECT_NOTHING) {
                return peer + " receives no segment within " + io.stackbench.sim.engine.SimTime.format(withinNanos);
            }
            StringBuilder text = new StringBuilder(peer).append(action == Action.SEND ? " sends " : " receives ").append(formatFlags(flags));
            if (seq != null) {
                text.append(" seq ").append(seq);
            }
            if (ack != null) {
                text.append(" ack ").append(ack);
            }
            if (window >= 0) {
                text.append(" win ").append(window);
            }
            if (!options.isEmpty()) {
                text.append(" <").append(String.join(",", options.stream().map(Option::toString).toList())).append('>');
            }
            if (payload != null) {
                text.append(" payload of ").append(payload.length).append(" byte(s)");
            } else if (payloadLength >= 0) {
                text.append(" length ").append(payloadLength);
            }
            if (action == Action.EXPECT) {
                text.append(" within ").append(io.stackbench.sim.engine.SimTime.format(withinNanos));
            }
            return text.toString();
        }
    }
}
