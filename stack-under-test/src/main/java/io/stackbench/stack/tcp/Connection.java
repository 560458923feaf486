package io.stackbench.stack.tcp;

import io.stackbench.sim.engine.Timer;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.sim.spi.TcpConnection;
import io.stackbench.sim.spi.TcpHandler;
import io.stackbench.stack.wire.TcpFlags;
import io.stackbench.stack.wire.TcpOption;
import io.stackbench.stack.wire.TcpRepr;
import java.net.InetAddress;
import java.util.List;

/**
 * One connection: its transmission control block with the RFC 9293 §3.3.1 variables, the user
 * calls OPEN, SEND, CLOSE and ABORT (§3.10.1 to §3.10.5), the timeouts (§3.10.8) and the output
 * of segments. What a received segment does in each state is in {@link SegmentArrival}.
 */
final class Connection implements TcpConnection {

    /** Maximum segment lifetime. RFC 9293 §3.4.2 suggests 2 minutes; 30 s keeps TIME-WAIT at 60 s, as Linux has it. */
    static final long MSL = 30 * RetransmissionTimer.SECOND;

    /** Receive window offered. The handler takes data as it arrives, so the window never shrinks. */
    static final int RECEIVE_WINDOW = 65_535;

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

    TcpState state = TcpState.CLOSED;
    long iss;
    long irs;
    long sndUna;
    long sndNxt;
    long sndWnd;
    long sndWl1;
    long sndWl2;
    long rcvNxt;
    int rcvWnd = RECEIVE_WINDOW;
    /** SMSS: the largest data length we send, from the peer's MSS option and our own MTU. */
    int sendMss;

