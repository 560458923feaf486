package io.stackbench.stack.tcp;

import io.stackbench.stack.wire.TcpFlags;

/**
 * SEGMENT ARRIVES for a connection that exists (RFC 9293 §3.10.7.3 and §3.10.7.4), with the
 * timestamp checks of RFC 7323 §5.3 and the stricter ACK test of RFC 5961 §5.2. The CLOSED and
 * LISTEN cases, where no connection exists yet, are in {@link TcpLayer}.
 */
final class SegmentArrival {

    private SegmentArrival() {
    }

    /** Dispatches by state. */
    static void arrive(Connection c, Segment seg) {
        switch (c.state) {
            case SYN_SENT -> inSynSent(c, seg);
            case SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT -> inOtherState(c, seg);
            case LISTEN, CLOSED -> throw new IllegalStateException("segment for a connection in " + c.state);
        }
    }

    /** RFC 9293 §3.10.7.3, SYN-SENT. */
    static void inSynSent(Connection c, Segment seg) {
        boolean ackAcceptable = false;
        if (seg.has(TcpFlags.ACK)) {
            // First: an ACK outside (ISS, SND.NXT] is answered with a reset, unless it carries RST.
            if (SequenceNumbers.lessOrEqual(seg.ack(), c.iss) || SequenceNumbers.lessThan(c.sndNxt, seg.ack())) {
                if (!seg.has(TcpFlags.RST)) {
                    c.layer.sendReset(c.id, seg.ack(), false, 0);
                }
                c.layer.counters().drop("tcp.unacceptable-ack");
                return;
            }
            ackAcceptable = true;
        }

        // Second: RST is accepted only with an acceptable ACK (RFC 5961 §3.2 for SYN-SENT).
        if (seg.has(TcpFlags.RST)) {
            if (ackAcceptable) {
                c.becomeClosed("connection refused");
            } else {
                c.layer.counters().drop("tcp.unacceptable-reset");
            }
            return;
        }

        // Fourth: SYN.
        if (!seg.has(TcpFlags.SYN)) {
            c.layer.counters().drop("tcp.no-syn-in-syn-sent");
            return;
        }
        c.irs = seg.seq();
        c.rcvNxt = SequenceNumbers.add(c.irs, 1);
        SynOptions.apply(c, seg);
        c.queueSynText(seg);
        if (ackAcceptable) {
            c.retransmission.acknowledge(seg.ack(), seg);
        }
        if (SequenceNumbers.lessThan(c.iss, c.sndUna)) {
            updateWindow(c, seg, true);
            c.lastAckWindow = c.sndWnd;
            c.becomeEstablished();
            // RFC 9293 §3.10.7.3: text and a FIN on the SYN-ACK are processed now; the ACK covers them.
            if (deliverHeldText(c) && c.state != TcpState.CLOSED) {
                processFin(c);
            } else if (c.state != TcpState.CLOSED) {
                c.sendAckIfNeeded();
            }
        } else {
            // Simultaneous open: both SYNs crossed. Text on the SYN waits for ESTABLISHED.
            c.setState(TcpState.SYN_RECEIVED);
            c.sendSynAck();
        }
    }

    /** RFC 9293 §3.10.7.4, SYN-RECEIVED and the synchronized states, in the RFC's order of checks. */
    static void inOtherState(Connection c, Segment seg) {
        boolean reset = seg.has(TcpFlags.RST);
        if (c.ts.enabled() && !seg.hasTimestamps() && !reset) {
            // RFC 7323 §3.2: once timestamps are in use, a non-RST segment without them is dropped silently.
            c.layer.counters().drop("tcp.missing-timestamp");
            return;
        }
        if (c.ts.pawsRejects(seg, reset, c.layer.now())) {
            // RFC 7323 §5.3 R1: an old duplicate is not acceptable, so it gets an ACK and is dropped.
            c.sendAck();
            c.layer.counters().drop("tcp.paws");
            return;
        }

        if (!sequenceAcceptable(c, seg)) {
            if (!reset && seg.len() > 0) {
                // A retransmitted segment we already hold: its ACK may be the one the peer lost, so it always goes out.
                c.sendAck();
            } else if (!reset) {
                // An empty segment outside the window gets a rate-limited reply, as with Linux's tcp_invalid_ratelimit.
                // Two sides that disagree on the sequence numbers then cannot keep replying to each other's ACKs.
                c.sendAckForInvalidSegment();
            }
            c.layer.counters().drop("tcp.unacceptable-segment");
            return;
        }
        c.ts.updateRecent(seg, c.lastAckSent(), c.layer.now());

        if (reset) {
            checkReset(c, seg);
            return;
        }
        if (seg.has(TcpFlags.SYN)) {
            // RFC 5961 §4.2: a SYN in a synchronized state, in window or not, gets a challenge ACK only.
            c.sendChallengeAck();
            return;
        }
        if (!seg.has(TcpFlags.ACK)) {
            c.layer.counters().drop("tcp.no-ack");
            return;
        }

        if (!checkAck(c, seg)) {
            return;
        }
        // TODO: RFC 9293 §3.10.7.4 sixth step, the urgent pointer; URG data is delivered as ordinary data.
        boolean finInOrder = processText(c, seg);
        if (finInOrder) {
            processFin(c);
        }
    }

