package io.stackbench.scenario.filter;

import java.util.Arrays;

/** The value on the right of a comparison, already converted for the field's type. */
sealed interface Literal {

    /** An integer, or a boolean as 0 or 1. */
    record NumberLiteral(long value) implements Literal {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /**
     * An address, or a CIDR prefix when {@code prefixLength} is shorter than the address. Only the
     * first {@code prefixLength} bits take part in {@code ==} and {@code !=}.
     */
    record AddressLiteral(byte[] octets, int prefixLength, String text) implements Literal {

        boolean isPrefix() {
            return prefixLength < octets.length * 8;
        }

        /** Returns whether the first prefixLength bits of {@code address} equal those of this literal. */
        boolean contains(byte[] address) {
            if (address.length != octets.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != octets[i]) {
                    return false;
                }
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = (0xff << (8 - remainingBits)) & 0xff;
            return (address[fullBytes] & mask) == (octets[fullBytes] & mask);
        }

        /** Compares {@code address} with this literal as unsigned big-endian numbers. */
        int compare(byte[] address) {
            return Arrays.compareUnsigned(address, octets);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
