package io.stackbench.stack.tcp;

import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.sim.spi.TcpConnection;
import io.stackbench.sim.spi.TcpHandler;
import io.stackbench.stack.wire.TcpFlags;
import java.net.InetAddress;

/**
 * One connection: its transmission control block with the RFC 9293 §3.3.1 variables, the user
 * calls OPEN, SEND, CLOSE and ABORT (§3.10.1 to §3.10.5), and its state. What a received segment
 * does in each state is in {@link SegmentArrival}, which segments go out and when is in
 * {@link Sender}, and what ACKs and the retransmission timer do to the sender is in
 * {@link Retransmission}.
 */
final class Connection implements TcpConnection {

    /** Maximum segment lifetime. RFC 9293 §3.4.2 suggests 2 minutes; 30 s keeps TIME-WAIT at 60 s, as Linux has it. */
    static final long MSL = 30 * RetransmissionTimer.SECOND;

    /** Timeouts in a row after which a connection gives up: 1 + 2 + ... + 60 s covers more than RFC 9293's 100 s R2. */
    static final int MAX_RETRANSMISSIONS = 8;

    /**
     * Minimum time between two ACKs sent in reply to unacceptable segments or to ACKs of unsent data.
     * Two ends that disagree about the sequence space, after a spoofed segment was accepted, find each
     * other's ACKs unacceptable, and without a limit they would exchange ACKs forever.
     */
    static final long INVALID_SEGMENT_ACK_INTERVAL = RetransmissionTimer.SECOND / 2;

    /** SYN-ACK timeouts after which a half-open passive connection is dropped, freeing its backlog slot. */
    static final int MAX_SYN_ACK_RETRANSMISSIONS = 5;

    /** Send MSS without an MSS option (RFC 9293 §3.7.1 for IPv4, RFC 8200 §8.3 for IPv6's 1280-byte minimum MTU). */
    static final int DEFAULT_MSS_IPV4 = 536;
    static final int DEFAULT_MSS_IPV6 = 1220;

    final TcpLayer layer;
    final ConnectionId id;
    final TcpHandler handler;
    /** The listener that accepted this connection, or null after an active open. */
    final TcpLayer.Listener listener;
    /** The wire addresses and failure handler of this connection's segments, resolved once. */
    final TcpLayer.Path path;

    TcpState state = TcpState.CLOSED;
    long iss;
    long irs;
    long sndUna;
    long sndNxt;
    /**
     * One past the highest sequence number sent. SND.NXT goes back to SND.UNA after a
     * retransmission timeout, as in BSD, while this stays, so ACKs up to it remain acceptable.
     */
    long sndMax;
    long sndWnd;
    long sndWl1;
    long sndWl2;
    /** MAX.SND.WND of RFC 5961 §5.2: the largest window the peer offered. */
    long maxSndWnd;
    /** The window of the last acceptable ACK, for the duplicate ACK test of RFC 5681 §2. */
    long lastAckWindow;
    long rcvNxt;
    int rcvWnd = SynOptions.MAX_UNSCALED_WINDOW;
    /** SMSS before options: the largest data length the peer's MSS and our MTU allow (RFC 9293 §3.7.1). */
    int sendMss;

    boolean offerWindowScale;
    boolean offerTimestamps;
    /** Window scaling in use: both SYNs carried Window Scale (RFC 7323 §2.2). */
    boolean windowScaling;
    /** Snd.Wind.Shift: received windows are shifted left by this (RFC 7323 §2.3). */
    int sndWndShift;
    /** Rcv.Wind.Shift: windows we send are shifted right by this. */
    int rcvWndShift;
    final Timestamps ts;

