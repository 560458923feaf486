package io.stackbench.sim.engine;

/**
 * Raised when a run exceeds its event budget, which is how a runaway scenario (a timer that
 * re-arms itself at the same instant, a packet storm) stops with a message instead of a hang.
 */
public final class SimulationLimitException extends RuntimeException {

    private final long eventsRun;
    private final long simulatedTime;

    public SimulationLimitException(String message, long eventsRun, long simulatedTime) {
        super(message);
        this.eventsRun = eventsRun;
        this.simulatedTime = simulatedTime;
    }

    public long eventsRun() {
        return eventsRun;
    }

    public long simulatedTime() {
        return simulatedTime;
    }
}
