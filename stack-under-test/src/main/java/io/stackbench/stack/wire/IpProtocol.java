package io.stackbench.stack.wire;

/**
 * The 8-bit IPv4 Protocol / IPv6 Next Header number from the IANA "Assigned Internet Protocol
 * Numbers" registry. Any value is representable: a known one prints as its name ({@code TCP}),
 * any other one as its decimal number, the form that registry uses.
 */
public record IpProtocol(int value) {

    /** IPv6 Hop-by-Hop Options header. */
    public static final IpProtocol HOPOPT = new IpProtocol(0);
    public static final IpProtocol ICMP = new IpProtocol(1);
    public static final IpProtocol IGMP = new IpProtocol(2);
    public static final IpProtocol TCP = new IpProtocol(6);
    public static final IpProtocol UDP = new IpProtocol(17);
    /** IPv6 encapsulated in IPv4 (RFC 4213). */
    public static final IpProtocol IPV6 = new IpProtocol(41);
    public static final IpProtocol IPV6_ROUTE = new IpProtocol(43);
    public static final IpProtocol IPV6_FRAG = new IpProtocol(44);
    public static final IpProtocol ICMPV6 = new IpProtocol(58);
    public static final IpProtocol IPV6_NONXT = new IpProtocol(59);
    public static final IpProtocol IPV6_OPTS = new IpProtocol(60);

    public IpProtocol {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("IP protocol number " + value + " does not fit in 8 bits");
        }
    }

    @Override
    public String toString() {
        return switch (value) {
            case 0 -> "HOPOPT";
            case 1 -> "ICMP";
            case 2 -> "IGMP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 41 -> "IPV6";
            case 43 -> "IPV6_ROUTE";
            case 44 -> "IPV6_FRAG";
            case 58 -> "ICMPV6";
            case 59 -> "IPV6_NONXT";
            case 60 -> "IPV6_OPTS";
            default -> Integer.toString(value);
        };
    }
}
