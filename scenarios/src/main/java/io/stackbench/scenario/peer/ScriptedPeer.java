package io.stackbench.scenario.peer;

/**
 * A node of the bench that follows a script instead of running the stack under test. Peers build
 * and parse their frames with pcap4j, never with the stack's codecs, so that a codec bug in the
 * stack cannot hide itself.
 */
public interface ScriptedPeer {

    /** Starts the peer at time 0: schedules its announcements and whatever else it sends unasked. */
    void start();

    /** Handles a frame delivered to the peer's interface. */
    void receive(byte[] frame);
}
