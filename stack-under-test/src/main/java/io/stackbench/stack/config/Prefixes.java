package io.stackbench.stack.config;

/** Bit arithmetic on addresses held as network-order byte arrays. */
final class Prefixes {

    private Prefixes() {
    }

    /** Returns whether the first {@code prefixLength} bits of {@code a} and {@code b} are equal. */
    static boolean samePrefix(byte[] a, byte[] b, int prefixLength) {
        for (int bit = 0; bit < prefixLength; bit += 8) {
            int bitsInByte = Math.min(8, prefixLength - bit);
            int mask = (0xff << (8 - bitsInByte)) & 0xff;
            if (((a[bit / 8] ^ b[bit / 8]) & mask) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Returns a copy of {@code address} with every bit after the first {@code prefixLength} set to {@code hostBit}. */
    static byte[] withHostBits(byte[] address, int prefixLength, boolean hostBit) {
        byte[] result = address.clone();
        for (int bit = prefixLength; bit < result.length * 8; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if (hostBit) {
                result[bit / 8] |= (byte) mask;
            } else {
                result[bit / 8] &= (byte) ~mask;
            }
        }
        return result;
    }
}
