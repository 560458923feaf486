package io.stackbench.sim.spi;

/**
 * Receives the failure of a send, such as "no route to 192.0.2.1". A failure can be reported during
 * the send call (no route, no source address) or later (address resolution gave up).
 */
@FunctionalInterface
public interface SendListener {

    /** Called when the datagram could not be sent, with the reason in the stack's words. */
    void onError(String reason);
}
