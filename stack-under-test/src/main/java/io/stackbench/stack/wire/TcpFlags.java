package io.stackbench.stack.wire;

import java.util.StringJoiner;

/**
 * The eight control bits of a TCP header (RFC 9293 §3.1), byte 13 of the segment. Any combination
 * is representable, because the wire format allows all of them: whether SYN with FIN makes sense
 * is for the TCP state machine to decide.
 *
 * <p>{@link #toString()} joins the names of the set bits with commas, from FIN (the lowest bit) up
 * to CWR, so a segment that opens a connection in reply prints as {@code SYN,ACK}.
 */
public record TcpFlags(int bits) {

    /** No more data from the sender. */
    public static final TcpFlags FIN = new TcpFlags(0x01);
    /** Synchronize sequence numbers. */
    public static final TcpFlags SYN = new TcpFlags(0x02);
    /** Reset the connection. */
    public static final TcpFlags RST = new TcpFlags(0x04);
    /** Push function. */
    public static final TcpFlags PSH = new TcpFlags(0x08);
    /** Acknowledgment field is significant. */
    public static final TcpFlags ACK = new TcpFlags(0x10);
    /** Urgent pointer field is significant. */
    public static final TcpFlags URG = new TcpFlags(0x20);
    /** ECN-Echo (RFC 3168 §6.1). */
    public static final TcpFlags ECE = new TcpFlags(0x40);
    /** Congestion Window Reduced (RFC 3168 §6.1). */
    public static final TcpFlags CWR = new TcpFlags(0x80);

    public static final TcpFlags NONE = new TcpFlags(0);

    private static final String[] NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};

    public TcpFlags {
        if (bits < 0 || bits > 0xff) {
            throw new IllegalArgumentException("TCP flags 0x" + Integer.toHexString(bits) + " do not fit in 8 bits");
        }
    }

    /** Returns the union of {@code flags}, for example {@code TcpFlags.of(TcpFlags.SYN, TcpFlags.ACK)}. */
    public static TcpFlags of(TcpFlags... flags) {
        int union = 0;
        for (TcpFlags flag : flags) {
            union |= flag.bits;
        }
        return new TcpFlags(union);
    }

    /** True when every bit set in {@code other} is also set here. */
    public boolean contains(TcpFlags other) {
        return (bits & other.bits) == other.bits;
    }

    /** Returns these flags with the bits of {@code other} set as well. */
    public TcpFlags with(TcpFlags other) {
        return new TcpFlags(bits | other.bits);
    }

    /** Returns these flags with the bits of {@code other} cleared. */
    public TcpFlags without(TcpFlags other) {
        return new TcpFlags(bits & ~other.bits);
    }

    public boolean isEmpty() {
        return bits == 0;
    }

    @Override
    public String toString() {
        if (bits == 0) {
            return "NONE";
        }
        StringJoiner names = new StringJoiner(",");
        for (int bit = 0; bit < NAMES.length; bit++) {
            if ((bits & (1 << bit)) != 0) {
                names.add(NAMES[bit]);
            }
        }
        return names.toString();
    }
}
