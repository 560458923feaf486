package io.stackbench.sim.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Constants and formatting for simulated time, which is a {@code long} count of nanoseconds from 0. */
public final class SimTime {

    public static final long NANOSECOND = 1L;
    public static final long MICROSECOND = 1_000L;
    public static final long MILLISECOND = 1_000_000L;
    public static final long SECOND = 1_000_000_000L;

    private SimTime() {
    }

    public static long millis(long n) {
        return Math.multiplyExact(n, MILLISECOND);
    }

    public static long seconds(long n) {
        return Math.multiplyExact(n, SECOND);
    }

    /** Formats a time as seconds with nanosecond digits, trailing zeros removed: {@code 1.5s}, {@code 0.000001s}. */
    public static String format(long nanos) {
        BigDecimal seconds = BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(SECOND), 9, RoundingMode.UNNECESSARY);
        String text = seconds.stripTrailingZeros().toPlainString();
        return text + "s";
    }
}
