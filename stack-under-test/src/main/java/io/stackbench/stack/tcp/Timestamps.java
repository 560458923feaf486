package io.stackbench.stack.tcp;

/**
 * The RFC 7323 Timestamps option of one connection: its timestamp clock, TS.Recent, the RTTM
 * sample of §4 and the PAWS test of §5.
 *
 * <p>The clock ticks once per millisecond of simulated time, inside the 1 ms to 1 s range of
 * RFC 7323 §5.4, from a per-connection offset out of a keyed hash, as Linux does with
 * {@code net.ipv4.tcp_timestamps = 1}, so TSval does not show how long the node has run. The key
 * comes from the node's seeded random stream, so runs repeat.
 */
final class Timestamps {

    /** One tick of the timestamp clock, in nanoseconds. */
    static final long TICK = 1_000_000L;

    /** Option bytes on every segment once timestamps are in use: NOP, NOP and the 10-byte option (RFC 7323 Appendix A). */
    static final int OPTIONS_LENGTH = 12;

    /** TS.Recent older than this is invalid and PAWS skips it (RFC 7323 §5.5: 24 days). */
    static final long RECENT_VALIDITY = 24L * 24 * 3600 * 1_000_000_000L;

    private final long offset;
    private boolean enabled;
    private long recent;
    private long recentSetAt;

    Timestamps(long offset) {
        this.offset = offset;
    }

    /** Returns TSval for the simulated time {@code now}. */
    long clock(long now) {
        return SequenceNumbers.add(now / TICK, offset);
    }

    /** True once both SYNs carried the option (RFC 7323 §3.2); every segment then carries it. */
    boolean enabled() {
        return enabled;
    }

    void enable() {
        enabled = true;
    }

    /** TS.Recent, the TSval that outgoing segments echo in TSecr. */
    long recent() {
        return recent;
    }

    void setRecent(long tsVal, long now) {
        recent = tsVal;
        recentSetAt = now;
    }

    /**
     * RFC 7323 §5.3 R1: true when the segment carries a TSval older than TS.Recent, which is
     * still valid, and is no RST. Such a segment is an old duplicate and is not acceptable.
     */
    boolean pawsRejects(Segment seg, boolean reset, long now) {
        if (!enabled || !seg.hasTimestamps() || reset) {
            return false;
        }
        return now - recentSetAt <= RECENT_VALIDITY && SequenceNumbers.lessThan(seg.tsVal(), recent);
    }

    /**
     * RFC 7323 §4.3 and §5.3 R3: a segment at or before Last.ACK.sent, the acknowledgment
     * number we last sent, with a TSval not older than TS.Recent, becomes TS.Recent. Echoing the
     * oldest unacknowledged segment's TSval makes the peer's RTT include our delayed ACK.
     */
    void updateRecent(Segment seg, long lastAckSent, long now) {
        if (!enabled || !seg.hasTimestamps()) {
            return;
        }
        boolean recentValid = now - recentSetAt <= RECENT_VALIDITY;
        if (SequenceNumbers.lessOrEqual(seg.seq(), lastAckSent)
                && (!recentValid || !SequenceNumbers.lessThan(seg.tsVal(), recent))) {
            setRecent(seg.tsVal(), now);
        }
    }

    /**
     * Returns the round trip that the segment's TSecr measures (RFC 7323 §4.1), in nanoseconds,
     * or -1 without a usable echo. A TSecr of 0 is skipped, as Linux skips it, because a peer that
     * sends no echo writes 0.
     */
    long roundTrip(Segment seg, long now) {
        if (!enabled || !seg.hasTimestamps() || seg.tsEcr() == 0) {
            return -1;
        }
        long ticks = SequenceNumbers.distance(clock(now), seg.tsEcr());
        return ticks < 0 ? -1 : ticks * TICK;
    }
}
