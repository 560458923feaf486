package io.stackbench.scenario.load;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Parses IP address literals for the bench without ever resolving a name: text that is not an
 * address literal is rejected before {@link InetAddress} sees it, so no DNS lookup can happen.
 */
public final class Addresses {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private Addresses() {
    }

    /** Parses an IPv4 dotted quad or an IPv6 literal; throws IllegalArgumentException otherwise. */
    public static InetAddress parse(String text) {
        String trimmed = text.trim();
        boolean literal = IPV4.matcher(trimmed).matches() || IPV6_CHARACTERS.matcher(trimmed).matches();
        if (!literal) {
            throw new IllegalArgumentException("invalid IP address \"" + text + "\"; expected a literal such as 10.0.0.2 or 2001:db8::1");
        }
        try {
            // Safe: a dotted quad or a text containing ':' is parsed as a literal, never looked up.
            return InetAddress.getByName(trimmed);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid IP address \"" + text + "\"; expected a literal such as 10.0.0.2 or 2001:db8::1", e);
        }
    }

    /** Formats an address the way Wireshark and the RFC 5952 text form write it. */
    public static String format(InetAddress address) {
        String text = address.getHostAddress();
        int percent = text.indexOf('%');
        if (percent >= 0) {
            text = text.substring(0, percent);
        }
        if (text.indexOf(':') < 0) {
            return text;
        }
        return compressIpv6(address.getAddress());
    }

    private static String compressIpv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
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
        return text.toString();
    }
}
