package io.stackbench.scenario.load;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the units scenario files use for time and bandwidth, exactly, without floating point. */
public final class Units {

    private static final Pattern QUANTITY = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Zµ/]*)\\s*");

    public static final String DURATION_HELP = "a duration such as \"1.5s\", \"250ms\", \"10us\", \"100ns\" or \"2min\"";
    public static final String BANDWIDTH_HELP = "a bandwidth such as \"1Gbit/s\", \"100Mbit/s\", \"64kbit/s\" or a number of bit/s";

    private Units() {
    }

    /** Parses a duration into nanoseconds; throws IllegalArgumentException with the allowed forms. */
    public static long parseDuration(String text) {
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\"; expected " + DURATION_HELP);
        }
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "min" -> 60_000_000_000L;
            default -> throw new IllegalArgumentException("invalid duration unit \"" + m.group(2) + "\" in \"" + text
                    + "\"; expected one of ns, us, ms, s, min");
        };
        return exact(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)), text, "nanosecond");
    }

    /** Parses a bandwidth into bits per second. */
    public static long parseBandwidth(String text) {
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid bandwidth \"" + text + "\"; expected " + BANDWIDTH_HELP);
        }
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "bit/s", "bps" -> 1L;
            case "kbit/s", "kbps" -> 1_000L;
            case "mbit/s", "mbps" -> 1_000_000L;
            case "gbit/s", "gbps" -> 1_000_000_000L;
            default -> throw new IllegalArgumentException("invalid bandwidth unit \"" + m.group(2) + "\" in \"" + text
                    + "\"; expected bit/s, kbit/s, Mbit/s or Gbit/s");
        };
        return exact(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)), text, "bit/s");
    }

    private static long exact(BigDecimal value, String text, String smallest) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a whole number of " + smallest + " or is too large", e);
        }
    }
}
