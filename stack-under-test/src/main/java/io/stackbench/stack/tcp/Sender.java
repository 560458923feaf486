package io.stackbench.stack.tcp;

import io.stackbench.stack.wire.TcpFlags;
import io.stackbench.stack.wire.TcpOption;
import io.stackbench.stack.wire.TcpPacket;
import java.util.List;

/**
 * The sending side of a connection. It decides which data goes out when, by the congestion and
 * send windows, Nagle's algorithm and sender-side silly window avoidance. It also sends the FIN,
 * retransmits the first unacknowledged segment, runs the persist timer with its zero-window probes,
 * and writes the bytes of every segment the connection sends.
 *
 * <p>Segments are written straight into their own array with the {@link TcpPacket} view, data
 * copied once from the send buffer, so the per-segment path allocates that array and little else.
 */
final class Sender {

    private static final TcpFlags[] FLAGS = new TcpFlags[256];

    static {
        for (int bits = 0; bits < FLAGS.length; bits++) {
            FLAGS[bits] = new TcpFlags(bits);
        }
    }

    private static final int FIN = TcpFlags.FIN.bits();
    private static final int SYN = TcpFlags.SYN.bits();
    private static final int RST = TcpFlags.RST.bits();
    private static final int PSH = TcpFlags.PSH.bits();
    private static final int ACK = TcpFlags.ACK.bits();
    private static final TcpOption NOP = new TcpOption.NoOperation();
    private static final long NEVER = Long.MIN_VALUE;

    private final Connection c;
    private final DeadlineTimer persistTimer;
    private long persistInterval;
    private int probesUnanswered;
    private boolean noDelay;
    private long lastDataSentAt = NEVER;
    /** True while a segment shorter than the effective MSS is unacknowledged, which Nagle's algorithm waits for. */
    private boolean shortSegmentOutstanding;
    /** The sequence number after that short segment (Linux's snd_sml). */
    private long shortSegmentEnd;
    long zeroWindowProbes;

    Sender(Connection c) {
        this.c = c;
        this.persistTimer = new DeadlineTimer(c.layer, this::onPersistTimeout);
    }

    /** Turns Nagle's algorithm off ({@code true}) or on; it is on by default (RFC 9293 §3.7.4). */
    void setNoDelay(boolean noDelay) {
        this.noDelay = noDelay;
    }

    boolean noDelay() {
        return noDelay;
    }

    // ---- output ----

    /**
     * Sends what the windows allow: queued data from SND.NXT, up to min(cwnd, SND.WND) in flight
     * (RFC 5681 §3.1), then the FIN once CLOSE was called and all data is out. Starts or stops the
     * persist timer when data waits with nothing in flight.
     */
    void output() {
        if (!sendsData(c.state)) {
            return;
        }
        int mss = c.effectiveMss();
        boolean idleChecked = false;
        while (true) {
            int offset = (int) SequenceNumbers.distance(c.sndNxt, c.bufferSeq);
            int unsent = c.sendBuffer.size() - offset;
            boolean finNext = unsent == 0 && c.closeRequested;
            if (unsent <= 0 && !finNext) {
                break;
            }
            if (!idleChecked) {
                restartIfIdle();
                idleChecked = true;
            }
            long inFlight = SequenceNumbers.distance(c.sndNxt, c.sndUna);
            long usable = Math.min(c.cc.sendWindow(), c.sndWnd) - inFlight;
            if (usable <= 0) {
                break;
            }
            if (finNext) {
                sendSegment(offset, 0, true);
                break;
            }
            int length = (int) Math.min(Math.min(unsent, mss), usable);
            boolean resend = SequenceNumbers.lessThan(c.sndNxt, c.sndMax);
            if (length < mss && !resend && !mayOmitFullSize(length, unsent)) {
                break;
            }
            boolean fin = c.closeRequested && length == unsent && usable > length;
            sendSegment(offset, length, fin);
        }
        updatePersistTimer();
    }

