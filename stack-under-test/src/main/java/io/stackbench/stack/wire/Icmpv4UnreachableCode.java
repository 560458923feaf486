package io.stackbench.stack.wire;

/**
 * The code of an ICMPv4 Destination Unreachable message (RFC 792, RFC 1122 §3.2.2.1, RFC 1812
 * §5.2.7.1). Any 8-bit value is representable: a known one prints as its name, any other one as
 * its decimal number.
 */
public record Icmpv4UnreachableCode(int value) {

    public static final Icmpv4UnreachableCode NET_UNREACHABLE = new Icmpv4UnreachableCode(0);
    public static final Icmpv4UnreachableCode HOST_UNREACHABLE = new Icmpv4UnreachableCode(1);
    public static final Icmpv4UnreachableCode PROTOCOL_UNREACHABLE = new Icmpv4UnreachableCode(2);
    public static final Icmpv4UnreachableCode PORT_UNREACHABLE = new Icmpv4UnreachableCode(3);
    /** Fragmentation needed and DF set. The message carries the next-hop MTU (RFC 1191). */
    public static final Icmpv4UnreachableCode FRAGMENTATION_NEEDED = new Icmpv4UnreachableCode(4);
    public static final Icmpv4UnreachableCode SOURCE_ROUTE_FAILED = new Icmpv4UnreachableCode(5);
    public static final Icmpv4UnreachableCode NET_UNKNOWN = new Icmpv4UnreachableCode(6);
    public static final Icmpv4UnreachableCode HOST_UNKNOWN = new Icmpv4UnreachableCode(7);
    public static final Icmpv4UnreachableCode SOURCE_HOST_ISOLATED = new Icmpv4UnreachableCode(8);
    public static final Icmpv4UnreachableCode NET_PROHIBITED = new Icmpv4UnreachableCode(9);
    public static final Icmpv4UnreachableCode HOST_PROHIBITED = new Icmpv4UnreachableCode(10);
    public static final Icmpv4UnreachableCode NET_UNREACHABLE_FOR_TOS = new Icmpv4UnreachableCode(11);
    public static final Icmpv4UnreachableCode HOST_UNREACHABLE_FOR_TOS = new Icmpv4UnreachableCode(12);
    public static final Icmpv4UnreachableCode COMMUNICATION_PROHIBITED = new Icmpv4UnreachableCode(13);
    public static final Icmpv4UnreachableCode HOST_PRECEDENCE_VIOLATION = new Icmpv4UnreachableCode(14);
    public static final Icmpv4UnreachableCode PRECEDENCE_CUTOFF = new Icmpv4UnreachableCode(15);

    private static final String[] NAMES = {
        "NET_UNREACHABLE", "HOST_UNREACHABLE", "PROTOCOL_UNREACHABLE", "PORT_UNREACHABLE",
        "FRAGMENTATION_NEEDED", "SOURCE_ROUTE_FAILED", "NET_UNKNOWN", "HOST_UNKNOWN",
        "SOURCE_HOST_ISOLATED", "NET_PROHIBITED", "HOST_PROHIBITED", "NET_UNREACHABLE_FOR_TOS",
        "HOST_UNREACHABLE_FOR_TOS", "COMMUNICATION_PROHIBITED", "HOST_PRECEDENCE_VIOLATION",
        "PRECEDENCE_CUTOFF",
    };

    public Icmpv4UnreachableCode {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("ICMPv4 unreachable code " + value + " does not fit in 8 bits");
        }
    }

    @Override
    public String toString() {
        return value < NAMES.length ? NAMES[value] : Integer.toString(value);
    }
}
