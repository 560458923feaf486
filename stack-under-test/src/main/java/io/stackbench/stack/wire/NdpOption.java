package io.stackbench.stack.wire;

import io.stackbench.sim.net.MacAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One Neighbor Discovery option (RFC 4861 §4.6): a type byte, a length byte in units of 8 bytes
 * that covers the whole option, and a body.
 *
 * <p>The options the stack uses have records. Every other option, and a known type whose length is
 * not the one this stack understands (a link-layer address option of another link type, say), is
 * kept as {@link Unknown} with its raw body, so any option list that parses also emits again.
 */
public sealed interface NdpOption {

    /** Options are sized in units of this many bytes. */
    int UNIT = 8;

    /** Lifetime value that means infinity in a Prefix Information option (RFC 4861 §4.6.2). */
    long INFINITE_LIFETIME = 0xffff_ffffL;

    NdpOptionType type();

    /** Returns the option length in bytes, a multiple of 8. */
    int bufferLength();

    /** Writes the whole option, header included, at {@code buffer[offset]}. */
    void emit(byte[] buffer, int offset);

    /**
     * Reads every option in {@code buffer[offset, offset + length)}, in order. Each option's bytes
     * are checked to lie inside that range before they are read.
     *
     * @throws MalformedPacketException {@code icmpv6.bad-option-length} for an option whose length
     *     field is 0 (RFC 4861 §4.6) or that runs past the end of the range
     */
    static List<NdpOption> parseAll(byte[] buffer, int offset, int length) throws MalformedPacketException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        List<NdpOption> options = new ArrayList<>();
        int end = offset + length;
        int position = offset;
        while (position < end) {
            if (end - position < 2) {
                throw badLength("option at byte " + (position - offset) + " has " + (end - position)
                        + " byte left, too few for its type and length");
            }
            int type = Bytes.readU8(buffer, position);
            int units = Bytes.readU8(buffer, position + 1);
            if (units == 0) {
                throw badLength("option type " + new NdpOptionType(type) + " at byte " + (position - offset)
                        + " has length 0, which RFC 4861 §4.6 forbids");
            }
            int optionLength = units * UNIT;
            if (optionLength > end - position) {
                throw badLength("option type " + new NdpOptionType(type) + " at byte " + (position - offset)
                        + " is " + optionLength + " bytes long, but only " + (end - position) + " bytes remain");
            }

            options.add(parseOne(buffer, position, type, optionLength));
            position += optionLength;
        }
        return List.copyOf(options);
    }

    private static NdpOption parseOne(byte[] buffer, int position, int type, int optionLength) {
        if (optionLength == UNIT) {
            if (type == NdpOptionType.SOURCE_LINK_LAYER_ADDRESS.value()) {
                return new SourceLinkLayerAddress(MacAddress.read(buffer, position + 2));
            }
            if (type == NdpOptionType.TARGET_LINK_LAYER_ADDRESS.value()) {
                return new TargetLinkLayerAddress(MacAddress.read(buffer, position + 2));
            }
            if (type == NdpOptionType.MTU.value()) {
                return new Mtu(Bytes.readU32(buffer, position + 4));
            }
        }
        if (optionLength == PrefixInformation.LENGTH && type == NdpOptionType.PREFIX_INFORMATION.value()) {
            return PrefixInformation.read(buffer, position);
        }
        byte[] data = Arrays.copyOfRange(buffer, position + 2, position + optionLength);
        return new Unknown(new NdpOptionType(type), data);
    }

    private static MalformedPacketException badLength(String detail) {
        return new MalformedPacketException(Icmpv6Packet.PROTOCOL, MalformedPacketException.Reason.BAD_OPTION_LENGTH,
                detail);
    }

    /** Returns the length in bytes of all options together. */
    static int bufferLength(List<NdpOption> options) {
        int total = 0;
        for (NdpOption option : options) {
            total += option.bufferLength();
        }
        return total;
    }

    /** Writes the options one after another from {@code buffer[offset]}. */
    static void emitAll(List<NdpOption> options, byte[] buffer, int offset) {
        int position = offset;
        for (NdpOption option : options) {
            option.emit(buffer, position);
            position += option.bufferLength();
        }
    }

    /** Source Link-Layer Address for Ethernet, length 1 (RFC 4861 §4.6.1). */
    record SourceLinkLayerAddress(MacAddress address) implements NdpOption {

        public SourceLinkLayerAddress {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public NdpOptionType type() {
            return NdpOptionType.SOURCE_LINK_LAYER_ADDRESS;
        }

        @Override
        public int bufferLength() {
            return UNIT;
        }

        @Override
        public void emit(byte[] buffer, int offset) {
            emitLinkLayerAddress(buffer, offset, type(), address);
        }
    }

    /** Target Link-Layer Address for Ethernet, length 1 (RFC 4861 §4.6.1). */
    record TargetLinkLayerAddress(MacAddress address) implements NdpOption {

        public TargetLinkLayerAddress {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public NdpOptionType type() {
            return NdpOptionType.TARGET_LINK_LAYER_ADDRESS;
        }

        @Override
        public int bufferLength() {
            return UNIT;
        }

        @Override
        public void emit(byte[] buffer, int offset) {
            emitLinkLayerAddress(buffer, offset, type(), address);
        }
    }

    /**
     * Prefix Information, length 4 (RFC 4861 §4.6.2). Lifetimes are in seconds, and
     * {@link #INFINITE_LIFETIME} means infinity. The six flag bits after L and A and the 32-bit
     * reserved field are ignored on parse and written as zero.
     *
     * @param onLink the L flag: the prefix can be used for on-link determination
     * @param autonomous the A flag: the prefix can be used for stateless address configuration
     */
    record PrefixInformation(
            int prefixLength, boolean onLink, boolean autonomous, long validLifetime, long preferredLifetime,
            Ipv6Address prefix) implements NdpOption {

        static final int LENGTH = 32;

        private static final int PREFIX_LENGTH = 2;
        private static final int FLAGS = 3;
        private static final int VALID_LIFETIME = 4;
        private static final int PREFERRED_LIFETIME = 8;
        private static final int RESERVED = 12;
        private static final int PREFIX = 16;
        private static final int FLAG_ON_LINK = 0x80;
        private static final int FLAG_AUTONOMOUS = 0x40;

        public PrefixInformation {
            if (prefixLength < 0 || prefixLength > 255) {
                throw new IllegalArgumentException("prefix length " + prefixLength + " does not fit in 8 bits");
            }
            requireU32("validLifetime", validLifetime);
            requireU32("preferredLifetime", preferredLifetime);
            Objects.requireNonNull(prefix, "prefix");
        }

        static PrefixInformation read(byte[] buffer, int position) {
            int flags = Bytes.readU8(buffer, position + FLAGS);
            return new PrefixInformation(
                    Bytes.readU8(buffer, position + PREFIX_LENGTH),
                    (flags & FLAG_ON_LINK) != 0,
                    (flags & FLAG_AUTONOMOUS) != 0,
                    Bytes.readU32(buffer, position + VALID_LIFETIME),
                    Bytes.readU32(buffer, position + PREFERRED_LIFETIME),
                    Ipv6Address.read(buffer, position + PREFIX));
        }

        @Override
        public NdpOptionType type() {
            return NdpOptionType.PREFIX_INFORMATION;
        }

        @Override
        public int bufferLength() {
            return LENGTH;
        }

        @Override
        public void emit(byte[] buffer, int offset) {
            buffer[offset] = (byte) type().value();
            buffer[offset + 1] = (byte) (LENGTH / UNIT);
            buffer[offset + PREFIX_LENGTH] = (byte) prefixLength;
            buffer[offset + FLAGS] = (byte) ((onLink ? FLAG_ON_LINK : 0) | (autonomous ? FLAG_AUTONOMOUS : 0));
            Bytes.writeU32(buffer, offset + VALID_LIFETIME, validLifetime);
            Bytes.writeU32(buffer, offset + PREFERRED_LIFETIME, preferredLifetime);
            Bytes.writeU32(buffer, offset + RESERVED, 0);
            prefix.write(buffer, offset + PREFIX);
        }
    }

    /**
     * MTU, length 1 (RFC 4861 §4.6.4): the link MTU a router advertises, in bytes. The 16-bit
     * reserved field is ignored on parse and written as zero.
     */
    record Mtu(long mtu) implements NdpOption {

        public Mtu {
            requireU32("mtu", mtu);
        }

        @Override
        public NdpOptionType type() {
            return NdpOptionType.MTU;
        }

        @Override
        public int bufferLength() {
            return UNIT;
        }

        @Override
        public void emit(byte[] buffer, int offset) {
            buffer[offset] = (byte) type().value();
            buffer[offset + 1] = 1;
            Bytes.writeU16(buffer, offset + 2, 0);
            Bytes.writeU32(buffer, offset + 4, mtu);
        }
    }

    /**
     * Any other option, kept raw. {@code data} is the body after the type and length bytes, so its
     * length is 6, 14, 22 ... bytes. A type and length that parse as one of the other records are
     * rejected, because a round trip must give back an equal option.
     */
    record Unknown(NdpOptionType type, byte[] data) implements NdpOption {

        /** Largest body: a length byte of 255 units minus the two header bytes. */
        static final int MAX_DATA_LENGTH = 255 * UNIT - 2;

        public Unknown {
            Objects.requireNonNull(type, "type");
            if ((data.length + 2) % UNIT != 0 || data.length > MAX_DATA_LENGTH) {
                throw new IllegalArgumentException("NDP option body of " + data.length
                        + " bytes does not make the option a multiple of 8 bytes up to " + (MAX_DATA_LENGTH + 2));
            }
            if (hasOwnRecord(type, data.length + 2)) {
                throw new IllegalArgumentException("NDP option " + type + " of " + (data.length + 2)
                        + " bytes has its own record; use that instead of Unknown");
            }
            data = data.clone();
        }

        private static boolean hasOwnRecord(NdpOptionType type, int optionLength) {
            boolean eightBytes = optionLength == UNIT;
            return (eightBytes && (type.equals(NdpOptionType.SOURCE_LINK_LAYER_ADDRESS)
                            || type.equals(NdpOptionType.TARGET_LINK_LAYER_ADDRESS)
                            || type.equals(NdpOptionType.MTU)))
                    || (optionLength == PrefixInformation.LENGTH && type.equals(NdpOptionType.PREFIX_INFORMATION));
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int bufferLength() {
            return data.length + 2;
        }

        @Override
        public void emit(byte[] buffer, int offset) {
            buffer[offset] = (byte) type.value();
            buffer[offset + 1] = (byte) (bufferLength() / UNIT);
            System.arraycopy(data, 0, buffer, offset + 2, data.length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown other && type.equals(other.type) && Arrays.equals(data, other.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "Unknown[type=" + type + ", data=" + HexFormat.of().formatHex(data) + "]";
        }
    }

    private static void emitLinkLayerAddress(byte[] buffer, int offset, NdpOptionType type, MacAddress address) {
        buffer[offset] = (byte) type.value();
        buffer[offset + 1] = 1;
        address.write(buffer, offset + 2);
    }

    private static void requireU32(String field, long value) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException("NDP " + field + " " + value + " does not fit in 32 bits");
        }
    }
}

