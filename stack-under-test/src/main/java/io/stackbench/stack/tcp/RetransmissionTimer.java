package io.stackbench.stack.tcp;

/**
 * The retransmission timeout of RFC 6298: SRTT and RTTVAR from round-trip samples, an initial RTO
 * of 1 s, a minimum of 1 s (§2.4), a maximum of 60 s (§2.5) and doubling on each timeout (§5.5).
 * Times are nanoseconds. This class computes values only; the connection schedules the timer.
 */
final class RetransmissionTimer {

    static final long SECOND = 1_000_000_000L;
    static final long INITIAL_RTO = SECOND;
    static final long MIN_RTO = SECOND;
    static final long MAX_RTO = 60 * SECOND;
    /** Clock granularity G of RFC 6298 §2; the simulation's clock ticks in nanoseconds, so 1 ms is generous. */
    static final long GRANULARITY = 1_000_000L;

    private long srtt;
    private long rttvar;
    private long rto = INITIAL_RTO;
    private boolean measured;

    long rto() {
        return rto;
    }

    long srtt() {
        return srtt;
    }

    long rttvar() {
        return rttvar;
    }

    /** Takes one round-trip sample R (RFC 6298 §2.2 and §2.3). */
    void sample(long r) {
        sample(r, 1);
    }

    /**
     * Takes one of about {@code expectedSamples} samples per round trip. RFC 7323 Appendix G
     * divides the gains alpha = 1/8 and beta = 1/4 by that number when timestamps give a sample
     * per ACK, so SRTT and RTTVAR keep about one round trip of history, as with one sample.
     */
    void sample(long r, int expectedSamples) {
        if (!measured) {
            srtt = r;
            rttvar = r / 2;
            measured = true;
        } else {
            // RFC 6298 §2.3: RTTVAR is updated with the old SRTT, then SRTT.
            rttvar += (Math.abs(srtt - r) - rttvar) / (4L * expectedSamples);
            srtt += (r - srtt) / (8L * expectedSamples);
        }
        rto = clamp(srtt + Math.max(GRANULARITY, 4 * rttvar));
    }

    /** Doubles the RTO after a timeout (RFC 6298 §5.5). */
    void backOff() {
        rto = clamp(rto * 2);
    }

    private static long clamp(long value) {
        return Math.min(MAX_RTO, Math.max(MIN_RTO, value));
    }
}
