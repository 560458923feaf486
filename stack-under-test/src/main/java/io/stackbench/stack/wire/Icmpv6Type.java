package io.stackbench.stack.wire;

/**
 * The 8-bit ICMPv6 message type (RFC 4443 §2.1, IANA "ICMPv6 Parameters"). Any value is
 * representable: a known one prints as its name, any other one as its decimal number. Types 0 to
 * 127 are error messages, 128 to 255 informational ones.
 */
public record Icmpv6Type(int value) {

    public static final Icmpv6Type DESTINATION_UNREACHABLE = new Icmpv6Type(1);
    public static final Icmpv6Type PACKET_TOO_BIG = new Icmpv6Type(2);
    public static final Icmpv6Type TIME_EXCEEDED = new Icmpv6Type(3);
    public static final Icmpv6Type PARAMETER_PROBLEM = new Icmpv6Type(4);
    public static final Icmpv6Type ECHO_REQUEST = new Icmpv6Type(128);
    public static final Icmpv6Type ECHO_REPLY = new Icmpv6Type(129);
    /** MLDv1 and MLDv2 query (RFC 2710, RFC 3810). */
    public static final Icmpv6Type MULTICAST_LISTENER_QUERY = new Icmpv6Type(130);
    /** MLDv1 report (RFC 2710). */
    public static final Icmpv6Type MULTICAST_LISTENER_REPORT = new Icmpv6Type(131);
    /** MLDv1 done (RFC 2710). */
    public static final Icmpv6Type MULTICAST_LISTENER_DONE = new Icmpv6Type(132);
    public static final Icmpv6Type ROUTER_SOLICITATION = new Icmpv6Type(133);
    public static final Icmpv6Type ROUTER_ADVERTISEMENT = new Icmpv6Type(134);
    public static final Icmpv6Type NEIGHBOR_SOLICITATION = new Icmpv6Type(135);
    public static final Icmpv6Type NEIGHBOR_ADVERTISEMENT = new Icmpv6Type(136);
    public static final Icmpv6Type REDIRECT = new Icmpv6Type(137);
    /** Version 2 Multicast Listener Report (RFC 3810 §5.2). */
    public static final Icmpv6Type MULTICAST_LISTENER_REPORT_V2 = new Icmpv6Type(143);

    public Icmpv6Type {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("ICMPv6 type " + value + " does not fit in 8 bits");
        }
    }

    /** True for types 0 to 127, the error messages (RFC 4443 §2.1). */
    public boolean isError() {
        return value < 128;
    }

    @Override
    public String toString() {
        return switch (value) {
            case 1 -> "DESTINATION_UNREACHABLE";
            case 2 -> "PACKET_TOO_BIG";
            case 3 -> "TIME_EXCEEDED";
            case 4 -> "PARAMETER_PROBLEM";
            case 128 -> "ECHO_REQUEST";
            case 129 -> "ECHO_REPLY";
            case 130 -> "MULTICAST_LISTENER_QUERY";
            case 131 -> "MULTICAST_LISTENER_REPORT";
            case 132 -> "MULTICAST_LISTENER_DONE";
            case 133 -> "ROUTER_SOLICITATION";
            case 134 -> "ROUTER_ADVERTISEMENT";
            case 135 -> "NEIGHBOR_SOLICITATION";
            case 136 -> "NEIGHBOR_ADVERTISEMENT";
            case 137 -> "REDIRECT";
            case 143 -> "MULTICAST_LISTENER_REPORT_V2";
            default -> Integer.toString(value);
        };
    }
}
