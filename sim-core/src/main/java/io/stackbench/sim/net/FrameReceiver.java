package io.stackbench.sim.net;

/** The node side of an interface: called when a frame arrives. */
@FunctionalInterface
public interface FrameReceiver {

    /** Handles a frame delivered to {@code nic}. The array is shared between receivers: do not modify it. */
    void receive(Nic nic, byte[] frame);
}
