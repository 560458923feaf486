package io.stackbench.stack.wire;

import java.util.Locale;

/**
 * The 8-bit type of an option in a Hop-by-Hop or Destination Options header (RFC 8200 §4.2, IANA
 * "Destination Options and Hop-by-Hop Options"). Any value is representable: a known one prints as
 * its name, any other one in hex ({@code 0x1e}), the form that registry uses.
 *
 * <p>The type itself encodes two rules: its two high bits give the action of a node that does not
 * recognise the option ({@link #action()}), and the third bit is set when the data may change on
 * the way to the destination.
 */
public record Ipv6OptionType(int value) {

    /** One byte of padding, the only option without length and data. */
    public static final Ipv6OptionType PAD1 = new Ipv6OptionType(0x00);
    /** Padding of two or more bytes. */
    public static final Ipv6OptionType PADN = new Ipv6OptionType(0x01);
    /** Router Alert (RFC 2711), which MLD messages carry in a Hop-by-Hop header. */
    public static final Ipv6OptionType ROUTER_ALERT = new Ipv6OptionType(0x05);
    /** Jumbo Payload (RFC 2675). */
    public static final Ipv6OptionType JUMBO_PAYLOAD = new Ipv6OptionType(0xc2);

    public Ipv6OptionType {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("IPv6 option type " + value + " does not fit in 8 bits");
        }
    }

    /** Returns the action for a node that does not recognise this option, from the two high bits. */
    public Ipv6OptionAction action() {
        return Ipv6OptionAction.values()[value >>> 6];
    }

    /** True when the third-highest bit is set: the option data may change en route (RFC 8200 §4.2). */
    public boolean mayChangeEnRoute() {
        return (value & 0x20) != 0;
    }

    @Override
    public String toString() {
        return switch (value) {
            case 0x00 -> "PAD1";
            case 0x01 -> "PADN";
            case 0x05 -> "ROUTER_ALERT";
            case 0xc2 -> "JUMBO_PAYLOAD";
            default -> String.format(Locale.ROOT, "0x%02x", value);
        };
    }
}
