package io.stackbench.scenario.filter;

import java.util.Arrays;

/**
 * Extracts the icmpv6.mld and icmpv6.mldr fields of MLDv1 (RFC 2710) and MLDv2 (RFC 3810) messages.
 *
 * <p>pcap4j 1.8.2 has no MLD message classes, so the fields are read here from the raw ICMPv6 bytes.
 * As in Wireshark 4.0, a query of at least 28 bytes is MLDv2 and a shorter one is MLDv1, and fields
 * are reported in wire order until the first one that does not fit in the message.
 */
final class MldFields {

    static final int QUERY = 130;
    static final int REPORT = 131;
    static final int DONE = 132;
    static final int REPORT_V2 = 143;

    private static final int V2_QUERY_MIN_LENGTH = 28;
    private static final int BODY_OFFSET = 4;
    private static final int ADDRESS_LENGTH = 16;
    /** Length of an MLDv2 address record before its source addresses: type, aux length, count, group. */
    private static final int RECORD_HEADER_LENGTH = 20;

    private MldFields() {
    }

    /** Decodes {@code message}, which starts at the ICMPv6 type byte, if its type is an MLD message. */
    static void decode(int type, byte[] message, FrameFields.Builder out) {
        switch (type) {
            case QUERY -> {
                if (message.length >= V2_QUERY_MIN_LENGTH) {
                    queryV2(message, out);
                } else {
                    messageV1(message, out);
                }
            }
            case REPORT, DONE -> messageV1(message, out);
            case REPORT_V2 -> reportV2(message, out);
            default -> {
            }
        }
    }

    private static void messageV1(byte[] message, FrameFields.Builder out) {
        if (!fits(message, BODY_OFFSET, 2)) {
            return;
        }
        out.number(FilterField.ICMPV6_MLD_MAXIMUM_RESPONSE_DELAY, uint16(message, BODY_OFFSET));
        if (fits(message, 8, ADDRESS_LENGTH)) {
            out.address(FilterField.ICMPV6_MLD_MULTICAST_ADDRESS, address(message, 8));
        }
    }

    /** Decodes an MLDv2 query, which {@link #decode} only passes on when all its fixed fields fit. */
    private static void queryV2(byte[] message, FrameFields.Builder out) {
        int flags = message[24] & 0xff;
        out.number(FilterField.ICMPV6_MLD_MAXIMUM_RESPONSE_CODE, maximumResponseDelay(uint16(message, BODY_OFFSET)));
        out.address(FilterField.ICMPV6_MLD_MULTICAST_ADDRESS, address(message, 8));
        out.flag(FilterField.ICMPV6_MLD_FLAG_S, (flags & 0x08) != 0);
        out.number(FilterField.ICMPV6_MLD_FLAG_QRV, flags & 0x07);
        out.number(FilterField.ICMPV6_MLD_QQI, queryInterval(message[25] & 0xff));

        int sources = uint16(message, 26);
        out.number(FilterField.ICMPV6_MLD_NB_SOURCES, sources);
        int position = V2_QUERY_MIN_LENGTH;
        for (int i = 0; i < sources && fits(message, position, ADDRESS_LENGTH); i++) {
            out.address(FilterField.ICMPV6_MLD_SOURCE_ADDRESS, address(message, position));
            position += ADDRESS_LENGTH;
        }
    }

    private static void reportV2(byte[] message, FrameFields.Builder out) {
        if (!fits(message, 6, 2)) {
            return;
        }
        int records = uint16(message, 6);
        out.number(FilterField.ICMPV6_MLDR_NB_MCAST_RECORDS, records);

        int position = 8;
        for (int i = 0; i < records; i++) {
            position = addressRecord(message, position, out);
            if (position < 0) {
                return;
            }
        }
    }

    /** Decodes one address record and returns where the next one starts, or -1 if it is truncated. */
    private static int addressRecord(byte[] message, int start, FrameFields.Builder out) {
        if (!fits(message, start, 1)) {
            return -1;
        }
        out.number(FilterField.ICMPV6_MLDR_MAR_RECORD_TYPE, message[start] & 0xff);
        if (!fits(message, start + 1, 1)) {
            return -1;
        }
        int auxiliaryWords = message[start + 1] & 0xff;
        out.number(FilterField.ICMPV6_MLDR_MAR_AUX_DATA_LEN, auxiliaryWords);
        if (!fits(message, start + 2, 2)) {
            return -1;
        }
        int sources = uint16(message, start + 2);
        out.number(FilterField.ICMPV6_MLDR_MAR_NB_SOURCES, sources);
        if (!fits(message, start + 4, ADDRESS_LENGTH)) {
            return -1;
        }
        out.address(FilterField.ICMPV6_MLDR_MAR_MULTICAST_ADDRESS, address(message, start + 4));

        int position = start + RECORD_HEADER_LENGTH;
        for (int i = 0; i < sources; i++) {
            if (!fits(message, position, ADDRESS_LENGTH)) {
                return -1;
            }
            out.address(FilterField.ICMPV6_MLDR_MAR_SOURCE_ADDRESS, address(message, position));
            position += ADDRESS_LENGTH;
        }
        int auxiliaryLength = auxiliaryWords * 4;
        return fits(message, position, auxiliaryLength) ? position + auxiliaryLength : -1;
    }

    /**
     * Converts an MLDv2 Maximum Response Code to milliseconds (RFC 3810 §5.1.3). Codes from 32768 on
     * hold a 3-bit exponent and a 12-bit mantissa, so the result can exceed 16 bits.
     */
    static long maximumResponseDelay(int code) {
        if (code < 0x8000) {
            return code;
        }
        int exponent = (code >> 12) & 0x7;
        int mantissa = code & 0x0fff;
        return (long) (mantissa | 0x1000) << (exponent + 3);
    }

    /** Converts an MLDv2 Querier's Query Interval Code to seconds (RFC 3810 §5.1.9). */
    static int queryInterval(int code) {
        if (code < 0x80) {
            return code;
        }
        int exponent = (code >> 4) & 0x7;
        int mantissa = code & 0x0f;
        return (mantissa | 0x10) << (exponent + 3);
    }

    private static boolean fits(byte[] message, int offset, int length) {
        return offset + length <= message.length;
    }

    private static int uint16(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
    }

    private static byte[] address(byte[] bytes, int offset) {
        return Arrays.copyOfRange(bytes, offset, offset + ADDRESS_LENGTH);
    }
}
