package io.stackbench.scenario.peer;

import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.net.Nic;

/** What a scripted peer is given: its name, its interface and the simulator for timers. */
public record PeerHost(String name, Nic nic, Simulator simulator) {

    /** Sends a frame with a capture comment that names this peer and what it is doing. */
    public void send(byte[] frame, String behaviour) {
        nic.transmit(frame, name + ": " + behaviour);
    }
}