    final SendBuffer sendBuffer = new SendBuffer();
    /** The sequence number of the send buffer's first byte: ISS + 1 until data is acknowledged. */
    long bufferSeq;
    final ReassemblyQueue reassembly = new ReassemblyQueue();
    final RetransmissionTimer rtt = new RetransmissionTimer();
    final CongestionControl cc = new CongestionControl();
    final Sender sender;
    final DelayedAck delayedAck;
    final ChallengeAckLimiter challengeAcks = new ChallengeAckLimiter();
    final Retransmission retransmission;
    boolean closeRequested;
    /** True once the SYN or SYN-ACK was sent again, which cuts the initial window to one segment (RFC 5681 §3.1). */
    boolean synRetransmitted;
    long bytesReceived;
    long retransmissions;
    long fastRetransmits;
    private final DeadlineTimer timeWaitTimer;
    private boolean closedReported;
    private boolean ackSent;
    private long lastAckSent;
    private boolean invalidSegmentAckSent;
    private long lastInvalidSegmentAckTime;

    Connection(TcpLayer layer, ConnectionId id, TcpHandler handler, TcpLayer.Listener listener) {
        this.layer = layer;
        this.id = id;
        this.handler = handler;
        this.listener = listener;
        this.path = layer.path(id);
        int localMss = layer.localMss(id);
        this.sendMss = localMss;
        this.ts = new Timestamps(layer.timestampOffset(id));
        this.sender = new Sender(this);
        this.delayedAck = new DelayedAck(this, localMss);
        this.retransmission = new Retransmission(this);
        this.timeWaitTimer = new DeadlineTimer(layer, this::onTimeWaitTimeout);
    }

    // ---- user calls ----

    /** OPEN, active (RFC 9293 §3.10.1): sends a SYN and enters SYN-SENT. */
    void open() {
        initializeSendSequence();
        SynOptions.offerActive(this);
        setState(TcpState.SYN_SENT);
        sendSyn(false);
    }

    /**
     * Accepts a SYN at a listener (RFC 9293 §3.10.7.2): sends a SYN-ACK and enters SYN-RECEIVED.
     * Data and a FIN on the SYN wait in the reassembly queue until the connection is ESTABLISHED.
     */
    void acceptSyn(Segment syn) {
        irs = syn.seq();
        rcvNxt = SequenceNumbers.add(irs, 1);
        SynOptions.answerSyn(this, syn);
        queueSynText(syn);
        initializeSendSequence();
        setState(TcpState.SYN_RECEIVED);
        sendSyn(true);
    }

    private void initializeSendSequence() {
        iss = layer.isn(id);
        sndUna = iss;
        sndNxt = SequenceNumbers.add(iss, 1);
        sndMax = sndNxt;
        bufferSeq = sndNxt;
    }

    /**
     * Holds the text and FIN of a SYN for processing once the connection is ESTABLISHED (RFC 9293
     * §3.10.7.2 and §3.10.7.3); RCV.NXT stays just after the SYN until then. Text beyond the
     * receive window is cut off, and with it the FIN.
     */
    void queueSynText(Segment syn) {
        int length = Math.min(syn.dataLength(), rcvWnd);
        boolean fin = syn.has(TcpFlags.FIN) && length == syn.dataLength();
        if (length > 0 || fin) {
            reassembly.add(rcvNxt, syn.copyData(0, length), fin);
        }
    }

    /** SEND (RFC 9293 §3.10.2). */
    @Override
    public void write(byte[] data) {
        if (state == TcpState.CLOSED || closeRequested) {
            throw new IllegalStateException("cannot write to TCP connection " + id + " in state " + state
                    + (closeRequested ? " after close" : ""));
        }
        if (!sendBuffer.append(data)) {
            throw new IllegalStateException("cannot write " + data.length + " bytes to TCP connection " + id + ": the send buffer of "
                    + SendBuffer.CAPACITY + " bytes is full");
        }
        output();
    }

    @Override
    public int writableBytes() {
        return state == TcpState.CLOSED || closeRequested ? 0 : SendBuffer.CAPACITY - sendBuffer.size();
    }

    /** CLOSE (RFC 9293 §3.10.4). */
    @Override
    public void close() {
        switch (state) {
            case LISTEN, CLOSED, FIN_WAIT_1, FIN_WAIT_2, CLOSING, LAST_ACK, TIME_WAIT -> {
                // Already closed or closing: RFC 9293 reports "connection closing", and a second close changes nothing.
            }
            case SYN_SENT -> becomeClosed("closed");
            case SYN_RECEIVED, ESTABLISHED, CLOSE_WAIT -> {
                closeRequested = true;
                output();
            }
        }
    }

