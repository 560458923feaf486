package io.stackbench.stack.tcp;

/**
 * The sender's congestion control: RFC 5681 slow start, congestion avoidance, fast retransmit and
 * fast recovery, with the RFC 6582 NewReno response to partial acknowledgments and RFC 3042
 * Limited Transmit. It keeps cwnd, ssthresh and recover and returns the action the connection
 * must take, but sends nothing itself. Windows and SMSS are in bytes.
 */
final class CongestionControl {

    /** The largest window a peer can advertise, 65,535 shifted by 14 (RFC 7323 §2.3). */
    static final long MAX_WINDOW = 65_535L << 14;

    /** Duplicate ACKs that trigger fast retransmit (RFC 5681 §3.2). */
    static final int DUPLICATE_ACK_THRESHOLD = 3;

    /** The action that an acknowledgment requires of the connection. */
    enum Response {
        /** Nothing beyond the usual output. */
        NONE,
        /** The third duplicate ACK started fast recovery: retransmit the segment at SND.UNA. */
        FAST_RETRANSMIT,
        /** The first partial ACK of this recovery: retransmit at SND.UNA and restart the retransmission timer. */
        FIRST_PARTIAL_ACK,
        /** A later partial ACK: retransmit at SND.UNA. */
        PARTIAL_ACK,
        /** A full ACK ended fast recovery and deflated cwnd. */
        RECOVERY_ENDED
    }

    private long smss;
    private long initialWindow;
    private long cwnd;
    private long ssthresh = MAX_WINDOW;
    private long recover;
    private int duplicateAcks;
    private boolean inRecovery;
    private boolean partialAckSeen;
    private long bytesAckedInAvoidance;
    private long limitedTransmitBytes;

    /**
     * Sets the initial window for a connection whose SMSS is now known. After a lost SYN or SYN-ACK
     * the initial window is one segment (RFC 5681 §3.1).
     */
    void initialize(long smss, boolean synRetransmitted, long iss) {
        this.smss = smss;
        this.initialWindow = synRetransmitted ? smss : initialWindow(smss);
        this.cwnd = initialWindow;
        this.ssthresh = MAX_WINDOW;
        // RFC 6582 §3.2 step 1 starts recover at the ISS. With its step 2 test, ACK - 1 > recover, the
        // SYN's ACK (ISS + 1) would then not cover more than recover, and a lost first data segment
        // could never start fast retransmit. One less keeps the test as written and lets it start, as
        // FreeBSD's snd_recover = ISS with its ACK > snd_recover test does.
        this.recover = SequenceNumbers.add(iss, -1);
    }

    /** IW of RFC 5681 §3.1, equation (1): 2, 3 or 4 segments by SMSS. */
    static long initialWindow(long smss) {
        if (smss > 2190) {
            return 2 * smss;
        }
        if (smss > 1095) {
            return 3 * smss;
        }
        return 4 * smss;
    }

    long cwnd() {
        return cwnd;
    }

    long ssthresh() {
        return ssthresh;
    }

    long recover() {
        return recover;
    }

    int duplicateAcks() {
        return duplicateAcks;
    }

    boolean inRecovery() {
        return inRecovery;
    }

    boolean inSlowStart() {
        return cwnd < ssthresh;
    }

    /**
     * Returns how much may be in flight: cwnd, plus one SMSS per duplicate ACK on the first and
     * second, so that each sends one new segment (RFC 5681 §3.2 step 1, RFC 3042 §2). cwnd itself
     * does not change for those segments.
     */
    long sendWindow() {
        if (!inRecovery && duplicateAcks > 0 && duplicateAcks < DUPLICATE_ACK_THRESHOLD) {
            return cwnd + duplicateAcks * smss;
        }
        return cwnd;
    }

    /** Notes {@code bytes} of new data sent, which Limited Transmit may have allowed. */
    void onNewDataSent(long bytes) {
        if (!inRecovery && duplicateAcks > 0) {
            limitedTransmitBytes += bytes;
        }
    }

