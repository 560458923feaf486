package io.stackbench.scenario.filter;

/**
 * Walks the Hop-by-Hop Options, Routing and Destination Options headers of an IPv6 packet by their
 * own Hdr Ext Len fields and extracts the ipv6.hopopts and ipv6.opt fields.
 *
 * <p>pcap4j 1.8.2 cannot be trusted here: on an MLD report with a Hop-by-Hop header holding a Router
 * Alert option and a 2-byte PadN, it ends the header after the Router Alert, 6 bytes in place of
 * the 8 that Hdr Ext Len gives, so it parses the ICMPv6 message 2 bytes early and reports type 1
 * (destination unreachable) for an MLDv2 report. {@link FrameDecoder} therefore decodes the layer
 * after these headers from the offset returned here.
 */
final class Ipv6ExtensionHeaders {

    static final int HOP_BY_HOP = 0;
    static final int ROUTING = 43;
    static final int DESTINATION_OPTIONS = 60;

    private static final int FIXED_HEADER_LENGTH = 40;
    private static final int PAD1 = 0;
    private static final int ROUTER_ALERT = 5;
    private static final int ROUTER_ALERT_LENGTH = 2;

    /**
     * End point of a walk: the protocol number and offset of the first header that is not one of
     * the three walked here, with {@code offset} -1 when an extension header runs past {@code end},
     * the end of the IPv6 packet.
     */
    record UpperLayer(int protocol, int offset, int end) {
        boolean truncated() {
            return offset < 0;
        }
    }

    private Ipv6ExtensionHeaders() {
    }

    /** Returns whether the IPv6 fixed header at {@code start} is followed by a header walked here. */
    static boolean startsWithExtensionHeader(byte[] frame, int start) {
        return start + FIXED_HEADER_LENGTH <= frame.length && isWalked(frame[start + 6] & 0xff);
    }

    /**
     * Walks the extension headers of the IPv6 packet at {@code start} in {@code frame} and adds their
     * fields to {@code out}. Offsets are positions in {@code frame}. The packet ends after the number
     * of bytes in its Payload Length field, or at the end of the frame if that comes first.
     */
    static UpperLayer walk(byte[] frame, int start, FrameFields.Builder out) {
        int payloadLength = ((frame[start + 4] & 0xff) << 8) | (frame[start + 5] & 0xff);
        int end = Math.min(frame.length, start + FIXED_HEADER_LENGTH + payloadLength);
        int protocol = frame[start + 6] & 0xff;
        int position = start + FIXED_HEADER_LENGTH;
        while (isWalked(protocol)) {
            if (protocol == HOP_BY_HOP) {
                out.protocol(FilterField.IPV6_HOPOPTS);
            }
            if (position + 2 > end) {
                return new UpperLayer(protocol, -1, end);
            }
            int next = frame[position] & 0xff;
            int length = ((frame[position + 1] & 0xff) + 1) * 8;
            if (protocol == HOP_BY_HOP) {
                out.number(FilterField.IPV6_HOPOPTS_NXT, next);
            }
            if (position + length > end) {
                return new UpperLayer(protocol, -1, end);
            }
            if (protocol != ROUTING) {
                options(frame, position + 2, position + length, out);
            }
            protocol = next;
            position += length;
        }
        return new UpperLayer(protocol, position, end);
    }

    private static boolean isWalked(int protocol) {
        return protocol == HOP_BY_HOP || protocol == ROUTING || protocol == DESTINATION_OPTIONS;
    }

    /** Reads the type-length-value options between {@code start} and {@code end} (RFC 8200 §4.2). */
    private static void options(byte[] packet, int start, int end, FrameFields.Builder out) {
        int position = start;
        while (position < end) {
            int type = packet[position] & 0xff;
            if (type == PAD1) {
                position++;
                continue;
            }
            if (position + 2 > end) {
                return;
            }
            int length = packet[position + 1] & 0xff;
            int data = position + 2;
            if (data + length > end) {
                return;
            }
            if (type == ROUTER_ALERT && length == ROUTER_ALERT_LENGTH) {
                out.number(FilterField.IPV6_OPT_ROUTER_ALERT, ((packet[data] & 0xff) << 8) | (packet[data + 1] & 0xff));
            }
            position = data + length;
        }
    }
}