    /** The four cases of the acceptability test (RFC 9293 §3.10.7.4, first step). */
    static boolean sequenceAcceptable(Connection c, Segment seg) {
        long len = seg.len();
        long windowEnd = SequenceNumbers.add(c.rcvNxt, c.rcvWnd);
        if (len == 0) {
            // Deviation: RFC 9293 excludes SEG.SEQ = RCV.NXT + RCV.WND, but a peer that has filled our whole window sends its
            // ACKs with exactly that sequence number. Rejecting them made both sides reply to each other's ACKs with ACKs forever.
            return c.rcvWnd == 0 ? seg.seq() == c.rcvNxt
                    : SequenceNumbers.inRange(c.rcvNxt, seg.seq(), windowEnd) || seg.seq() == windowEnd;
        }
        if (c.rcvWnd == 0) {
            return false;
        }
        long last = SequenceNumbers.add(seg.seq(), len - 1);
        return SequenceNumbers.inRange(c.rcvNxt, seg.seq(), windowEnd) || SequenceNumbers.inRange(c.rcvNxt, last, windowEnd);
    }

    /** Second step: RST. RFC 5961 §3.2 resets only on SEG.SEQ = RCV.NXT and challenges any other in-window RST. */
    private static void checkReset(Connection c, Segment seg) {
        if (seg.seq() != c.rcvNxt) {
            c.sendChallengeAck();
            return;
        }
        c.layer.counters().increment("tcp.resets-received");
        switch (c.state) {
            // A passive open goes back to LISTEN, which here means the listener simply keeps listening.
            case SYN_RECEIVED -> c.becomeClosed(c.listener != null ? "connection reset" : "connection refused");
            case ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT -> c.becomeClosed("connection reset");
            case CLOSING, LAST_ACK, TIME_WAIT -> c.becomeClosed("closed");
            case LISTEN, SYN_SENT, CLOSED -> throw new IllegalStateException("reset check in " + c.state);
        }
    }

    /** Fifth step: the ACK field. Returns false when processing of the segment ends here. */
    private static boolean checkAck(Connection c, Segment seg) {
        switch (c.state) {
            case SYN_RECEIVED -> {
                if (!SequenceNumbers.lessThan(c.sndUna, seg.ack()) || SequenceNumbers.lessThan(c.sndMax, seg.ack())) {
                    c.layer.sendReset(c.id, seg.ack(), false, 0);
                    return false;
                }
                c.retransmission.acknowledge(seg.ack(), seg);
                updateWindow(c, seg, true);
                c.lastAckWindow = c.sndWnd;
                c.becomeEstablished();
                if (c.state == TcpState.CLOSED) {
                    // The handler aborted the connection in onEstablished.
                    return false;
                }
                if (c.listener != null) {
                    c.layer.counters().increment("tcp.passive-opens");
                }
                return acknowledgeData(c, seg, false);
            }
            case ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK -> {
                return acknowledgeData(c, seg, true);
            }
            case TIME_WAIT -> {
                // The only segment expected is a retransmitted FIN, which the first step already answered.
                return true;
            }
            case LISTEN, SYN_SENT, CLOSED -> throw new IllegalStateException("ACK check in " + c.state);
        }
        return false;
    }

