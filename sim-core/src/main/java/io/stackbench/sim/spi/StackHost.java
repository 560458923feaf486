package io.stackbench.sim.spi;

import io.stackbench.sim.engine.Timer;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.random.DeterministicRandom;
import java.util.List;

/** The services the bench gives a hosted stack: time, timers, randomness, interfaces and a log. */
public interface StackHost {

    /** Returns the node's name in the scenario. */
    String nodeName();

    /** Returns the boot arguments given to this node, in order. */
    List<String> bootArguments();

    /** Returns the current simulated time in nanoseconds. */
    long now();

    /** Runs {@code action} after {@code delayNanos} of simulated time. */
    Timer schedule(long delayNanos, Runnable action);

    /** Returns this node's own random stream, derived from the scenario seed and the node name. */
    DeterministicRandom random();

    /** Returns the number of interfaces; they are numbered from 0. */
    int interfaceCount();

    MacAddress macAddress(int interfaceIndex);

    int mtu(int interfaceIndex);

    boolean isUp(int interfaceIndex);

    /** Puts a frame on the wire; frames shorter than 60 bytes should be padded by the caller. */
    void transmit(int interfaceIndex, byte[] frame);

    /** Asks the segment to deliver frames for a multicast group to this interface. */
    void joinMulticast(int interfaceIndex, MacAddress group);

    void leaveMulticast(int interfaceIndex, MacAddress group);

    /** Records an event in the stack's log: {@code kind} is a short dotted name, {@code message} the details. */
    void event(String kind, String message);
}
