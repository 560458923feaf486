package io.stackbench.scenario.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Converts the text after a comparison operator into a literal of the field's type.
 *
 * <p>Addresses are parsed strictly here, character by character, and never handed to
 * {@code InetAddress.getByName}, which could start a DNS lookup. Host names are therefore rejected,
 * although tshark resolves them.
 */
final class Literals {

    private Literals() {
    }

    static Literal parse(FilterField field, Token token, String filter) {
        return switch (field.type()) {
            case UNSIGNED -> unsigned(field, token, filter);
            case BOOLEAN -> bool(field, token, filter);
            case ETHER -> mac(field, token, filter);
            case IPV4 -> ipv4(field, token, filter);
            case IPV6 -> ipv6(field, token, filter);
            case PROTOCOL -> throw new FilterSyntaxException(filter, token.position(),
                    "\"" + field.filterName() + "\" is a protocol and can only be tested for presence;"
                            + " compare one of its fields instead");
        };
    }

    private static Literal unsigned(FilterField field, Token token, String filter) {
        long value = integer(token.text()).orElseThrow(() -> invalid(field, token, filter,
                "a decimal, 0x-prefixed hex or 0-prefixed octal integer from 0 to " + field.maxValue()));
        if (value < 0 || value > field.maxValue()) {
            throw new FilterSyntaxException(filter, token.position(), "\"" + token.text() + "\" is too big for "
                    + field.filterName() + "; the maximum is " + field.maxValue());
        }
        return new Literal.NumberLiteral(value);
    }

    /**
     * Converts a boolean literal. tshark 4.0.17 accepts True, TRUE, False, FALSE and any integer (non-zero
     * means true) but rejects lowercase true and false, and so do we.
     */
    private static Literal bool(FilterField field, Token token, String filter) {
        String text = token.text();
        if (text.equals("True") || text.equals("TRUE")) {
            return new Literal.NumberLiteral(1);
        }
        if (text.equals("False") || text.equals("FALSE")) {
            return new Literal.NumberLiteral(0);
        }
        long value = integer(text).orElseThrow(() -> invalid(field, token, filter,
                "1, 0, True or False (tshark 4.0 rejects lowercase true and false)"));
        return new Literal.NumberLiteral(value == 0 ? 0 : 1);
    }

    private static Literal mac(FilterField field, Token token, String filter) {
        byte[] octets = macOctets(token.text());
        if (octets == null) {
            throw invalid(field, token, filter, "a MAC address such as 02:00:00:00:00:01, 02-00-00-00-00-01,"
                    + " 02.00.00.00.00.01 or 0200.0000.0001");
        }
        return new Literal.AddressLiteral(octets, 48, token.text());
    }

