package io.stackbench.stack.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The fields of a Hop-by-Hop Options or Destination Options header (RFC 8200 §4.2): the next
 * header and every option in order, padding included, so that the options fill the header exactly.
 * {@link #withPadding} adds the padding for a list of options without it.
 */
public record Ipv6OptionsRepr(IpProtocol nextHeader, List<Ipv6Option> options) {

    public Ipv6OptionsRepr {
        Objects.requireNonNull(nextHeader, "nextHeader");
        options = List.copyOf(options);
        Ipv6ExtensionHeaders.requireHeaderLength("IPv6 options", 2 + optionsLength(options));
    }

    /** Returns a repr with {@code options} followed by one Pad1 or PadN option that fills the last 8-byte unit. */
    public static Ipv6OptionsRepr withPadding(IpProtocol nextHeader, List<Ipv6Option> options) {
        int unpadded = 2 + optionsLength(options);
        int padding = (Ipv6ExtensionHeaders.UNIT - unpadded % Ipv6ExtensionHeaders.UNIT) % Ipv6ExtensionHeaders.UNIT;
        List<Ipv6Option> padded = new ArrayList<>(options);
        if (padding == 1) {
            padded.add(Ipv6Option.pad1());
        } else if (padding > 1) {
            padded.add(Ipv6Option.padN(padding));
        }
        return new Ipv6OptionsRepr(nextHeader, padded);
    }

    private static int optionsLength(List<Ipv6Option> options) {
        int total = 0;
        for (Ipv6Option option : options) {
            total += option.bufferLength();
        }
        return total;
    }

    /**
     * Reads a received header and its options.
     *
     * @throws MalformedPacketException {@code ipv6.truncated} when the view ends inside the header,
     *     or {@code ipv6.bad-option-length} when an option runs past the end of the header
     */
    public static Ipv6OptionsRepr parse(Ipv6OptionsHeader header) throws MalformedPacketException {
        header.check();

        byte[] buffer = header.buffer();
        int end = header.optionsOffset() + header.optionsLength();
        List<Ipv6Option> options = new ArrayList<>();
        int position = header.optionsOffset();
        while (position < end) {
            Ipv6OptionType type = new Ipv6OptionType(Bytes.readU8(buffer, position));
            if (type.equals(Ipv6OptionType.PAD1)) {
                options.add(Ipv6Option.pad1());
                position++;
                continue;
            }
            if (end - position < 2) {
                throw badOptionLength("option " + type + " at the last byte of the header has no length byte");
            }
            int dataLength = Bytes.readU8(buffer, position + 1);
            if (2 + dataLength > end - position) {
                throw badOptionLength("option " + type + " with " + dataLength + " bytes of data runs past the end of the "
                        + header.headerLength() + "-byte header");
            }

            options.add(new Ipv6Option(type, Arrays.copyOfRange(buffer, position + 2, position + 2 + dataLength)));
            position += 2 + dataLength;
        }
        return new Ipv6OptionsRepr(header.nextHeader(), options);
    }

    private static MalformedPacketException badOptionLength(String detail) {
        return Ipv6Packet.malformed(MalformedPacketException.Reason.BAD_OPTION_LENGTH, detail);
    }

    /** Returns the header length in bytes, a multiple of 8. */
    public int bufferLength() {
        return 2 + optionsLength(options);
    }

    /** Writes the whole header into the start of {@code header}. */
    public void emit(Ipv6OptionsHeader header) {
        Bytes.requireCapacity(header.length(), bufferLength(), "IPv6 options header");
        header.setNextHeader(nextHeader);
        header.setHeaderExtensionLength(bufferLength() / Ipv6ExtensionHeaders.UNIT - 1);
        int position = header.optionsOffset();
        for (Ipv6Option option : options) {
            option.emit(header.buffer(), position);
            position += option.bufferLength();
        }
    }
}