    /**
     * Decides whether a segment shorter than the effective MSS may go now, by the sender's silly
     * window avoidance of RFC 9293 §3.8.6.2.1 and Nagle's algorithm of RFC 9293 §3.7.4.
     *
     * <p>Nagle's algorithm here is Minshall's variant, as Linux has it (tcp_minshall_check): a
     * short segment waits while an earlier short segment is unacknowledged, where RFC 9293 has it
     * wait while any data is. At most one short segment per round trip is in flight either way.
     * With the variant, the short tail of a bulk write does not wait for the delayed ACK of the odd
     * full-sized segment before it, which would stall the transfer 40 ms at every write boundary.
     */
    private boolean mayOmitFullSize(int length, int unsent) {
        boolean nagleAllows = noDelay || !shortSegmentOutstanding;
        if (length == unsent) {
            // Rule (2): all queued data fits now, and every write is pushed. A segment that the FIN
            // follows passes Nagle, as Linux's tcp_nagle_test lets it: the FIN goes out anyway.
            return nagleAllows || c.closeRequested;
        }
        // Rule (3): the segment fills at least half of the largest window the peer offered.
        return nagleAllows && length >= c.maxSndWnd / 2;
    }

    /** RFC 5681 §4.1: a sender that sent no data for longer than the RTO restarts from the initial window. */
    private void restartIfIdle() {
        if (c.sndMax == c.sndUna && lastDataSentAt != NEVER && c.layer.now() - lastDataSentAt > c.rtt.rto()) {
            c.cc.restartAfterIdle();
        }
    }

    /** Sends {@code length} bytes from {@code offset} of the send buffer at SND.NXT, with the FIN after them when {@code fin}. */
    private void sendSegment(int offset, int length, boolean fin) {
        long seq = c.sndNxt;
        boolean resend = SequenceNumbers.lessThan(seq, c.sndMax);
        boolean firstFin = fin && !c.finSent();
        int flags = ACK;
        if (length > 0 && offset + length == c.sendBuffer.size()) {
            flags |= PSH;
        }
        if (fin) {
            flags |= FIN;
        }
        emit(seq, flags, offset, length);

        long end = SequenceNumbers.add(seq, length + (fin ? 1 : 0));
        c.sndNxt = end;
        if (SequenceNumbers.lessThan(c.sndMax, end)) {
            c.cc.onNewDataSent(SequenceNumbers.distance(end, resend ? c.sndMax : seq));
            c.sndMax = end;
            if (!resend) {
                c.retransmission.startRttSample(end);
            }
        }
        if (resend) {
            c.countRetransmission();
        }
        if (length > 0) {
            lastDataSentAt = c.layer.now();
            if (length < c.effectiveMss()) {
                shortSegmentOutstanding = true;
                shortSegmentEnd = end;
            }
        }
        if (firstFin) {
            c.onFinSent();
        }
        c.retransmission.startTimer(false);
    }

    /**
     * Sends the segment at SND.UNA again: up to one effective MSS of data, with the FIN when it
     * fits. Fast retransmit, partial ACKs and the retransmission timeout use it; SND.NXT moves only
     * when it was behind the segment's end.
     */
    void retransmitFirst() {
        long outstanding = SequenceNumbers.distance(c.sndMax, c.sndUna);
        if (outstanding <= 0) {
            return;
        }
        boolean finOutstanding = c.finSent();
        int offset = (int) SequenceNumbers.distance(c.sndUna, c.bufferSeq);
        int dataOutstanding = (int) Math.min(c.sendBuffer.size() - offset, outstanding - (finOutstanding ? 1 : 0));
        int length = Math.min(dataOutstanding, c.effectiveMss());
        boolean fin = finOutstanding && length == dataOutstanding;
        int flags = ACK;
        if (length > 0 && length == dataOutstanding) {
            flags |= PSH;
        }
        if (fin) {
            flags |= FIN;
        }
        emit(c.sndUna, flags, offset, length);

        long end = SequenceNumbers.add(c.sndUna, length + (fin ? 1 : 0));
        if (SequenceNumbers.lessThan(c.sndNxt, end)) {
            c.sndNxt = end;
        }
        c.countRetransmission();
        if (length > 0) {
            lastDataSentAt = c.layer.now();
        }
    }

