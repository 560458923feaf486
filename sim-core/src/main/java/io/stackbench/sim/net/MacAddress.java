package io.stackbench.sim.net;

import java.util.Locale;

/**
 * A 48-bit IEEE 802 MAC address, held in the low 48 bits of a {@code long}.
 *
 * <p>Immutable and cheap to compare, so segments can use it as a map key on the hot path.
 */
public record MacAddress(long value) implements Comparable<MacAddress> {

    public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);
    public static final MacAddress ZERO = new MacAddress(0L);

    public MacAddress {
        if ((value & ~0xffff_ffff_ffffL) != 0) {
            throw new IllegalArgumentException("MAC address has more than 48 bits: 0x" + Long.toHexString(value));
        }
    }

    /** Parses the colon form {@code 52:54:00:12:34:56} (dashes are accepted too). */
    public static MacAddress parse(String text) {
        String[] parts = text.trim().split("[:-]");
        if (parts.length != 6) {
            throw new IllegalArgumentException("invalid MAC address '" + text + "': expected six hex octets such as 02:00:00:00:00:01");
        }
        long v = 0;
        for (String part : parts) {
            if (part.length() != 2) {
                throw new IllegalArgumentException("invalid MAC address '" + text + "': each octet needs two hex digits");
            }
            try {
                v = (v << 8) | Integer.parseInt(part, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid MAC address '" + text + "': '" + part + "' is not hex", e);
            }
        }
        return new MacAddress(v);
    }

    /** Reads six octets at {@code offset}. */
    public static MacAddress read(byte[] bytes, int offset) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (bytes[offset + i] & 0xff);
        }
        return new MacAddress(v);
    }

    /** Writes six octets at {@code offset}. */
    public void write(byte[] bytes, int offset) {
        for (int i = 0; i < 6; i++) {
            bytes[offset + i] = (byte) (value >>> (40 - 8 * i));
        }
    }

    public byte[] toBytes() {
        byte[] b = new byte[6];
        write(b, 0);
        return b;
    }

    /** True for the group bit set: broadcast and every multicast address. */
    public boolean isMulticast() {
        return (value & 0x0100_0000_0000L) != 0;
    }

    public boolean isBroadcast() {
        return value == BROADCAST.value;
    }

    @Override
    public int compareTo(MacAddress other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format(Locale.ROOT, "%02x", (value >>> (40 - 8 * i)) & 0xff));
        }
        return sb.toString();
    }
}
