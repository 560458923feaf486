package io.stackbench.stack.wire;

/**
 * The 8-bit kind of a TCP option (RFC 9293 §3.2, IANA "TCP Option Kind Numbers"). Any value is
 * representable: a known one prints as its name, any other one as its decimal number, the form
 * that registry uses.
 */
public record TcpOptionKind(int value) {

    public static final TcpOptionKind END_OF_OPTION_LIST = new TcpOptionKind(0);
    public static final TcpOptionKind NO_OPERATION = new TcpOptionKind(1);
    public static final TcpOptionKind MAXIMUM_SEGMENT_SIZE = new TcpOptionKind(2);
    /** Window Scale (RFC 7323 §2.2). */
    public static final TcpOptionKind WINDOW_SCALE = new TcpOptionKind(3);
    /** SACK-Permitted (RFC 2018 §2). */
    public static final TcpOptionKind SACK_PERMITTED = new TcpOptionKind(4);
    /** SACK (RFC 2018 §3). */
    public static final TcpOptionKind SACK = new TcpOptionKind(5);
    /** Timestamps (RFC 7323 §3.2). */
    public static final TcpOptionKind TIMESTAMPS = new TcpOptionKind(8);

    public TcpOptionKind {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("TCP option kind " + value + " does not fit in 8 bits");
        }
    }

    @Override
    public String toString() {
        return switch (value) {
            case 0 -> "END_OF_OPTION_LIST";
            case 1 -> "NO_OPERATION";
            case 2 -> "MAXIMUM_SEGMENT_SIZE";
            case 3 -> "WINDOW_SCALE";
            case 4 -> "SACK_PERMITTED";
            case 5 -> "SACK";
            case 8 -> "TIMESTAMPS";
            default -> Integer.toString(value);
        };
    }
}