    // ---- persist timer (RFC 9293 §3.8.6.1, RFC 1122 §4.2.2.17) ----

    /**
     * Runs the persist timer while data or the FIN waits and nothing is in flight, because the send
     * window is zero or too small to send by the silly window rules. No ACK can then arrive to
     * move things on, so the timer probes. Its first interval is the current RTO.
     */
    private void updatePersistTimer() {
        if (somethingWaits() && c.sndNxt == c.sndUna) {
            if (!persistTimer.isRunning()) {
                persistInterval = c.rtt.rto();
                persistTimer.start(persistInterval);
            }
        } else if (persistTimer.isRunning()) {
            persistTimer.cancel();
        }
    }

    private boolean somethingWaits() {
        int unsent = c.sendBuffer.size() - (int) SequenceNumbers.distance(c.sndNxt, c.bufferSeq);
        return unsent > 0 || (c.closeRequested && !c.finSent());
    }

    /** Resets the count of unanswered probes on any acceptable ACK, which shows the peer is alive. */
    void onAckReceived() {
        probesUnanswered = 0;
    }

    /**
     * Notes that SND.UNA moved: the short segment Nagle waits for may be acknowledged, and the
     * persist interval starts again from the RTO, as Linux resets its backoff when the peer took a
     * probe's byte.
     */
    void onSndUnaAdvanced() {
        if (shortSegmentOutstanding && !SequenceNumbers.lessThan(c.sndUna, shortSegmentEnd)) {
            shortSegmentOutstanding = false;
        }
        if (persistTimer.isRunning()) {
            persistInterval = c.rtt.rto();
            persistTimer.start(persistInterval);
        }
    }

    /**
     * PERSIST TIMEOUT. With a send window above zero this is the override timeout of RFC 9293
     * §3.8.6.2.1, and what fits goes out. With a zero window a probe goes out, and the interval
     * doubles up to 60 s. The connection ends only when {@link Connection#MAX_RETRANSMISSIONS}
     * probes in a row got no ACK at all, because RFC 1122 §4.2.2.17 forbids closing while the
     * peer acknowledges the probes.
     */
    private void onPersistTimeout() {
        if (!sendsData(c.state) || !somethingWaits() || c.sndNxt != c.sndUna) {
            return;
        }
        int offset = (int) SequenceNumbers.distance(c.sndNxt, c.bufferSeq);
        int unsent = c.sendBuffer.size() - offset;
        if (c.sndWnd > 0) {
            long usable = Math.min(c.cc.sendWindow(), c.sndWnd);
            int length = (int) Math.min(Math.min(unsent, c.effectiveMss()), usable);
            sendSegment(offset, length, c.closeRequested && length == unsent && usable > length);
            output();
            return;
        }

        probesUnanswered++;
        if (probesUnanswered > Connection.MAX_RETRANSMISSIONS) {
            c.layer.counters().increment("tcp.timed-out");
            c.becomeClosed("timed out");
            return;
        }
        sendZeroWindowProbe(offset, unsent);
        persistInterval = Math.min(2 * persistInterval, RetransmissionTimer.MAX_RTO);
        persistTimer.start(persistInterval);
    }

    /**
     * Sends one byte of new data, or the FIN when no data waits, beyond the zero window (RFC 9293
     * §3.8.6.1). SND.NXT stays, so the probe is not in flight for the retransmission timer; SND.MAX
     * covers it, so an ACK of the byte is accepted.
     */
    private void sendZeroWindowProbe(int offset, int unsent) {
        zeroWindowProbes++;
        c.layer.counters().increment("tcp.zero-window-probes");
        boolean fin = unsent <= 0;
        boolean firstFin = fin && !c.finSent();
        emit(c.sndNxt, fin ? ACK | FIN : (unsent == 1 ? ACK | PSH : ACK), offset, fin ? 0 : 1);
        long end = SequenceNumbers.add(c.sndNxt, 1);
        if (SequenceNumbers.lessThan(c.sndMax, end)) {
            c.sndMax = end;
        }
        if (firstFin) {
            c.onFinSent();
        }
    }

