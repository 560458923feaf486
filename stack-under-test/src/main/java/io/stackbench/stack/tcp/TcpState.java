package io.stackbench.stack.tcp;

/** The connection states of RFC 9293 §3.3.2, printed in the RFC's spelling. */
public enum TcpState {
    LISTEN,
    SYN_SENT,
    SYN_RECEIVED,
    ESTABLISHED,
    FIN_WAIT_1,
    FIN_WAIT_2,
    CLOSE_WAIT,
    CLOSING,
    LAST_ACK,
    TIME_WAIT,
    CLOSED;

    /** Returns true in the states after the handshake where sequence numbers are synchronized (RFC 9293 §3.5.2). */
    public boolean isSynchronized() {
        return switch (this) {
            case LISTEN, SYN_SENT, SYN_RECEIVED, CLOSED -> false;
            case ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT -> true;
        };
    }

    /** Returns the RFC 9293 name, such as {@code SYN-SENT}. */
    @Override
    public String toString() {
        return name().replace('_', '-');
    }
}
