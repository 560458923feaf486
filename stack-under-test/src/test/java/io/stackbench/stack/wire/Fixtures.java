package io.stackbench.stack.wire;

import java.util.Arrays;
import java.util.HexFormat;

/** Byte fixtures for the wire tests. */
final class Fixtures {

    /** Fill byte of poisoned buffers: an emit that skips a byte leaves 0xa5 behind, never zero. */
    static final byte POISON = (byte) 0xa5;

    private Fixtures() {
    }

    /**
     * Decodes hex written one field per line: whitespace is ignored and {@code #} starts a comment
     * that runs to the end of the line.
     */
    static byte[] hex(String annotated) {
        StringBuilder digits = new StringBuilder();
        for (String line : annotated.split("\n", -1)) {
            int comment = line.indexOf('#');
            String code = comment >= 0 ? line.substring(0, comment) : line;
            digits.append(code.replaceAll("\\s+", ""));
        }
        return HexFormat.of().parseHex(digits);
    }

    /** Returns a buffer of {@code length} bytes, each set to {@link #POISON}. */
    static byte[] poisoned(int length) {
        byte[] buffer = new byte[length];
        Arrays.fill(buffer, POISON);
        return buffer;
    }

    /** Returns {@code bytes} with one byte replaced. */
    static byte[] with(byte[] bytes, int index, int value) {
        byte[] copy = bytes.clone();
        copy[index] = (byte) value;
        return copy;
    }
}
