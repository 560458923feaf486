package io.stackbench.stack.wire;

/**
 * The 8-bit ICMPv4 message type (RFC 792). Any value is representable: a known one prints as its
 * name, any other one as its decimal number.
 */
public record Icmpv4Type(int value) {

    public static final Icmpv4Type ECHO_REPLY = new Icmpv4Type(0);
    public static final Icmpv4Type DESTINATION_UNREACHABLE = new Icmpv4Type(3);
    public static final Icmpv4Type SOURCE_QUENCH = new Icmpv4Type(4);
    public static final Icmpv4Type REDIRECT = new Icmpv4Type(5);
    public static final Icmpv4Type ECHO_REQUEST = new Icmpv4Type(8);
    /** RFC 1256. */
    public static final Icmpv4Type ROUTER_ADVERTISEMENT = new Icmpv4Type(9);
    /** RFC 1256. */
    public static final Icmpv4Type ROUTER_SOLICITATION = new Icmpv4Type(10);
    public static final Icmpv4Type TIME_EXCEEDED = new Icmpv4Type(11);
    public static final Icmpv4Type PARAMETER_PROBLEM = new Icmpv4Type(12);
    public static final Icmpv4Type TIMESTAMP = new Icmpv4Type(13);
    public static final Icmpv4Type TIMESTAMP_REPLY = new Icmpv4Type(14);

    public Icmpv4Type {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("ICMPv4 type " + value + " does not fit in 8 bits");
        }
    }

    @Override
    public String toString() {
        return switch (value) {
            case 0 -> "ECHO_REPLY";
            case 3 -> "DESTINATION_UNREACHABLE";
            case 4 -> "SOURCE_QUENCH";
            case 5 -> "REDIRECT";
            case 8 -> "ECHO_REQUEST";
            case 9 -> "ROUTER_ADVERTISEMENT";
            case 10 -> "ROUTER_SOLICITATION";
            case 11 -> "TIME_EXCEEDED";
            case 12 -> "PARAMETER_PROBLEM";
            case 13 -> "TIMESTAMP";
            case 14 -> "TIMESTAMP_REPLY";
            default -> Integer.toString(value);
        };
    }
}
