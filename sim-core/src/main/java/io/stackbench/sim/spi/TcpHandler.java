package io.stackbench.sim.spi;

/**
 * Receives the events of TCP connections: of every connection a listener accepts, or of the one
 * connection that a connect opened. The stack calls it from the simulation's single thread.
 */
public interface TcpHandler {

    /** Called once when the connection reaches ESTABLISHED. */
    void onEstablished(TcpConnection connection);

    /** Called with each run of bytes delivered in order; {@code data} is owned by the handler. */
    void onData(TcpConnection connection, byte[] data);

    /**
     * Called in ESTABLISHED and CLOSE-WAIT when the peer acknowledged data and so freed space in the
     * send buffer; {@link TcpConnection#writableBytes()} returns how much. The handler may write and
     * close from this call, but not abort, because the stack is still processing the segment.
     */
    default void onWritable(TcpConnection connection) {
    }

    /** Called once when the remote side closes its direction (a FIN arrived in order). */
    default void onRemoteClose(TcpConnection connection) {
    }

    /**
     * Called once when the connection ends: closed in order, reset, refused, or timed out.
     *
     * @param reason "closed", "connection reset", "connection refused", "connection aborted" or "timed out"
     */
    default void onClosed(TcpConnection connection, String reason) {
    }
}