    /**
     * Processes the ACK in the synchronized states. {@code countDuplicate} is false for the ACK
     * that just completed the handshake, which must not count as a duplicate of itself.
     */
    private static boolean acknowledgeData(Connection c, Segment seg, boolean countDuplicate) {
        long ack = seg.ack();
        // RFC 5961 §5.2: acceptable only when SND.UNA − MAX.SND.WND ≤ SEG.ACK ≤ SND.NXT; anything else gets a challenge ACK and is dropped.
        if (SequenceNumbers.lessThan(c.sndMax, ack)) {
            c.sendChallengeAck();
            c.layer.counters().drop("tcp.ack-of-unsent-data");
            return false;
        }
        if (SequenceNumbers.lessThan(ack, SequenceNumbers.add(c.sndUna, -c.maxSndWnd))) {
            c.sendChallengeAck();
            c.layer.counters().drop("tcp.ack-too-old");
            return false;
        }
        c.sender.onAckReceived();

        if (SequenceNumbers.lessThan(c.sndUna, ack)) {
            c.retransmission.acknowledge(ack, seg);
        } else if (countDuplicate && isDuplicateAck(c, seg)) {
            c.retransmission.onDuplicateAck(ack);
        }
        if (SequenceNumbers.lessOrEqual(c.sndUna, ack)) {
            // An ACK below SND.UNA is old and sets no window (RFC 9293 §3.10.7.4, fifth step).
            c.lastAckWindow = c.peerWindow(seg);
            updateWindow(c, seg, false);
        }

        switch (c.state) {
            case FIN_WAIT_1 -> {
                if (c.finAcknowledged()) {
                    c.setState(TcpState.FIN_WAIT_2);
                }
            }
            case CLOSING -> {
                if (c.finAcknowledged()) {
                    c.enterTimeWait();
                    return false;
                }
            }
            case LAST_ACK -> {
                if (c.finAcknowledged()) {
                    c.becomeClosed("closed");
                    return false;
                }
            }
            default -> {
            }
        }
        // After a retransmission timeout took SND.NXT back, ACKs clock out the rest again, also
        // in CLOSING and LAST-ACK, where the FIN was sent before the timeout.
        c.output();
        return c.state != TcpState.CLOSING && c.state != TcpState.LAST_ACK;
    }

    /**
     * Returns whether the segment is a duplicate ACK by RFC 5681 §2: data is outstanding, the segment carries no data, no SYN or
     * FIN, acknowledges SND.UNA exactly and repeats the last ACK's window. A lone zero-window probe
     * does not count as outstanding, so the peer's replies to it start no fast retransmit.
     */
    private static boolean isDuplicateAck(Connection c, Segment seg) {
        return c.sndNxt != c.sndUna
                && seg.dataLength() == 0
                && !seg.has(TcpFlags.SYN)
                && !seg.has(TcpFlags.FIN)
                && seg.ack() == c.sndUna
                && c.peerWindow(seg) == c.lastAckWindow;
    }

    /**
     * SND.WND update when the segment is newer than the last one that set it: SND.WL1 < SEG.SEQ, or
     * SND.WL1 = SEG.SEQ and SND.WL2 ≤ SEG.ACK (RFC 9293 §3.10.7.4). {@code force} is for the
     * handshake, where the window is set from the segment that completes it.
     */
    private static void updateWindow(Connection c, Segment seg, boolean force) {
        boolean newer = SequenceNumbers.lessThan(c.sndWl1, seg.seq())
                || (c.sndWl1 == seg.seq() && SequenceNumbers.lessOrEqual(c.sndWl2, seg.ack()));
        if (force || newer) {
            c.sndWnd = c.peerWindow(seg);
            c.sndWl1 = seg.seq();
            c.sndWl2 = seg.ack();
            c.maxSndWnd = Math.max(c.maxSndWnd, c.sndWnd);
        }
    }

