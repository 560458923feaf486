package io.stackbench.scenario.model;

import java.net.InetAddress;

/** One action of the scenario's timeline. */
public sealed interface StepSpec {

    /** Returns the simulated time at which the step starts. */
    long atNanos();

    /** Returns the step's id, given in the file or made from its position, such as {@code step-2}. */
    String id();

    /**
     * Sends {@code count} echo requests, one every {@code intervalNanos}; a request with no reply
     * within {@code timeoutNanos} counts as lost.
     */
    record Ping(String id, long atNanos, String node, InetAddress target, int count, long intervalNanos, int size, long timeoutNanos)
            implements StepSpec {
    }

    /** Brings a node's interface down or up. */
    record Link(String id, long atNanos, String node, boolean up) implements StepSpec {
    }
}
