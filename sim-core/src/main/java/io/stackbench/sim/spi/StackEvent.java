package io.stackbench.sim.spi;

import io.stackbench.sim.engine.SimTime;

/** One entry of a stack's event log, stamped with simulated time. */
public record StackEvent(long time, String node, String kind, String message) {

    @Override
    public String toString() {
        return "[" + SimTime.format(time) + " " + node + "] " + kind + ": " + message;
    }
}