    /** ABORT (RFC 9293 §3.10.5). */
    @Override
    public void abort() {
        switch (state) {
            case SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT -> {
                sender.sendReset();
                becomeClosed("connection aborted");
            }
            case SYN_SENT, CLOSING, LAST_ACK, TIME_WAIT -> becomeClosed("connection aborted");
            case LISTEN, CLOSED -> {
            }
        }
    }

    /** Turns Nagle's algorithm (RFC 9293 §3.7.4) off with {@code true}, as TCP_NODELAY does; it is on by default. */
    @Override
    public void setNoDelay(boolean noDelay) {
        sender.setNoDelay(noDelay);
        if (noDelay) {
            output();
        }
    }

    // ---- timeouts (RFC 9293 §3.10.8) ----

    /** TIME-WAIT TIMEOUT: 2 MSL passed, so the connection is deleted. */
    void onTimeWaitTimeout() {
        if (state == TcpState.TIME_WAIT) {
            becomeClosed("closed");
        }
    }

    // ---- output ----

    void output() {
        sender.output();
    }

    /** Sends our SYN, or SYN-ACK when {@code withAck}, timed for an RTT sample and covered by the retransmission timer. */
    void sendSyn(boolean withAck) {
        retransmission.startRttSample(SequenceNumbers.add(iss, 1));
        sender.sendSyn(withAck);
        retransmission.startTimer(false);
    }

    /** Sends an ACK in reply to an invalid segment, unless one went out less than {@link #INVALID_SEGMENT_ACK_INTERVAL} ago. */
    void sendAckForInvalidSegment() {
        long now = layer.now();
        if (invalidSegmentAckSent && now - lastInvalidSegmentAckTime < INVALID_SEGMENT_ACK_INTERVAL) {
            layer.counters().increment("tcp.invalid-segment-acks-suppressed");
            return;
        }
        invalidSegmentAckSent = true;
        lastInvalidSegmentAckTime = now;
        sendAck();
    }

    void sendSynAck() {
        sendSyn(true);
    }

    /** Sends an ACK for RCV.NXT, with SND.NXT as its sequence number. */
    void sendAck() {
        sender.sendAck();
    }

    /** Sends an ACK unless a segment sent since RCV.NXT last moved already acknowledged it. */
    void sendAckIfNeeded() {
        if (!ackIsCurrent()) {
            sendAck();
        }
    }

    /** True when the last segment we sent acknowledged the current RCV.NXT. */
    boolean ackIsCurrent() {
        return ackSent && lastAckSent == rcvNxt;
    }

    /** Last.ACK.sent of RFC 7323 §4.3: the acknowledgment number of the last segment we sent. */
    long lastAckSent() {
        return ackSent ? lastAckSent : rcvNxt;
    }

    void onAckSent() {
        ackSent = true;
        lastAckSent = rcvNxt;
        delayedAck.onAckSent();
    }

    /** Sends a challenge ACK (RFC 5961 §3.2, §4.2 and §5.2) unless the §7 throttle has none left this second. */
    void sendChallengeAck() {
        if (!challengeAcks.tryAcquire(layer.now())) {
            layer.counters().increment("tcp.challenge-acks-throttled");
            return;
        }
        layer.counters().increment("tcp.challenge-acks");
        sendAck();
    }

    /** Returns the window field to send: never scaled on a SYN (RFC 7323 §2.2), else RCV.WND shifted by Rcv.Wind.Shift. */
    int windowToAdvertise(boolean syn) {
        if (syn) {
            return Math.min(rcvWnd, SynOptions.MAX_UNSCALED_WINDOW);
        }
        return Math.min(rcvWnd >> rcvWndShift, SynOptions.MAX_UNSCALED_WINDOW);
    }

    /** Returns SEG.WND in bytes: shifted by Snd.Wind.Shift except on a SYN (RFC 7323 §2.3). */
    long peerWindow(Segment seg) {
        return seg.has(TcpFlags.SYN) ? seg.wnd() : (long) seg.wnd() << sndWndShift;
    }