    /** Returns the persist timer's deadline, or -1 when it does not run. */
    long persistDeadline() {
        return persistTimer.isRunning() ? persistTimer.deadline() : -1;
    }

    void stop() {
        persistTimer.stop();
    }

    private static boolean sendsData(TcpState state) {
        return switch (state) {
            case ESTABLISHED, CLOSE_WAIT, FIN_WAIT_1, CLOSING, LAST_ACK -> true;
            case LISTEN, SYN_SENT, SYN_RECEIVED, FIN_WAIT_2, TIME_WAIT, CLOSED -> false;
        };
    }

    // ---- segments ----

    /**
     * Sends an ACK for RCV.NXT with SND.MAX as its sequence number, as BSD does. After a
     * retransmission timeout SND.NXT can be behind SND.MAX, and an ACK numbered from there would be
     * older than the peer's RCV.NXT. The peer would drop it unread, so two sides that both
     * retransmit would never learn what the other received.
     */
    void sendAck() {
        emit(c.sndMax, ACK, 0, 0);
    }

    /** Sends {@code <SEQ=SND.NXT><CTL=RST>}, for ABORT (RFC 9293 §3.10.5). */
    void sendReset() {
        emit(c.sndNxt, RST, 0, 0);
    }

    /** Sends our SYN, or SYN-ACK when {@code withAck}, with the options of {@link SynOptions#forSyn}. */
    void sendSyn(boolean withAck) {
        List<TcpOption> options = SynOptions.forSyn(c, withAck);
        int optionsLength = (TcpOption.bufferLength(options) + 3) & ~3;
        int headerLength = TcpPacket.MIN_HEADER_LENGTH + optionsLength;
        byte[] bytes = new byte[headerLength];
        TcpPacket packet = new TcpPacket(bytes);
        writeHeader(packet, c.iss, withAck ? SYN | ACK : SYN, headerLength);
        // The bytes after the options stay zero, which reads as End of Option List (RFC 9293 §3.1).
        TcpOption.emitAll(options, bytes, packet.optionsOffset());
        c.layer.transmit(c, bytes);
    }

    /**
     * Writes and sends one segment: the header, the Timestamps option when timestamps are in use
     * (RFC 7323 §3.2: on every segment), and {@code length} bytes from {@code offset} of the send
     * buffer.
     */
    private void emit(long seq, int flags, int offset, int length) {
        boolean timestamps = c.ts.enabled();
        int headerLength = TcpPacket.MIN_HEADER_LENGTH + (timestamps ? Timestamps.OPTIONS_LENGTH : 0);
        // Over IPv6 the segment is written straight into its frame, after room for the lower headers.
        int start = c.layer.segmentOffset(c);
        byte[] bytes = new byte[start + headerLength + length];
        TcpPacket packet = new TcpPacket(bytes, start, headerLength + length);
        writeHeader(packet, seq, flags, headerLength);
        if (timestamps) {
            int at = packet.optionsOffset();
            NOP.emit(bytes, at);
            NOP.emit(bytes, at + 1);
            new TcpOption.Timestamps(c.ts.clock(c.layer.now()), c.ts.recent()).emit(bytes, at + 2);
        }
        if (length > 0) {
            c.sendBuffer.copyTo(offset, bytes, start + headerLength, length);
        }
        c.layer.transmitInFrame(c, bytes);
    }

    private void writeHeader(TcpPacket packet, long seq, int flags, int headerLength) {
        boolean ack = (flags & ACK) != 0;
        packet.setSourcePort(c.id.localPort());
        packet.setDestinationPort(c.id.remotePort());
        packet.setSequenceNumber(seq);
        packet.setAcknowledgmentNumber(ack ? c.rcvNxt : 0);
        packet.setDataOffset(headerLength / 4);
        packet.setFlags(FLAGS[flags]);
        packet.setWindow(c.windowToAdvertise((flags & SYN) != 0));
        if (ack) {
            c.onAckSent();
        }
    }
}
