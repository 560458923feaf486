package io.stackbench.stack.wire;

import java.util.Locale;

/**
 * The 16-bit EtherType of an Ethernet II frame (RFC 894). Any value is representable: a known one
 * prints as its name ({@code IPV4}), any other one in hex ({@code 0x88b5}).
 */
public record EtherType(int value) {

    public static final EtherType IPV4 = new EtherType(0x0800);
    public static final EtherType ARP = new EtherType(0x0806);
    /** IEEE 802.1Q customer VLAN tag. */
    public static final EtherType VLAN = new EtherType(0x8100);
    public static final EtherType IPV6 = new EtherType(0x86dd);
    /** IEEE 802.1ad service VLAN tag (Q-in-Q). */
    public static final EtherType QINQ = new EtherType(0x88a8);

    public EtherType {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException("EtherType " + value + " does not fit in 16 bits");
        }
    }

    @Override
    public String toString() {
        return switch (value) {
            case 0x0800 -> "IPV4";
            case 0x0806 -> "ARP";
            case 0x8100 -> "VLAN";
            case 0x86dd -> "IPV6";
            case 0x88a8 -> "QINQ";
            default -> String.format(Locale.ROOT, "0x%04x", value);
        };
    }
}
