package io.stackbench.stack.tcp;

/**
 * Arithmetic on 32-bit sequence numbers modulo 2^32 (RFC 9293 §3.4), held in a {@code long}
 * between 0 and 0xffffffff.
 */
final class SequenceNumbers {

    private static final long MASK = 0xffff_ffffL;

    private SequenceNumbers() {
    }

    static long add(long sequence, long amount) {
        return (sequence + amount) & MASK;
    }

    /** Returns {@code a − b} as a signed distance, valid while the two are less than 2^31 apart. */
    static long distance(long a, long b) {
        return (int) ((a - b) & MASK);
    }

    static boolean lessThan(long a, long b) {
        return distance(a, b) < 0;
    }

    static boolean lessOrEqual(long a, long b) {
        return distance(a, b) <= 0;
    }

    /** Returns true when {@code low ≤ value < high}, modulo 2^32. */
    static boolean inRange(long low, long value, long high) {
        return lessOrEqual(low, value) && lessThan(value, high);
    }
}