    /** Eff.snd.MSS of RFC 9293 §3.7.1: SMSS less the options every segment carries, which is the SMSS of RFC 5681. */
    int effectiveMss() {
        return Math.max(1, sendMss - (ts.enabled() ? Timestamps.OPTIONS_LENGTH : 0));
    }

    void countRetransmission() {
        retransmissions++;
        layer.counters().increment("tcp.retransmissions");
    }

    /** True once our FIN was sent, whether or not it was acknowledged. */
    boolean finSent() {
        return closeRequested && SequenceNumbers.lessThan(finSequence(), sndMax);
    }

    /** Returns the sequence number of our FIN: right after the last byte written, once CLOSE froze the send buffer. */
    long finSequence() {
        return SequenceNumbers.add(bufferSeq, sendBuffer.size());
    }

    /** Enters FIN-WAIT-1, or LAST-ACK from CLOSE-WAIT, when our FIN goes out for the first time. */
    void onFinSent() {
        setState(state == TcpState.CLOSE_WAIT ? TcpState.LAST_ACK : TcpState.FIN_WAIT_1);
    }

    // ---- acknowledgment ----

    /** Applies the peer's MSS option, or the family's default without one (RFC 9293 §3.7.1). */
    void applyPeerMss(Segment syn) {
        int peerMss = syn.mssOption();
        if (peerMss < 0) {
            peerMss = id.isIpv6() ? DEFAULT_MSS_IPV6 : DEFAULT_MSS_IPV4;
        }
        sendMss = Math.max(1, Math.min(peerMss, layer.localMss(id)));
    }

    /** True when our FIN was sent and acknowledged: nothing is left in flight after it. */
    boolean finAcknowledged() {
        return finSent() && sndUna == sndMax;
    }

    /** Enters TIME-WAIT, or restarts its 2 MSL timer when already there (RFC 9293 §3.10.7.4, eighth step). */
    void enterTimeWait() {
        retransmission.stopTimer();
        sender.stop();
        if (state != TcpState.TIME_WAIT) {
            setState(TcpState.TIME_WAIT);
        }
        timeWaitTimer.start(2 * MSL);
    }

    // ---- state ----

    void setState(TcpState next) {
        layer.event("tcp.state", id + " " + state + " -> " + next);
        state = next;
    }

    /** Enters ESTABLISHED with the initial congestion window, calls the handler's onEstablished and sends what was written during the handshake. */
    void becomeEstablished() {
        setState(TcpState.ESTABLISHED);
        cc.initialize(effectiveMss(), synRetransmitted, iss);
        handler.onEstablished(this);
        output();
    }

    /** Deletes the TCB: timers stop, the layer forgets the connection, the handler hears {@code reason} once. */
    void becomeClosed(String reason) {
        retransmission.stop();
        timeWaitTimer.stop();
        sender.stop();
        delayedAck.stop();
        sendBuffer.clear();
        reassembly.clear();
        if (state != TcpState.CLOSED) {
            setState(TcpState.CLOSED);
        }
        layer.remove(this);
        if (!closedReported) {
            closedReported = true;
            handler.onClosed(this, reason);
        }
    }

    // ---- handle ----

    @Override
    public InetAddress localAddress() {
        return id.localAddress();
    }

    @Override
    public int localPort() {
        return id.localPort();
    }

    @Override
    public InetAddress remoteAddress() {
        return id.remoteAddress();
    }

    @Override
    public int remotePort() {
        return id.remotePort();
    }

    @Override
    public String state() {
        return state.toString();
    }

    StackSnapshot.TcpSocket snapshot() {
        return new StackSnapshot.TcpSocket(id.localAddress(), id.localPort(), id.remoteAddress(), id.remotePort(), state.toString(), sndUna,
                sndNxt, sndWnd, rcvNxt, rcvWnd, rtt.rto(), retransmissions, bytesReceived, cc.cwnd(), cc.ssthresh(), rtt.srtt(),
                windowScaling ? sndWndShift : -1, windowScaling ? rcvWndShift : -1, ts.enabled(), fastRetransmits, sender.zeroWindowProbes);
    }

    @Override
    public String toString() {
        return id + " " + state;
    }
}