    final SendBuffer sendBuffer = new SendBuffer();
    final ReassemblyQueue reassembly = new ReassemblyQueue();
    final RetransmissionTimer rtt = new RetransmissionTimer();
    boolean closeRequested;
    boolean finSent;
    long bytesReceived;
    long retransmissions;
    private int timeoutsInARow;
    private Timer retransmissionTimer;
    private Timer timeWaitTimer;
    private boolean rttTiming;
    private long rttSequence;
    private long rttStart;
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
        this.sendMss = layer.localMss(id);
    }

    // ---- user calls ----

    /** OPEN, active (RFC 9293 §3.10.1): sends a SYN and enters SYN-SENT. */
    void open() {
        iss = layer.isn(id);
        sndUna = iss;
        sndNxt = SequenceNumbers.add(iss, 1);
        setState(TcpState.SYN_SENT);
        sendSyn(false);
    }

    /** Accepts a SYN at a listener (RFC 9293 §3.10.7.2): answers SYN-ACK and enters SYN-RECEIVED. */
    void acceptSyn(Segment syn) {
        irs = syn.seq();
        rcvNxt = SequenceNumbers.add(irs, 1);
        applyPeerMss(syn);
        iss = layer.isn(id);
        sndUna = iss;
        sndNxt = SequenceNumbers.add(iss, 1);
        setState(TcpState.SYN_RECEIVED);
        sendSyn(true);
    }

    /** SEND (RFC 9293 §3.10.2). */
    @Override
    public void write(byte[] data) {
        if (state == TcpState.CLOSED || closeRequested) {
            throw new IllegalStateException("cannot write to TCP connection " + id + " in state " + state
                    + (closeRequested ? " after close" : ""));
        }
        if (!sendBuffer.append(data.clone())) {
            throw new IllegalStateException("cannot write " + data.length + " bytes to TCP connection " + id + ": the send buffer of "
                    + SendBuffer.CAPACITY + " bytes is full");
        }
        output();
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
                send(TcpFlags.RST, sndNxt, new byte[0], false);
                becomeClosed("connection aborted");
            }
            case SYN_SENT, CLOSING, LAST_ACK, TIME_WAIT -> becomeClosed("connection aborted");
            case LISTEN, CLOSED -> {
            }
        }
    }

    // ---- timeouts (RFC 9293 §3.10.8) ----

    /** RETRANSMISSION TIMEOUT: sends the earliest unacknowledged segment again (RFC 6298 §5.4 to §5.6). */
    void onRetransmissionTimeout() {
        timeoutsInARow++;
        int limit = state == TcpState.SYN_RECEIVED ? MAX_SYN_ACK_RETRANSMISSIONS : MAX_RETRANSMISSIONS;
        if (timeoutsInARow > limit) {
            layer.counters().increment("tcp.timed-out");
            becomeClosed("timed out");
            return;
        }
        rtt.backOff();
        // Karn's algorithm (RFC 6298 §3): a retransmitted segment gives no RTT sample.
        rttTiming = false;
        retransmissions++;
        layer.counters().increment("tcp.retransmissions");

        switch (state) {
            case SYN_SENT -> sendSyn(false);
            case SYN_RECEIVED -> sendSyn(true);
            case ESTABLISHED, FIN_WAIT_1, CLOSE_WAIT, CLOSING, LAST_ACK -> resendEarliest();
            case LISTEN, FIN_WAIT_2, TIME_WAIT, CLOSED -> throw new IllegalStateException("retransmission timeout in " + state);
        }
        startRetransmissionTimer(true);
    }

    /** TIME-WAIT TIMEOUT: 2 MSL passed, so the connection is deleted. */
    void onTimeWaitTimeout() {
        if (state == TcpState.TIME_WAIT) {
            becomeClosed("closed");
        }
    }

    // ---- output ----

    /** Sends queued data as the send window allows, then a FIN once CLOSE was called and all data is out. */
    void output() {
        if (state != TcpState.ESTABLISHED && state != TcpState.CLOSE_WAIT) {
            return;
        }
        while (true) {
            long inFlight = SequenceNumbers.distance(sndNxt, sndUna);
            int unsent = sendBuffer.size() - (int) inFlight;
            long usableWindow = sndWnd - inFlight;
            if (unsent <= 0 || usableWindow <= 0) {
                break;
            }
            // TODO: RFC 5681 slow start and congestion avoidance limit this to cwnd, and RFC 9293 §3.8.6.2.2 Nagle applies.
            int length = (int) Math.min(Math.min(unsent, sendMss), usableWindow);
            boolean last = length == unsent;
            byte[] data = sendBuffer.copy((int) inFlight, length);
            startRttSample(SequenceNumbers.add(sndNxt, length));
            send(last ? TcpFlags.of(TcpFlags.ACK, TcpFlags.PSH) : TcpFlags.ACK, sndNxt, data, false);
            sndNxt = SequenceNumbers.add(sndNxt, length);
            startRetransmissionTimer(false);
        }
        // TODO: RFC 9293 §3.8.6.1 zero-window probing; with SND.WND 0 and nothing in flight the data waits for a window update.
        long inFlight = SequenceNumbers.distance(sndNxt, sndUna);
        if (closeRequested && !finSent && inFlight == sendBuffer.size()) {
            sendFin();
        }
    }

    private void sendFin() {
        finSent = true;
        send(TcpFlags.of(TcpFlags.FIN, TcpFlags.ACK), sndNxt, new byte[0], false);
        sndNxt = SequenceNumbers.add(sndNxt, 1);
        startRetransmissionTimer(false);
        setState(state == TcpState.CLOSE_WAIT ? TcpState.LAST_ACK : TcpState.FIN_WAIT_1);
    }

    private void sendSyn(boolean withAck) {
        startRttSample(SequenceNumbers.add(iss, 1));
        send(withAck ? TcpFlags.of(TcpFlags.SYN, TcpFlags.ACK) : TcpFlags.SYN, iss, new byte[0], true);
        startRetransmissionTimer(false);
    }

    /** Sends the segment at SND.UNA again: up to SMSS of data, with the FIN when it fits. */
    private void resendEarliest() {
        long outstanding = SequenceNumbers.distance(sndNxt, sndUna);
        int dataOutstanding = (int) Math.min(sendBuffer.size(), outstanding - (finSent ? 1 : 0));
        int length = Math.min(dataOutstanding, sendMss);
        boolean withFin = finSent && length == dataOutstanding;
        TcpFlags flags = TcpFlags.ACK;
        if (length > 0) {
            flags = flags.with(TcpFlags.PSH);
        }
        if (withFin) {
            flags = flags.with(TcpFlags.FIN);
        }
        send(flags, sndUna, sendBuffer.copy(0, length), false);
    }

    /** Sends an ACK for RCV.NXT, with SND.NXT as its sequence number. */
    void sendAck() {
        send(TcpFlags.ACK, sndNxt, new byte[0], false);
    }

    /** Sends an ACK unless a segment sent since RCV.NXT last moved already acknowledged it. */
    void sendAckIfNeeded() {
        if (lastAckSent != rcvNxt || !ackSent) {
            sendAck();
        }
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

    /** Sends a challenge ACK (RFC 5961 §3.2 and §4.2). */
    void sendChallengeAck() {
        layer.counters().increment("tcp.challenge-acks");
        sendAck();
    }

    private void send(TcpFlags flags, long sequence, byte[] data, boolean withMss) {
        long acknowledgment = flags.contains(TcpFlags.ACK) ? rcvNxt : 0;
        if (flags.contains(TcpFlags.ACK)) {
            ackSent = true;
            lastAckSent = rcvNxt;
        }
        List<TcpOption> options = withMss ? List.of(new TcpOption.MaximumSegmentSize(layer.localMss(id))) : List.of();
        layer.transmit(id, new TcpRepr(id.localPort(), id.remotePort(), sequence, acknowledgment, flags, rcvWnd, 0, options, data));
    }

    // ---- acknowledgment and timers ----

    /** Applies the peer's MSS option, or the family's default without one (RFC 9293 §3.7.1). */
    void applyPeerMss(Segment syn) {
        int peerMss = syn.mssOption();
        if (peerMss < 0) {
            peerMss = id.isIpv6() ? DEFAULT_MSS_IPV6 : DEFAULT_MSS_IPV4;
        }
        sendMss = Math.max(1, Math.min(peerMss, layer.localMss(id)));
    }

    /** Takes SND.UNA forward to {@code ack}, which lies in (SND.UNA, SND.NXT], and runs RFC 6298 §5.2 and §5.3. */
    void acknowledge(long ack) {
        long acked = SequenceNumbers.distance(ack, sndUna);
        if (sndUna == iss) {
            // The SYN takes one sequence number but no byte of the send buffer, which may already hold data written before ESTABLISHED.
            acked--;
        }
        sendBuffer.discard((int) Math.min(acked, sendBuffer.size()));
        sndUna = ack;
        if (rttTiming && SequenceNumbers.lessOrEqual(rttSequence, ack)) {
            rtt.sample(layer.now() - rttStart);
            rttTiming = false;
        }
        timeoutsInARow = 0;
        if (sndUna == sndNxt) {
            stopRetransmissionTimer();
        } else {
            startRetransmissionTimer(true);
        }
    }

    /** True when our FIN was sent and acknowledged: nothing is left in flight after it. */
    boolean finAcknowledged() {
        return finSent && sndUna == sndNxt;
    }

    private void startRttSample(long endSequence) {
        if (!rttTiming) {
            rttTiming = true;
            rttSequence = endSequence;
            rttStart = layer.now();
        }
    }

    /** Starts the retransmission timer unless it runs (RFC 6298 §5.1), or restarts it when {@code restart}. */
    private void startRetransmissionTimer(boolean restart) {
        if (retransmissionTimer != null && retransmissionTimer.isPending()) {
            if (!restart) {
                return;
            }
            retransmissionTimer.cancel();
        }
        retransmissionTimer = layer.schedule(rtt.rto(), this::onRetransmissionTimeout);
    }

    void stopRetransmissionTimer() {
        if (retransmissionTimer != null) {
            retransmissionTimer.cancel();
            retransmissionTimer = null;
        }
    }

    /** Enters TIME-WAIT, or restarts its 2 MSL timer when already there (RFC 9293 §3.10.7.4, eighth step). */
    void enterTimeWait() {
        stopRetransmissionTimer();
        if (timeWaitTimer != null) {
            timeWaitTimer.cancel();
        }
        if (state != TcpState.TIME_WAIT) {
            setState(TcpState.TIME_WAIT);
        }
        timeWaitTimer = layer.schedule(2 * MSL, this::onTimeWaitTimeout);
    }

    // ---- state ----

    void setState(TcpState next) {
        layer.event("tcp.state", id + " " + state + " -> " + next);
        state = next;
    }

    /** Enters ESTABLISHED, tells the handler and sends what was written during the handshake. */
    void becomeEstablished() {
        setState(TcpState.ESTABLISHED);
        handler.onEstablished(this);
        output();
    }

    /** Deletes the TCB: timers stop, the layer forgets the connection, the handler hears {@code reason} once. */
    void becomeClosed(String reason) {
        stopRetransmissionTimer();
        if (timeWaitTimer != null) {
            timeWaitTimer.cancel();
        }
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
                sndNxt, sndWnd, rcvNxt, rcvWnd, rtt.rto(), retransmissions, bytesReceived);
    }

    @Override
    public String toString() {
        return id + " " + state;
    }
}
