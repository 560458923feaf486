package io.stackbench.stack.config;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Strict parsing and canonical formatting of IPv4 and IPv6 address literals.
 *
 * <p>The parsers accept only literal text and build addresses from bytes, so they never resolve a
 * name. {@link InetAddress#getByName} is avoided on purpose, because it accepts host names and resolves
 * them through DNS, and it accepts IPv4 forms such as {@code 10.1} or {@code 010.0.0.1} that mean
 * different addresses to different tools.
 */
public final class AddressLiterals {

    private static final int IPV4_OCTETS = 4;
    private static final int IPV6_GROUPS = 8;

    private AddressLiterals() {
    }

    /**
     * Parses a dotted quad such as {@code 192.0.2.1}: four decimal octets 0..255, none with a
     * leading zero, because {@code 010} is octal 8 to some parsers and decimal 10 to others.
     *
     * @throws AddressLiteralException if the text is not such a dotted quad
     */
    public static Inet4Address parseIpv4(String text) {
        byte[] bytes = new byte[IPV4_OCTETS];
        String reason = parseDottedQuad(text, bytes, 0);
        if (reason != null) {
            throw new AddressLiteralException("IPv4", text, reason);
        }
        return ipv4FromBytes(bytes);
    }

    /**
     * Parses any text form of RFC 4291 §2.2: eight groups of one to four hex digits, at most one
     * {@code ::} replacing one or more zero groups, and optionally a dotted quad as the last 32
     * bits. Upper-case hex digits are accepted. Zone indexes ({@code %eth0}) and brackets are not.
     *
     * @throws AddressLiteralException if the text is not such a literal
     */
    public static Inet6Address parseIpv6(String text) {
        byte[] bytes = new byte[16];
        String reason = parseIpv6Text(text, bytes);
        if (reason != null) {
            throw new AddressLiteralException("IPv6", text, reason);
        }
        return ipv6FromBytes(bytes);
    }

    /**
     * Formats an address canonically: a dotted quad for IPv4, and for IPv6 the RFC 5952 form
     * (lower case, no leading zeros, the longest run of two or more zero groups as {@code ::}, the
     * first such run on a tie). IPv4-mapped ({@code ::ffff:0:0/96}) and IPv4-translated
     * ({@code ::ffff:0:0:0/96}) addresses end in a dotted quad, as RFC 5952 §5 recommends. A scope
     * id on an {@link Inet6Address} is not printed.
     */
    public static String format(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == IPV4_OCTETS) {
            return formatDottedQuad(bytes, 0);
        }
        return formatIpv6(bytes);
    }

    /** Builds an {@link Inet4Address} from four bytes without any name lookup. */
    static Inet4Address ipv4FromBytes(byte[] bytes) {
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an IPv4 address has 4 bytes, not " + bytes.length, e);
        }
    }

    /**
     * Builds an {@link Inet6Address} from 16 bytes without any name lookup and without a scope id.
     * {@code InetAddress.getByAddress(byte[])} would turn an IPv4-mapped address into an
     * {@link Inet4Address}, so this uses the {@link Inet6Address} factory, which keeps the family.
     */
    static Inet6Address ipv6FromBytes(byte[] bytes) {
        try {
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an IPv6 address has 16 bytes, not " + bytes.length, e);
        }
    }

    /** Parses a dotted quad into {@code out[offset..offset+3]}; returns the reason it is invalid, or null. */
    private static String parseDottedQuad(String text, byte[] out, int offset) {
        if (text.isEmpty()) {
            return "the text is empty";
        }
        String[] octets = text.split("\\.", -1);
        if (octets.length != IPV4_OCTETS) {
            return "expected four decimal octets separated by dots, found " + octets.length + " part(s)";
        }
        for (int i = 0; i < IPV4_OCTETS; i++) {
            String octet = octets[i];
            if (octet.isEmpty()) {
                return "octet " + (i + 1) + " is empty";
            }
            for (int j = 0; j < octet.length(); j++) {
                char c = octet.charAt(j);
                if (c < '0' || c > '9') {
                    return "octet '" + octet + "' is not a decimal number";
                }
            }
            if (octet.length() > 3) {
                return "octet '" + octet + "' has more than three digits";
            }
            int value = Integer.parseInt(octet);
            if (octet.length() > 1 && octet.charAt(0) == '0') {
                return "octet '" + octet + "' has a leading zero, which some parsers read as octal; write " + value;
            }
            if (value > 255) {
                return "octet '" + octet + "' is greater than 255";
            }
            out[offset + i] = (byte) value;
        }
        return null;
    }

    /** Parses an RFC 4291 §2.2 literal into {@code out}; returns the reason it is invalid, or null. */
    private static String parseIpv6Text(String text, byte[] out) {
        if (text.isEmpty()) {
            return "the text is empty";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                return "a zone index ('" + text.substring(i) + "') is not allowed here";
            }
            if (c != ':' && c != '.' && !isAsciiHexDigit(c)) {
                return "'" + c + "' is not a hex digit, ':' or '.'";
            }
        }

        if (text.contains(":::")) {
            return "':::' is not valid: '::' replaces zero groups and a single ':' separates groups";
        }
        int compression = text.indexOf("::");
        if (compression >= 0 && text.indexOf("::", compression + 1) >= 0) {
            return "'::' may appear only once";
        }

        int[] head = new int[IPV6_GROUPS];
        int[] tail = new int[IPV6_GROUPS];
        int headCount;
        int tailCount = 0;
        if (compression < 0) {
            headCount = parseGroups(text, head, true);
            if (headCount < 0) {
                return groupError(text, headCount);
            }
            if (headCount != IPV6_GROUPS) {
                return "expected eight 16-bit groups or a '::', found " + headCount + " group(s)";
            }
        } else {
            String before = text.substring(0, compression);
            String after = text.substring(compression + 2);
            headCount = before.isEmpty() ? 0 : parseGroups(before, head, false);
            if (headCount < 0) {
                return groupError(before, headCount);
            }
            tailCount = after.isEmpty() ? 0 : parseGroups(after, tail, true);
            if (tailCount < 0) {
                return groupError(after, tailCount);
            }
            // RFC 4291 §2.2: "::" replaces one or more groups of zeros, so seven groups is the max.
            if (headCount + tailCount > IPV6_GROUPS - 1) {
                return "'::' must stand for at least one zero group, but " + (headCount + tailCount) + " groups are given";
            }
        }

        for (int i = 0; i < headCount; i++) {
            out[2 * i] = (byte) (head[i] >>> 8);
            out[2 * i + 1] = (byte) head[i];
        }
        int tailStart = IPV6_GROUPS - tailCount;
        for (int i = 0; i < tailCount; i++) {
            out[2 * (tailStart + i)] = (byte) (tail[i] >>> 8);
            out[2 * (tailStart + i) + 1] = (byte) tail[i];
        }
        return null;
    }

    private static final int EMPTY_GROUP = -1;
    private static final int LONG_GROUP = -2;
    private static final int MISPLACED_DOTTED_QUAD = -3;
    private static final int TOO_MANY_GROUPS = -4;
    private static final int BAD_DOTTED_QUAD = -5;

    /**
     * Parses colon-separated groups into {@code groups}. A dotted quad counts as two groups and is
     * allowed only as the last piece of the whole address. Returns the group count, or one of the
     * negative error codes above.
     */
    private static int parseGroups(String text, int[] groups, boolean endsAddress) {
        String[] pieces = text.split(":", -1);
        int count = 0;
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (piece.isEmpty()) {
                return EMPTY_GROUP;
            }
            if (piece.indexOf('.') >= 0) {
                if (!endsAddress || i != pieces.length - 1) {
                    return MISPLACED_DOTTED_QUAD;
                }
                if (count + 2 > IPV6_GROUPS) {
                    return TOO_MANY_GROUPS;
                }
                byte[] quad = new byte[IPV4_OCTETS];
                if (parseDottedQuad(piece, quad, 0) != null) {
                    return BAD_DOTTED_QUAD;
                }
                groups[count++] = ((quad[0] & 0xff) << 8) | (quad[1] & 0xff);
                groups[count++] = ((quad[2] & 0xff) << 8) | (quad[3] & 0xff);
                continue;
            }
            if (piece.length() > 4) {
                return LONG_GROUP;
            }
            if (count == IPV6_GROUPS) {
                return TOO_MANY_GROUPS;
            }
            groups[count++] = Integer.parseInt(piece, 16);
        }
        return count;
    }

    private static String groupError(String text, int code) {
        return switch (code) {
            case EMPTY_GROUP -> "a group is empty: a single ':' must sit between two groups";
            case LONG_GROUP -> "a group has more than four hex digits";
            case MISPLACED_DOTTED_QUAD -> "a dotted quad may appear only as the last 32 bits";
            case TOO_MANY_GROUPS -> "more than eight 16-bit groups";
            case BAD_DOTTED_QUAD -> "the embedded IPv4 address is invalid: "
                    + parseDottedQuad(text.substring(text.lastIndexOf(':') + 1), new byte[IPV4_OCTETS], 0);
            default -> throw new IllegalStateException("unknown group error code " + code);
        };
    }

    /** Accepts only 0-9, a-f and A-F, because {@link Character#digit} also accepts non-ASCII digits. */
    private static boolean isAsciiHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String formatDottedQuad(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) + "." + (bytes[offset + 1] & 0xff) + "."
                + (bytes[offset + 2] & 0xff) + "." + (bytes[offset + 3] & 0xff);
    }

    private static String formatIpv6(byte[] bytes) {
        int[] groups = new int[IPV6_GROUPS];
        for (int i = 0; i < IPV6_GROUPS; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        boolean embedsIpv4 = groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0
                && ((groups[4] == 0 && groups[5] == 0xffff) || (groups[4] == 0xffff && groups[5] == 0));
        int hexGroups = embedsIpv4 ? 6 : IPV6_GROUPS;

        // RFC 5952 §4.2: compress the longest run of at least two zero groups, the first on a tie.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < hexGroups; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < hexGroups && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }

        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < hexGroups; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        if (embedsIpv4) {
            if (text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(formatDottedQuad(bytes, 12));
        }
        return text.toString();
    }
}
