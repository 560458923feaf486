package io.stackbench.stack.wire;

/**
 * The layout that the Hop-by-Hop, Routing and Destination Options headers share (RFC 8200 §4):
 * Next Header in the first byte and Hdr Ext Len, the length in 8-byte units not counting the
 * first 8 bytes, in the second.
 */
final class Ipv6ExtensionHeaders {

    /** Every extension header is a multiple of this many bytes, and at least this long. */
    static final int UNIT = 8;
    /** Largest header: Hdr Ext Len 255. */
    static final int MAX_LENGTH = (0xff + 1) * UNIT;

    static final int NEXT_HEADER = 0;
    static final int HEADER_EXTENSION_LENGTH = 1;

    private Ipv6ExtensionHeaders() {
    }

    /** Returns the header length in bytes that a Hdr Ext Len field gives. */
    static int lengthFromField(int headerExtensionLength) {
        return (headerExtensionLength + 1) * UNIT;
    }

    /**
     * Checks that {@code available} bytes hold the first 8 bytes of a header and the whole length
     * its Hdr Ext Len field gives.
     */
    static void check(String headerName, byte[] buffer, int offset, int available) throws MalformedPacketException {
        if (available < UNIT) {
            throw Ipv6Packet.malformed(MalformedPacketException.Reason.TRUNCATED,
                    headerName + " header of " + available + " bytes is shorter than " + UNIT + " bytes");
        }
        int length = lengthFromField(Bytes.readU8(buffer, offset + HEADER_EXTENSION_LENGTH));
        if (length > available) {
            throw Ipv6Packet.malformed(MalformedPacketException.Reason.TRUNCATED,
                    headerName + " header length " + length + " exceeds the " + available + " bytes left in the packet");
        }
    }

    /** Rejects a repr whose header would not be a whole number of 8-byte units up to 2048 bytes. */
    static void requireHeaderLength(String headerName, int length) {
        if (length % UNIT != 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException(headerName + " header of " + length
                    + " bytes is not a multiple of 8 bytes up to " + MAX_LENGTH);
        }
    }
}
