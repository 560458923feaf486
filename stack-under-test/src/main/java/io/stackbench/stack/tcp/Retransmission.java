package io.stackbench.stack.tcp;

/**
 * The sender's handling of acknowledgments and of the retransmission timer: freeing acknowledged data,
 * RTT samples (RFC 6298 §3 and RFC 7323 §4), the retransmission timer (RFC 6298 §5), and the
 * retransmissions that congestion control calls for. Those follow a timeout, the third duplicate
 * ACK (RFC 5681 §3.2) and a partial ACK (RFC 6582 §3.2).
 */
final class Retransmission {

    private final Connection c;
    private final DeadlineTimer timer;
    private int timeoutsInARow;
    private boolean rttTiming;
    private long rttSequence;
    private long rttStart;

    Retransmission(Connection c) {
        this.c = c;
        this.timer = new DeadlineTimer(c.layer, this::onTimeout);
    }

    /**
     * Takes SND.UNA forward to {@code ack}, which lies in (SND.UNA, SND.MAX]: frees the acknowledged
     * data, takes an RTT sample, runs congestion control and the retransmission timer
     * (RFC 6298 §5.2 and §5.3).
     */
    void acknowledge(long ack, Segment seg) {
        long acked = SequenceNumbers.distance(ack, c.sndUna);
        long flightBefore = SequenceNumbers.distance(c.sndMax, c.sndUna);
        long dataAcked = SequenceNumbers.distance(ack, c.bufferSeq);
        int freed = 0;
        if (dataAcked > 0) {
            freed = (int) Math.min(dataAcked, c.sendBuffer.size());
            c.sendBuffer.discard(freed);
            c.bufferSeq = SequenceNumbers.add(c.bufferSeq, freed);
        }
        c.sndUna = ack;
        if (SequenceNumbers.lessThan(c.sndNxt, c.sndUna)) {
            // The ACK covers a zero-window probe, or data sent before a retransmission timeout sent SND.NXT back.
            c.sndNxt = c.sndUna;
        }
        timeoutsInARow = 0;
        takeRttSample(ack, seg, flightBefore);
        c.sender.onSndUnaAdvanced();

        boolean restartTimer = true;
        if (c.state.isSynchronized()) {
            restartTimer = onNewAck(ack, acked);
        }
        if (c.sndUna == c.sndNxt) {
            stopTimer();
        } else if (restartTimer) {
            startTimer(true);
        }
        if (freed > 0 && !c.closeRequested && (c.state == TcpState.ESTABLISHED || c.state == TcpState.CLOSE_WAIT)) {
            c.handler.onWritable(c);
        }
    }

    /** Runs congestion control for an ACK of new data; returns false when the retransmission timer must keep its deadline. */
    private boolean onNewAck(long ack, long acked) {
        long cwnd = c.cc.cwnd();
        CongestionControl.Response response = c.cc.onNewAck(ack, acked, SequenceNumbers.distance(c.sndMax, c.sndUna));
        switch (response) {
            case NONE, FAST_RETRANSMIT -> {
                return true;
            }
            case FIRST_PARTIAL_ACK -> {
                // RFC 6582 §3.2 step 3: retransmit at SND.UNA, and reset the timer on the first partial ACK only.
                c.sender.retransmitFirst();
                return true;
            }
            case PARTIAL_ACK -> {
                c.sender.retransmitFirst();
                return false;
            }
            case RECOVERY_ENDED -> {
                c.layer.event("tcp.congestion", c.id + " cwnd " + cwnd + " -> " + c.cc.cwnd() + " after full ACK " + ack
                        + " ended fast recovery");
                return true;
            }
        }
        return true;
    }

