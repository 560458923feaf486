package io.stackbench.stack.wire;

/**
 * The 16-bit ARP operation code (RFC 826 "ar$op"). Any value is representable: a known one prints
 * as its name, any other one as its decimal number.
 */
public record ArpOperation(int value) {

    public static final ArpOperation REQUEST = new ArpOperation(1);
    public static final ArpOperation REPLY = new ArpOperation(2);

    public ArpOperation {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException("ARP operation " + value + " does not fit in 16 bits");
        }
    }

    @Override
    public String toString() {
        return switch (value) {
            case 1 -> "REQUEST";
            case 2 -> "REPLY";
            default -> Integer.toString(value);
        };
    }
}
