package io.stackbench.stack.wire;

/** Big-endian reads and writes of unsigned fields, shared by the views of this package. */
final class Bytes {

    private Bytes() {
    }

    static int readU8(byte[] buffer, int index) {
        return buffer[index] & 0xff;
    }

    static int readU16(byte[] buffer, int index) {
        return ((buffer[index] & 0xff) << 8) | (buffer[index + 1] & 0xff);
    }

    static void writeU16(byte[] buffer, int index, int value) {
        buffer[index] = (byte) (value >>> 8);
        buffer[index + 1] = (byte) value;
    }

    /** Reads an unsigned 32-bit field; a {@code long} keeps values above 2^31 positive. */
    static long readU32(byte[] buffer, int index) {
        return ((long) readU16(buffer, index) << 16) | readU16(buffer, index + 2);
    }

    static void writeU32(byte[] buffer, int index, long value) {
        writeU16(buffer, index, (int) (value >>> 16) & 0xffff);
        writeU16(buffer, index + 2, (int) value & 0xffff);
    }

    /** Rejects an emit into a view that is too short, a programming error rather than bad input. */
    static void requireCapacity(int available, int needed, String viewName) {
        if (available < needed) {
            throw new IllegalArgumentException(viewName + " view of " + available + " bytes is too short, "
                    + needed + " bytes are needed");
        }
    }

    /** Rejects an emit into a view whose length differs from the message length. */
    static void requireExactLength(int available, int needed, String viewName) {
        if (available != needed) {
            throw new IllegalArgumentException(viewName + " view of " + available + " bytes must be exactly "
                    + needed + " bytes long");
        }
    }
}