    /**
     * Updates cwnd for an ACK of new data: {@code acked} bytes from the old SND.UNA up to
     * {@code ack}, leaving {@code flightSize} bytes outstanding.
     */
    Response onNewAck(long ack, long acked, long flightSize) {
        duplicateAcks = 0;
        limitedTransmitBytes = 0;
        if (inRecovery) {
            return inRecoveryAck(ack, acked, flightSize);
        }
        if (inSlowStart()) {
            // RFC 5681 §3.1, equation (2): cwnd += min(N, SMSS) per ACK.
            cwnd = Math.min(MAX_WINDOW, cwnd + Math.min(acked, smss));
        } else {
            // RFC 5681 §3.1: congestion avoidance counts acknowledged bytes and adds one SMSS per cwnd of them, once per RTT.
            bytesAckedInAvoidance += acked;
            if (bytesAckedInAvoidance >= cwnd) {
                bytesAckedInAvoidance -= cwnd;
                cwnd = Math.min(MAX_WINDOW, cwnd + smss);
            }
        }
        return Response.NONE;
    }

    private Response inRecoveryAck(long ack, long acked, long flightSize) {
        if (!SequenceNumbers.lessThan(SequenceNumbers.add(ack, -1), recover)) {
            // RFC 6582 §3.2 step 3, full acknowledgment: deflate to min(ssthresh, max(FlightSize, SMSS) + SMSS), option (1), which cannot burst.
            cwnd = Math.min(ssthresh, Math.max(flightSize, smss) + smss);
            inRecovery = false;
            bytesAckedInAvoidance = 0;
            return Response.RECOVERY_ENDED;
        }
        // RFC 6582 §3.2 step 3, partial acknowledgment: deflate by the bytes acknowledged, add back one SMSS when at least one was.
        cwnd -= acked;
        if (acked >= smss) {
            cwnd += smss;
        }
        // Not in RFC 6582: a floor of one segment, so a partial ACK larger than the inflated window cannot leave cwnd at zero.
        cwnd = Math.max(cwnd, smss);
        boolean first = !partialAckSeen;
        partialAckSeen = true;
        return first ? Response.FIRST_PARTIAL_ACK : Response.PARTIAL_ACK;
    }

    /**
     * A duplicate ACK as RFC 5681 §2 defines it, for {@code ack} = SND.UNA, with {@code flightSize}
     * bytes outstanding and {@code sndMax} the sequence number after the highest one sent.
     */
    Response onDuplicateAck(long ack, long flightSize, long sndMax) {
        duplicateAcks++;
        if (inRecovery) {
            // RFC 5681 §3.2 step 4: each further duplicate ACK means a segment left the network.
            cwnd = Math.min(MAX_WINDOW, cwnd + smss);
            return Response.NONE;
        }
        if (duplicateAcks != DUPLICATE_ACK_THRESHOLD) {
            return Response.NONE;
        }
        if (!SequenceNumbers.lessThan(recover, SequenceNumbers.add(ack, -1))) {
            // RFC 6582 §3.2 step 2: the ACK does not cover more than recover, so these duplicates may
            // come from segments sent before the last loss was repaired. There is no fast retransmit,
            // and ssthresh stays.
            return Response.NONE;
        }
        recover = SequenceNumbers.add(sndMax, -1);
        // RFC 5681 §3.2 step 2, equation (4), without the data Limited Transmit sent.
        ssthresh = Math.max((flightSize - limitedTransmitBytes) / 2, 2 * smss);
        // RFC 5681 §3.2 step 3: inflate by the three segments the duplicate ACKs report as received.
        cwnd = ssthresh + DUPLICATE_ACK_THRESHOLD * smss;
        inRecovery = true;
        partialAckSeen = false;
        return Response.FAST_RETRANSMIT;
    }

    /**
     * Applies a retransmission timeout with {@code flightSize} bytes outstanding. {@code firstTimeout}
     * is true when the segment at SND.UNA was not yet resent by the timer.
     */
    void onRetransmissionTimeout(long flightSize, long sndMax, boolean firstTimeout) {
        if (firstTimeout) {
            // RFC 5681 §3.1, equation (4); a segment lost again keeps the ssthresh of its first timeout.
            ssthresh = Math.max(flightSize / 2, 2 * smss);
        }
        // RFC 5681 §3.1: cwnd becomes the loss window, one segment.
        cwnd = smss;
        // RFC 6582 §3.2 step 4: recover is the highest sequence number sent, and fast recovery ends.
        recover = SequenceNumbers.add(sndMax, -1);
        inRecovery = false;
        duplicateAcks = 0;
        bytesAckedInAvoidance = 0;
        limitedTransmitBytes = 0;
    }

    /** RFC 5681 §4.1: after an idle period longer than the RTO, cwnd restarts from min(IW, cwnd). */
    void restartAfterIdle() {
        cwnd = Math.min(cwnd, initialWindow);
    }
}
