package io.stackbench.stack.tcp;

/**
 * When to acknowledge data that arrived in order (RFC 9293 §3.8.6.3, RFC 5681 §4.2): at the
 * second full-sized segment not yet acknowledged, or when the delayed-ACK timer expires. Segments
 * out of order, segments that fill a gap and a FIN are acknowledged at once by their callers
 * instead. Any segment we send carries the ACK and settles what was owed.
 */
final class DelayedAck {

    /**
     * The delayed-ACK timeout: 40 ms, Linux's TCP_DELACK_MIN, well under the 0.5 s that RFC 9293
     * §3.8.6.3 allows. A short delay keeps the stall short when Nagle's algorithm holds back a
     * small write until this ACK arrives.
     */
    static final long DELAY = 40_000_000L;

    /** Full-sized segments after which the ACK goes out at once (RFC 5681 §4.2: at least every second one). */
    static final int FULL_SEGMENTS_PER_ACK = 2;

    /** First estimate of the peer's segment size: the RFC 9293 §3.7.1 default MSS. */
    static final int INITIAL_RECEIVE_MSS = Connection.DEFAULT_MSS_IPV4;

    private final Connection c;
    private final DeadlineTimer timer;
    private final int maxReceiveMss;
    private int receiveMss;
    private int fullSegments;

    DelayedAck(Connection c, int localMss) {
        this.c = c;
        this.timer = new DeadlineTimer(c.layer, this::onTimeout);
        this.maxReceiveMss = localMss;
        this.receiveMss = Math.min(INITIAL_RECEIVE_MSS, localMss);
    }

    /**
     * Acknowledges {@code length} bytes of in-order data now or later. A segment counts as
     * full-sized when it is as long as the longest seen so far, up to the MSS we announced. The
     * peer's segments are shorter than that MSS by its options (12 bytes with timestamps) or by a
     * smaller MTU of its own, and Linux estimates the size the same way.
     */
    void onInOrderData(int length) {
        if (c.ackIsCurrent()) {
            return;
        }
        if (length >= receiveMss) {
            receiveMss = Math.min(length, maxReceiveMss);
            fullSegments++;
        }
        if (fullSegments >= FULL_SEGMENTS_PER_ACK) {
            c.sendAck();
            return;
        }
        timer.startIfStopped(DELAY);
    }

    /** Clears the pending ACK, because a segment carrying the current RCV.NXT left. */
    void onAckSent() {
        fullSegments = 0;
        if (timer.isRunning()) {
            timer.cancel();
        }
    }

    boolean isPending() {
        return timer.isRunning();
    }

    void stop() {
        timer.stop();
    }

    private void onTimeout() {
        if (c.state != TcpState.CLOSED && !c.ackIsCurrent()) {
            c.layer.counters().increment("tcp.delayed-acks");
            c.sendAck();
        }
    }
}
