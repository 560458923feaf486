package io.stackbench.scenario.peer;

import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.net.Nic;
import io.stackbench.sim.random.DeterministicRandom;

/**
 * The services a scripted peer gets: its name, its interface, the simulator for timers, and its
 * own random stream derived from the scenario seed.
 */
public record PeerHost(String name, Nic nic, Simulator simulator, DeterministicRandom random) {

    /** Sends a frame with a capture comment that names this peer and what it is doing. */
    public void send(byte[] frame, String behaviour) {
        nic.transmit(frame, name + ": " + behaviour);
    }
}
