package io.stackbench.stack.wire;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One option of a Hop-by-Hop or Destination Options header (RFC 8200 §4.2): type, data length and
 * data, or a single zero byte for {@link Ipv6OptionType#PAD1}. Options of every type, padding
 * included, are kept raw, so a header parses and emits again byte for byte.
 */
public record Ipv6Option(Ipv6OptionType type, byte[] data) {

    /** Largest data length: the Opt Data Len field is 8 bits. */
    public static final int MAX_DATA_LENGTH = 0xff;

    public Ipv6Option {
        Objects.requireNonNull(type, "type");
        if (type.equals(Ipv6OptionType.PAD1) && data.length != 0) {
            throw new IllegalArgumentException("a Pad1 option has no data, but " + data.length + " bytes were given");
        }
        if (data.length > MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("IPv6 option data of " + data.length + " bytes exceeds " + MAX_DATA_LENGTH);
        }
        data = data.clone();
    }

    /** Returns a Pad1 option: one byte of padding. */
    public static Ipv6Option pad1() {
        return new Ipv6Option(Ipv6OptionType.PAD1, new byte[0]);
    }

    /** Returns a PadN option of {@code length} bytes in all, from 2 to 257, with zero data. */
    public static Ipv6Option padN(int length) {
        if (length < 2 || length > MAX_DATA_LENGTH + 2) {
            throw new IllegalArgumentException("a PadN option is 2 to 257 bytes long, not " + length);
        }
        return new Ipv6Option(Ipv6OptionType.PADN, new byte[length - 2]);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Returns the option length in bytes: 1 for Pad1, else the two header bytes plus the data. */
    public int bufferLength() {
        return type.equals(Ipv6OptionType.PAD1) ? 1 : 2 + data.length;
    }

    /** Writes the option at {@code buffer[offset]}. */
    public void emit(byte[] buffer, int offset) {
        buffer[offset] = (byte) type.value();
        if (type.equals(Ipv6OptionType.PAD1)) {
            return;
        }
        buffer[offset + 1] = (byte) data.length;
        System.arraycopy(data, 0, buffer, offset + 2, data.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv6Option other && type.equals(other.type) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "Ipv6Option[type=" + type + ", data=" + HexFormat.of().formatHex(data) + "]";
    }
}