    /**
     * Seventh step: segment text. Delivers in-order data, queues data beyond a gap, and returns true
     * when a FIN now follows the data in order. Acknowledges at once what is out of order or fills a
     * gap (RFC 5681 §4.2), and leaves in-order data to the delayed ACK.
     */
    private static boolean processText(Connection c, Segment seg) {
        boolean fin = seg.has(TcpFlags.FIN);
        switch (c.state) {
            case ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, SYN_RECEIVED -> {
            }
            case CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT -> {
                // The remote side already sent its FIN, so no text can arrive; a repeated FIN gets an ACK.
                if (fin) {
                    c.sendAck();
                    if (c.state == TcpState.TIME_WAIT) {
                        c.enterTimeWait();
                    }
                }
                return false;
            }
            case LISTEN, SYN_SENT, CLOSED -> throw new IllegalStateException("text in " + c.state);
        }

        int from = 0;
        int to = seg.dataLength();
        long seq = seg.seq();
        long alreadyReceived = SequenceNumbers.distance(c.rcvNxt, seq);
        if (alreadyReceived > 0) {
            if (alreadyReceived > to) {
                // Only a repeated FIN, if any, is left of this segment; the first step accepted it for its ACK.
                return false;
            }
            from = (int) alreadyReceived;
            seq = c.rcvNxt;
        }
        long room = SequenceNumbers.distance(SequenceNumbers.add(c.rcvNxt, c.rcvWnd), seq);
        if (to - from > room) {
            to = from + (int) Math.max(0, room);
            fin = false;
        }
        if (to == from && !fin) {
            return deliverHeldAndAcknowledge(c);
        }

        if (seq != c.rcvNxt) {
            if (!c.reassembly.add(seq, seg.copyData(from, to), fin)) {
                c.layer.counters().drop("tcp.reassembly-full");
            }
            // RFC 5681 §4.2: an out-of-order segment is acknowledged at once; the duplicate ACK shows where the gap starts.
            c.sendAck();
            return false;
        }
        boolean fillsGap = !c.reassembly.isEmpty();
        deliver(c, seg.copyData(from, to));
        if (!fin) {
            fin = deliverHeldText(c);
        }
        if (c.state == TcpState.CLOSED) {
            // The handler aborted the connection while taking the data.
            return false;
        }
        if (!fin) {
            if (fillsGap) {
                // RFC 5681 §4.2: a segment that fills all or part of a gap is acknowledged at once.
                c.sendAckIfNeeded();
            } else {
                c.delayedAck.onInOrderData(to - from);
            }
        }
        return fin;
    }

    /** Delivers held text that is now in order, as after the handshake for text that came on a SYN, and acknowledges it. */
    private static boolean deliverHeldAndAcknowledge(Connection c) {
        if (c.reassembly.isEmpty()) {
            return false;
        }
        long before = c.rcvNxt;
        boolean fin = deliverHeldText(c);
        if (c.state == TcpState.CLOSED) {
            return false;
        }
        if (!fin && c.rcvNxt != before) {
            c.sendAckIfNeeded();
        }
        return fin;
    }

    /** Delivers the held pieces that continue from RCV.NXT; returns true when a FIN follows them. */
    static boolean deliverHeldText(Connection c) {
        ReassemblyQueue.Piece piece;
        while (c.state != TcpState.CLOSED && (piece = c.reassembly.pollInOrder(c.rcvNxt)) != null) {
            deliver(c, piece.data());
            if (piece.fin()) {
                return c.state != TcpState.CLOSED;
            }
        }
        return false;
    }

    private static void deliver(Connection c, byte[] data) {
        if (data.length == 0) {
            return;
        }
        c.rcvNxt = SequenceNumbers.add(c.rcvNxt, data.length);
        c.bytesReceived += data.length;
        c.layer.segmentsDelivered.increment();
        c.handler.onData(c, data);
    }

    /**
     * Eighth step: a FIN in order. It is acknowledged at once, after the handler hears of it, so
     * that the FIN of a handler that closes in reply carries the ACK instead of a segment of its own.
     */
    private static void processFin(Connection c) {
        c.rcvNxt = SequenceNumbers.add(c.rcvNxt, 1);
        c.reassembly.clear();
        switch (c.state) {
            case SYN_RECEIVED, ESTABLISHED -> c.setState(TcpState.CLOSE_WAIT);
            case FIN_WAIT_1 -> {
                if (c.finAcknowledged()) {
                    c.enterTimeWait();
                } else {
                    c.setState(TcpState.CLOSING);
                }
            }
            case FIN_WAIT_2 -> c.enterTimeWait();
            case CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT, LISTEN, SYN_SENT, CLOSED ->
                throw new IllegalStateException("FIN in order in " + c.state);
        }
        c.handler.onRemoteClose(c);
        if (c.state != TcpState.CLOSED) {
            c.sendAckIfNeeded();
        }
    }
}