    /**
     * Handles a duplicate ACK as RFC 5681 §2 defines it: the third starts fast retransmit and
     * NewReno fast recovery, and further ones inflate cwnd so that new data can follow.
     */
    void onDuplicateAck(long ack) {
        long cwnd = c.cc.cwnd();
        CongestionControl.Response response = c.cc.onDuplicateAck(ack, SequenceNumbers.distance(c.sndMax, c.sndUna), c.sndMax);
        if (response == CongestionControl.Response.FAST_RETRANSMIT) {
            c.fastRetransmits++;
            c.layer.counters().increment("tcp.fast-retransmits");
            c.layer.event("tcp.congestion", c.id + " cwnd " + cwnd + " -> " + c.cc.cwnd() + ", ssthresh " + c.cc.ssthresh() + " after "
                    + CongestionControl.DUPLICATE_ACK_THRESHOLD + " duplicate ACKs for " + ack + "; fast retransmit");
            // Karn's algorithm (RFC 6298 §3): no sample from a segment that may now be retransmitted.
            rttTiming = false;
            c.sender.retransmitFirst();
        }
    }

    /** RETRANSMISSION TIMEOUT: sends the earliest unacknowledged segment again (RFC 6298 §5.4 to §5.6). */
    private void onTimeout() {
        timeoutsInARow++;
        int limit = c.state == TcpState.SYN_RECEIVED ? Connection.MAX_SYN_ACK_RETRANSMISSIONS : Connection.MAX_RETRANSMISSIONS;
        if (timeoutsInARow > limit) {
            c.layer.counters().increment("tcp.timed-out");
            c.becomeClosed("timed out");
            return;
        }
        c.rtt.backOff();
        // Karn's algorithm (RFC 6298 §3): a retransmitted segment gives no RTT sample.
        rttTiming = false;

        switch (c.state) {
            case SYN_SENT, SYN_RECEIVED -> {
                c.synRetransmitted = true;
                c.countRetransmission();
                c.sendSyn(c.state == TcpState.SYN_RECEIVED);
            }
            case ESTABLISHED, FIN_WAIT_1, CLOSE_WAIT, CLOSING, LAST_ACK -> {
                long cwnd = c.cc.cwnd();
                c.cc.onRetransmissionTimeout(SequenceNumbers.distance(c.sndMax, c.sndUna), c.sndMax, timeoutsInARow == 1);
                if (timeoutsInARow == 1) {
                    c.layer.event("tcp.congestion", c.id + " cwnd " + cwnd + " -> " + c.cc.cwnd() + ", ssthresh " + c.cc.ssthresh()
                            + " after retransmission timeout");
                }
                // Go back to SND.UNA: after the first segment, slow start resends the rest as ACKs open cwnd.
                c.sndNxt = c.sndUna;
                c.sender.retransmitFirst();
            }
            case LISTEN, FIN_WAIT_2, TIME_WAIT, CLOSED -> throw new IllegalStateException("retransmission timeout in " + c.state);
        }
        startTimer(true);
    }

    /**
     * With timestamps, each ACK of new data gives a sample from its TSecr (RFC 7323 §4.1), weighted
     * by RFC 7323 Appendix G. Without them, one segment at a time is timed (RFC 6298 §3).
     */
    private void takeRttSample(long ack, Segment seg, long flightBefore) {
        if (c.ts.enabled()) {
            long r = c.ts.roundTrip(seg, c.layer.now());
            if (r >= 0) {
                long twoSegments = 2L * c.effectiveMss();
                long expectedSamples = (flightBefore + twoSegments - 1) / twoSegments;
                c.rtt.sample(r, (int) Math.max(1, Math.min(expectedSamples, Integer.MAX_VALUE)));
            }
            return;
        }
        if (rttTiming && SequenceNumbers.lessOrEqual(rttSequence, ack)) {
            c.rtt.sample(c.layer.now() - rttStart);
            rttTiming = false;
        }
    }

    /** Starts timing the segment ending at {@code endSequence}, unless one is timed or timestamps give the samples. */
    void startRttSample(long endSequence) {
        if (!rttTiming && !c.ts.enabled()) {
            rttTiming = true;
            rttSequence = endSequence;
            rttStart = c.layer.now();
        }
    }

    /** Starts the retransmission timer unless it runs (RFC 6298 §5.1), or restarts it when {@code restart}. */
    void startTimer(boolean restart) {
        if (restart || !timer.isRunning()) {
            timer.start(c.rtt.rto());
        }
    }

    void stopTimer() {
        timer.cancel();
    }

    void stop() {
        timer.stop();
    }
}
