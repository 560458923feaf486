package io.stackbench.sim.spi;

import java.net.InetAddress;

/** Receives the outcome of one echo request. */
public interface EchoListener {

    /** Called when the matching echo reply arrives. */
    void onReply(InetAddress from, int sequence, int payloadLength, int ttl);

    /** Called when the request could not be sent or was given up, with the reason in the stack's words. */
    void onError(int sequence, String reason);
}
