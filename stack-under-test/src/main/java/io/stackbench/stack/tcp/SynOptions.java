package io.stackbench.stack.tcp;

import io.stackbench.stack.wire.TcpOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The options negotiated on the SYNs: MSS (RFC 9293 §3.7.1), Window Scale (RFC 7323 §2) and
 * Timestamps (RFC 7323 §3). This TCP declines SACK: it never sends SACK-Permitted and ignores a
 * peer's, which RFC 2018 §2 allows.
 */
final class SynOptions {

    /** Receive buffer, and so the window offered once window scaling is in use. */
    static final int RECEIVE_BUFFER = 1 << 20;

    /** Largest window without scaling: the 16-bit window field (RFC 9293 §3.1). */
    static final int MAX_UNSCALED_WINDOW = 0xffff;

    /** Largest shift.cnt (RFC 7323 §2.3). */
    static final int MAX_SHIFT = 14;

    /** Our shift.cnt: the smallest that lets the window field cover {@link #RECEIVE_BUFFER}. */
    static final int RECEIVE_SHIFT = shiftFor(RECEIVE_BUFFER);

    private SynOptions() {
    }

    static int shiftFor(int buffer) {
        int shift = 0;
        while (shift < MAX_SHIFT && ((long) MAX_UNSCALED_WINDOW << shift) < buffer) {
            shift++;
        }
        return shift;
    }

    /** Active open: the SYN offers window scaling and timestamps. */
    static void offerActive(Connection c) {
        c.offerWindowScale = true;
        c.offerTimestamps = true;
    }

    /**
     * Passive open: the SYN-ACK carries Window Scale only when the SYN did (RFC 7323 §2.2) and
     * Timestamps only when the SYN did (RFC 7323 §3.2), and the SYN's options apply.
     */
    static void answerSyn(Connection c, Segment syn) {
        c.offerWindowScale = syn.windowScaleOption() >= 0;
        c.offerTimestamps = syn.hasTimestamps();
        apply(c, syn);
    }

    /** Applies the options of the peer's SYN or SYN-ACK to the connection. */
    static void apply(Connection c, Segment syn) {
        c.applyPeerMss(syn);

        int peerShift = syn.windowScaleOption();
        // RFC 7323 §2.2: scaling is in use, in both directions, only when both SYNs carried the option.
        c.windowScaling = c.offerWindowScale && peerShift >= 0;
        if (c.windowScaling) {
            if (peerShift > MAX_SHIFT) {
                // RFC 7323 §2.3: log the error and use 14.
                c.layer.event("tcp.options", c.id + " Window Scale shift " + peerShift + " exceeds 14; using 14");
            }
            c.sndWndShift = Math.min(peerShift, MAX_SHIFT);
            c.rcvWndShift = RECEIVE_SHIFT;
            c.rcvWnd = RECEIVE_BUFFER;
        } else {
            c.sndWndShift = 0;
            c.rcvWndShift = 0;
            c.rcvWnd = Math.min(RECEIVE_BUFFER, MAX_UNSCALED_WINDOW);
        }

        // RFC 7323 §3.2: timestamps are in use only when both SYNs carried the option.
        if (c.offerTimestamps && syn.hasTimestamps()) {
            c.ts.enable();
            c.ts.setRecent(syn.tsVal(), c.layer.now());
        }
    }

    /**
     * Returns the options of our SYN or SYN-ACK: MSS, then NOP and Window Scale, then two NOPs and
     * Timestamps, which keeps each option's value 32-bit aligned (RFC 7323 Appendix A). TSecr is 0
     * on a SYN without ACK (RFC 7323 §3.2) and echoes the peer's SYN on a SYN-ACK.
     */
    static List<TcpOption> forSyn(Connection c, boolean withAck) {
        List<TcpOption> options = new ArrayList<>(6);
        options.add(new TcpOption.MaximumSegmentSize(c.layer.localMss(c.id)));
        if (c.offerWindowScale) {
            options.add(new TcpOption.NoOperation());
            options.add(new TcpOption.WindowScale(RECEIVE_SHIFT));
        }
        if (c.offerTimestamps) {
            options.add(new TcpOption.NoOperation());
            options.add(new TcpOption.NoOperation());
            options.add(new TcpOption.Timestamps(c.ts.clock(c.layer.now()), withAck ? c.ts.recent() : 0));
        }
        return options;
    }
}
