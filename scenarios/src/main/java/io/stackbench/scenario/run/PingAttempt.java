package io.stackbench.scenario.run;

/**
 * One echo request of a ping step and its outcome.
 *
 * @param outcome REPLY, ERROR, LOST (no reply within the timeout) or PENDING (the run ended first)
 * @param roundTripNanos time to the reply, or -1
 * @param error the stack's reason for an ERROR, else null
 */
public record PingAttempt(int sequence, long sentAt, String outcome, long roundTripNanos, String error) {
}
