package io.stackbench.stack.tcp;

import io.stackbench.stack.wire.TcpFlags;
import java.util.Arrays;

/**
 * SEGMENT ARRIVES for a connection that exists (RFC 9293 §3.10.7.3 and §3.10.7.4). The CLOSED and
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
        // TODO: RFC 9293 §3.10.7.3 queues data that arrives on the SYN; it is ignored here and the peer sends it again.
        c.irs = seg.seq();
        c.rcvNxt = SequenceNumbers.add(c.irs, 1);
        c.applyPeerMss(seg);
        if (ackAcceptable) {
            c.acknowledge(seg.ack());
        }
        if (SequenceNumbers.lessThan(c.iss, c.sndUna)) {
            updateWindow(c, seg, true);
            c.sendAck();
            c.becomeEstablished();
        } else {
            // Simultaneous open: both SYNs crossed.
            c.setState(TcpState.SYN_RECEIVED);
            c.sendSynAck();
        }
    }

    /** RFC 9293 §3.10.7.4, SYN-RECEIVED and the synchronized states, in the RFC's order of checks. */
    static void inOtherState(Connection c, Segment seg) {
        if (!sequenceAcceptable(c, seg)) {
            if (!seg.has(TcpFlags.RST)) {
                c.sendAckForInvalidSegment();
            }
            c.layer.counters().drop("tcp.unacceptable-segment");
            return;
        }
        if (seg.has(TcpFlags.RST)) {
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
                if (!SequenceNumbers.lessThan(c.sndUna, seg.ack()) || SequenceNumbers.lessThan(c.sndNxt, seg.ack())) {
                    c.layer.sendReset(c.id, seg.ack(), false, 0);
                    return false;
                }
                c.acknowledge(SequenceNumbers.add(c.iss, 1));
                updateWindow(c, seg, true);
                c.becomeEstablished();
                if (c.listener != null) {
                    c.layer.counters().increment("tcp.passive-opens");
                }
                return acknowledgeData(c, seg);
            }
            case ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK -> {
                return acknowledgeData(c, seg);
            }
            case TIME_WAIT -> {
                // The only segment expected is a retransmitted FIN, which the first step already answered.
                return true;
            }
            case LISTEN, SYN_SENT, CLOSED -> throw new IllegalStateException("ACK check in " + c.state);
        }
        return false;
    }

    private static boolean acknowledgeData(Connection c, Segment seg) {
        if (SequenceNumbers.lessThan(c.sndNxt, seg.ack())) {
            // An ACK for data not yet sent: acknowledge and drop.
            c.sendAckForInvalidSegment();
            c.layer.counters().drop("tcp.ack-of-unsent-data");
            return false;
        }
        // TODO: RFC 5961 §5.2 drops ACKs below SND.UNA − MAX.SND.WND; older duplicates are accepted here.
        if (SequenceNumbers.lessThan(c.sndUna, seg.ack())) {
            c.acknowledge(seg.ack());
        }
        updateWindow(c, seg, false);

        switch (c.state) {
            case FIN_WAIT_1 -> {
                if (c.finAcknowledged()) {
                    c.setState(TcpState.FIN_WAIT_2);
                }
            }
            case CLOSING -> {
                if (c.finAcknowledged()) {
                    c.enterTimeWait();
                }
                return false;
            }
            case LAST_ACK -> {
                if (c.finAcknowledged()) {
                    c.becomeClosed("closed");
                }
                return false;
            }
            default -> {
            }
        }
        c.output();
        return true;
    }

    /** SND.WND update when the segment is newer than the last one that set it (RFC 9293 §3.10.7.4). */
    private static void updateWindow(Connection c, Segment seg, boolean force) {
        boolean newer = SequenceNumbers.lessThan(c.sndWl1, seg.seq())
                || (c.sndWl1 == seg.seq() && SequenceNumbers.lessOrEqual(c.sndWl2, seg.ack()));
        if (force || newer) {
            c.sndWnd = seg.wnd();
            c.sndWl1 = seg.seq();
            c.sndWl2 = seg.ack();
        }
    }

    /**
     * Seventh step: segment text. Delivers in-order data, holds data beyond a gap, and returns true
     * when a FIN now follows the data in order.
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

        byte[] data = seg.data();
        long seq = seg.seq();
        long alreadyReceived = SequenceNumbers.distance(c.rcvNxt, seq);
        if (alreadyReceived > 0) {
            if (alreadyReceived > data.length) {
                // Only a repeated FIN, if any, is left of this segment; the first step accepted it for its ACK.
                return false;
            }
            data = Arrays.copyOfRange(data, (int) alreadyReceived, data.length);
            seq = c.rcvNxt;
        }
        long room = SequenceNumbers.distance(SequenceNumbers.add(c.rcvNxt, c.rcvWnd), seq);
        if (data.length > room) {
            data = Arrays.copyOf(data, (int) Math.max(0, room));
            fin = false;
        }
        if (data.length == 0 && !fin) {
            return false;
        }

        if (seq != c.rcvNxt) {
            if (!c.reassembly.add(seq, data, fin)) {
                c.layer.counters().drop("tcp.reassembly-full");
            }
            // A duplicate ACK tells the sender where the gap starts (RFC 5681 §4.2).
            c.sendAck();
            return false;
        }
        deliver(c, data);
        if (!fin) {
            ReassemblyQueue.InOrder held = c.reassembly.takeInOrder(c.rcvNxt);
            deliver(c, held.data());
            fin = held.fin();
        }
        if (c.state == TcpState.CLOSED) {
            // The handler aborted the connection while taking the data.
            return false;
        }
        if (!fin) {
            // TODO: RFC 9293 §3.8.6.3 delayed ACK; data is acknowledged at once, unless the handler's reply already carried the ACK.
            c.sendAckIfNeeded();
        }
        return fin;
    }

    private static void deliver(Connection c, byte[] data) {
        if (data.length == 0) {
            return;
        }
        c.rcvNxt = SequenceNumbers.add(c.rcvNxt, data.length);
        c.bytesReceived += data.length;
        c.layer.counters().increment("tcp.segments-delivered");
        c.handler.onData(c, data);
    }

    /** Eighth step: a FIN in order. */
    private static void processFin(Connection c) {
        c.rcvNxt = SequenceNumbers.add(c.rcvNxt, 1);
        c.reassembly.clear();
        c.sendAck();
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
    }
}
