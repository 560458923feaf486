package io.stackbench.sim.engine;

/** A handle on a scheduled event, used to cancel it before it runs. */
public interface Timer {

    /** Cancels the event; it will not run. Cancelling a fired or cancelled timer does nothing. */
    void cancel();

    /** Returns true while the event is scheduled and neither fired nor cancelled. */
    boolean isPending();

    /** Returns the simulated time, in nanoseconds, at which the event runs. */
    long deadline();
}