    private static Literal ipv4(FilterField field, Token token, String filter) {
        String text = token.text();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] octets = ipv4Octets(address);
        if (octets == null) {
            throw invalid(field, token, filter, "an IPv4 address such as 10.0.0.1 or a prefix such as 10.0.0.0/24");
        }
        int prefixLength = slash < 0 ? 32 : prefixLength(text.substring(slash + 1), 32, field, token, filter);
        return new Literal.AddressLiteral(octets, prefixLength, text);
    }

    private static Literal ipv6(FilterField field, Token token, String filter) {
        String text = token.text();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] octets = ipv6Octets(address);
        if (octets == null) {
            throw invalid(field, token, filter, "an IPv6 address such as fe80::1 or :: or a prefix such as 2001:db8::/32");
        }
        int prefixLength = slash < 0 ? 128 : prefixLength(text.substring(slash + 1), 128, field, token, filter);
        return new Literal.AddressLiteral(octets, prefixLength, text);
    }

    private static int prefixLength(String digits, int max, FilterField field, Token token, String filter) {
        boolean plainDecimal = digits.matches("0|[1-9][0-9]{0,2}");
        if (!plainDecimal || Integer.parseInt(digits) > max) {
            throw new FilterSyntaxException(filter, token.position(), "prefix length \"" + digits + "\" in \""
                    + token.text() + "\" is invalid for " + field.filterName() + "; expected a decimal number from 0 to " + max);
        }
        return Integer.parseInt(digits);
    }

    private static FilterSyntaxException invalid(FilterField field, Token token, String filter, String expected) {
        return new FilterSyntaxException(filter, token.position(), "\"" + token.text() + "\" is not a valid value for "
                + field.filterName() + " (" + field.type().label() + "); expected " + expected);
    }

    /**
     * Parses an unsigned integer the way tshark 4.0 does (C strtoul with base 0): 0x or 0X for hex,
     * a leading 0 for octal, otherwise decimal. Returns -1 inside the optional for a value above 2^63-1, which every field rejects as too big.
     */
    static OptionalLong integer(String text) {
        int radix;
        String digits;
        if (text.startsWith("0x") || text.startsWith("0X")) {
            radix = 16;
            digits = text.substring(2);
        } else if (text.length() > 1 && text.startsWith("0")) {
            radix = 8;
            digits = text.substring(1);
        } else {
            radix = 10;
            digits = text;
        }
        if (digits.isEmpty()) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(digits, radix));
        } catch (NumberFormatException tooBig) {
            return OptionalLong.of(-1);
        }
    }

    /** Returns the six octets of a MAC address written with ":", "-" or "." between bytes, in dotted quads of hex, or as 12 hex digits. */
    static byte[] macOctets(String text) {
        List<String> groups = new ArrayList<>();
        if (text.length() == 17) {
            char separator = text.charAt(2);
            if (separator != ':' && separator != '-' && separator != '.') {
                return null;
            }
            for (int i = 0; i < 6; i++) {
                if (i > 0 && text.charAt(i * 3 - 1) != separator) {
                    return null;
                }
                groups.add(text.substring(i * 3, i * 3 + 2));
            }
        } else if (text.length() == 14 && text.charAt(4) == '.' && text.charAt(9) == '.') {
            for (int i = 0; i < 3; i++) {
                groups.add(text.substring(i * 5, i * 5 + 2));
                groups.add(text.substring(i * 5 + 2, i * 5 + 4));
            }
        } else if (text.length() == 12) {
            for (int i = 0; i < 6; i++) {
                groups.add(text.substring(i * 2, i * 2 + 2));
            }
        } else {
            return null;
        }

        byte[] octets = new byte[6];
        for (int i = 0; i < 6; i++) {
            int high = Character.digit(groups.get(i).charAt(0), 16);
            int low = Character.digit(groups.get(i).charAt(1), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            octets[i] = (byte) (high << 4 | low);
        }
        return octets;
    }

    /** Returns the four octets of a dotted-quad IPv4 address, or null; leading zeros are rejected, as in tshark 4.0. */
    static byte[] ipv4Octets(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] octets = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("0|[1-9][0-9]{0,2}")) {
                return null;
            }
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return null;
            }
            octets[i] = (byte) value;
        }
        return octets;
    }

    /**
     * Returns the 16 octets of an IPv6 address in RFC 4291 §2.2 text form (hex groups, at most one "::",
     * an optional dotted-quad IPv4 tail), or null. Zone indexes such as %eth0 are not accepted.
     */
    static byte[] ipv6Octets(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = new ArrayList<>();
        List<Integer> tail = new ArrayList<>();
        if (gap < 0) {
            if (!groups(text, head)) {
                return null;
            }
            if (head.size() != 8) {
                return null;
            }
        } else {
            String left = text.substring(0, gap);
            String right = text.substring(gap + 2);
            if (!left.isEmpty() && !groups(left, head)) {
                return null;
            }
            if (!right.isEmpty() && !groups(right, tail)) {
                return null;
            }
            // "::" stands for at least one group of zeros.
            if (head.size() + tail.size() > 7) {
                return null;
            }
            if (left.contains(".")) {
                return null;
            }
        }

        byte[] octets = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            octets[2 * i] = (byte) (head.get(i) >> 8);
            octets[2 * i + 1] = (byte) (int) head.get(i);
        }
        int tailStart = 8 - tail.size();
        for (int i = 0; i < tail.size(); i++) {
            octets[2 * (tailStart + i)] = (byte) (tail.get(i) >> 8);
            octets[2 * (tailStart + i) + 1] = (byte) (int) tail.get(i);
        }
        return octets;
    }

    /** Appends the 16-bit groups of colon-separated text; a final dotted quad counts as two groups. */
    private static boolean groups(String text, List<Integer> out) {
        String[] parts = text.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (last && part.contains(".")) {
                byte[] ipv4 = ipv4Octets(part);
                if (ipv4 == null) {
                    return false;
                }
                out.add((ipv4[0] & 0xff) << 8 | (ipv4[1] & 0xff));
                out.add((ipv4[2] & 0xff) << 8 | (ipv4[3] & 0xff));
                continue;
            }
            if (part.isEmpty() || part.length() > 4) {
                return false;
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                int digit = Character.digit(part.charAt(j), 16);
                if (digit < 0) {
                    return false;
                }
                value = value << 4 | digit;
            }
            out.add(value);
        }
        return true;
    }
}
