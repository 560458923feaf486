package io.stackbench.stack.wire;

/**
 * The 8-bit type of a Neighbor Discovery option (RFC 4861 §4.6, IANA "IPv6 Neighbor Discovery
 * Option Formats"). Any value is representable: a known one prints as its name, any other one as
 * its decimal number.
 */
public record NdpOptionType(int value) {

    public static final NdpOptionType SOURCE_LINK_LAYER_ADDRESS = new NdpOptionType(1);
    public static final NdpOptionType TARGET_LINK_LAYER_ADDRESS = new NdpOptionType(2);
    public static final NdpOptionType PREFIX_INFORMATION = new NdpOptionType(3);
    public static final NdpOptionType REDIRECTED_HEADER = new NdpOptionType(4);
    public static final NdpOptionType MTU = new NdpOptionType(5);
    /** Nonce (RFC 3971 §5.3.2), which RFC 7527 uses to recognise a node's own looped-back DAD probe. */
    public static final NdpOptionType NONCE = new NdpOptionType(14);
    /** Recursive DNS Server (RFC 8106 §5.1). */
    public static final NdpOptionType RECURSIVE_DNS_SERVER = new NdpOptionType(25);

    public NdpOptionType {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("NDP option type " + value + " does not fit in 8 bits");
        }
    }

    @Override
    public String toString() {
        return switch (value) {
            case 1 -> "SOURCE_LINK_LAYER_ADDRESS";
            case 2 -> "TARGET_LINK_LAYER_ADDRESS";
            case 3 -> "PREFIX_INFORMATION";
            case 4 -> "REDIRECTED_HEADER";
            case 5 -> "MTU";
            case 14 -> "NONCE";
            case 25 -> "RECURSIVE_DNS_SERVER";
            default -> Integer.toString(value);
        };
    }
}
