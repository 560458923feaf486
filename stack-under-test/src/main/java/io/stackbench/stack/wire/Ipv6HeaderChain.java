package io.stackbench.stack.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The extension headers of one IPv6 packet in order, and where the upper-layer payload starts
 * (RFC 8200 §4.1).
 *
 * <p>{@link #walk} follows Next Header fields through the Hop-by-Hop Options, Routing, Fragment
 * and Destination Options headers, the ones this stack parses. Any other value, such as ICMPv6,
 * UDP, No Next Header, AH, ESP or an unassigned number, ends the chain and becomes
 * {@link #upperLayerProtocol()}. The walk checks only that each header fits in the payload. Rules
 * about order, such as Hop-by-Hop only first, and about the options inside a header are left to the
 * IPv6 layer, which can find each header through {@link #extensionHeaders()}.
 *
 * <p>A Fragment header of a packet that is not an atomic fragment ends the walk, because the bytes
 * after it are fragment data: the headers that follow it can be walked only after reassembly.
 *
 * @param extensionHeaders each header's type, index in the buffer and length in bytes
 * @param upperLayerProtocol the Next Header value that ended the chain
 * @param upperLayerOffset index in the buffer of the bytes after the last extension header
 * @param upperLayerLength length of those bytes, up to the end of the IPv6 payload
 * @param endsAtFragment true when the walk stopped at the Fragment header of a non-atomic fragment
 */
public record Ipv6HeaderChain(
        List<ExtensionHeader> extensionHeaders, IpProtocol upperLayerProtocol, int upperLayerOffset,
        int upperLayerLength, boolean endsAtFragment) {

    /**
     * One extension header in the chain.
     *
     * @param type the Next Header value that announced it, such as {@link IpProtocol#HOPOPT}
     * @param offset index in the buffer of its first byte
     * @param length its length in bytes
     */
    public record ExtensionHeader(IpProtocol type, int offset, int length) {

        public ExtensionHeader {
            Objects.requireNonNull(type, "type");
        }
    }

    public Ipv6HeaderChain {
        extensionHeaders = List.copyOf(extensionHeaders);
        Objects.requireNonNull(upperLayerProtocol, "upperLayerProtocol");
    }

    /**
     * Checks the fixed header of a packet ({@link Ipv6Packet#check()}) and walks its extension
     * headers. Only the payload that Payload Length gives is read, never trailing padding.
     *
     * @throws MalformedPacketException the errors of {@link Ipv6Packet#check()}, or
     *     {@code ipv6.truncated} when an extension header runs past the end of the payload
     */
    public static Ipv6HeaderChain walk(Ipv6Packet packet) throws MalformedPacketException {
        packet.check();

        byte[] buffer = packet.buffer();
        int end = packet.payloadOffset() + packet.payloadLength();
        int position = packet.payloadOffset();
        IpProtocol next = packet.nextHeader();
        List<ExtensionHeader> headers = new ArrayList<>();

        while (isWalked(next)) {
            int remaining = end - position;
            if (remaining < Ipv6ExtensionHeaders.UNIT) {
                throw Ipv6Packet.malformed(MalformedPacketException.Reason.TRUNCATED,
                        next + " header at payload byte " + (position - packet.payloadOffset()) + " needs "
                                + Ipv6ExtensionHeaders.UNIT + " bytes, but " + remaining + " remain");
            }
            boolean fragment = next.equals(IpProtocol.IPV6_FRAG);
            int length = fragment
                    ? Ipv6FragmentHeader.LENGTH
                    : Ipv6ExtensionHeaders.lengthFromField(
                            Bytes.readU8(buffer, position + Ipv6ExtensionHeaders.HEADER_EXTENSION_LENGTH));
            if (length > remaining) {
                throw Ipv6Packet.malformed(MalformedPacketException.Reason.TRUNCATED,
                        next + " header at payload byte " + (position - packet.payloadOffset()) + " is " + length
                                + " bytes long, but " + remaining + " remain");
            }

            headers.add(new ExtensionHeader(next, position, length));
            IpProtocol following = new IpProtocol(Bytes.readU8(buffer, position + Ipv6ExtensionHeaders.NEXT_HEADER));
            boolean atomic = fragment && Ipv6FragmentRepr.parse(new Ipv6FragmentHeader(buffer, position, length)).isAtomic();
            position += length;
            next = following;
            if (fragment && !atomic) {
                return new Ipv6HeaderChain(headers, next, position, end - position, true);
            }
        }
        return new Ipv6HeaderChain(headers, next, position, end - position, false);
    }

    private static boolean isWalked(IpProtocol protocol) {
        return protocol.equals(IpProtocol.HOPOPT)
                || protocol.equals(IpProtocol.IPV6_ROUTE)
                || protocol.equals(IpProtocol.IPV6_FRAG)
                || protocol.equals(IpProtocol.IPV6_OPTS);
    }
}
