package io.stackbench.sim.spi;

import java.net.InetAddress;

/** A handle on one TCP connection of a hosted stack, over either IP family. */
public interface TcpConnection {

    /**
     * Queues {@code data} for sending. Bytes written before ESTABLISHED are sent once the
     * handshake completes.
     *
     * @throws IllegalStateException when this side has already closed or the connection is closed, or
     *     when {@code data} is longer than {@link #writableBytes()}
     */
    void write(byte[] data);

    /**
     * Returns how many bytes a {@link #write} accepts now: the free space of the send buffer, or 0
     * once this side has closed or the connection is closed. A writer with more to send waits for
     * {@link TcpHandler#onWritable}.
     */
    int writableBytes();

    /** Closes this side in order (RFC 9293 CLOSE): queued data is sent, then a FIN. */
    void close();

    /** Resets the connection (RFC 9293 ABORT): queued data is discarded and a RST is sent. */
    void abort();

    /**
     * Turns Nagle's algorithm (RFC 9293 §3.7.4) off with {@code true}, so short writes go out while
     * data is unacknowledged, as the TCP_NODELAY socket option does; {@code false} turns it back on.
     * Stacks start with it on.
     *
     * @throws UnsupportedOperationException when {@code noDelay} is true and the stack cannot turn
     *     Nagle's algorithm off, as with this default
     */
    default void setNoDelay(boolean noDelay) {
        if (noDelay) {
            throw new UnsupportedOperationException("this TCP cannot turn Nagle's algorithm off");
        }
    }

    /** Returns the local address, of the same family as {@link #remoteAddress()}. */
    InetAddress localAddress();

    int localPort();

    /** Returns the peer's address, an {@link java.net.Inet4Address} or an {@link java.net.Inet6Address}. */
    InetAddress remoteAddress();

    int remotePort();

    /** Returns the state in RFC 9293 spelling, such as {@code ESTABLISHED} or {@code TIME-WAIT}. */
    String state();
}
