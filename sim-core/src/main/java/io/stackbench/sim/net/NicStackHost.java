package io.stackbench.sim.net;

import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.engine.Timer;
import io.stackbench.sim.random.DeterministicRandom;
import io.stackbench.sim.spi.StackEvent;
import io.stackbench.sim.spi.StackHost;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The bench's side of the stack SPI for a node with one interface on a segment: time and timers
 * from the simulator, the node's random stream, and its log events passed to a sink.
 */
public final class NicStackHost implements StackHost {

    private final String nodeName;
    private final List<String> bootArguments;
    private final Simulator simulator;
    private final DeterministicRandom random;
    private final Nic nic;
    private final Consumer<StackEvent> events;
    private final Supplier<String> currentCause;

    /**
     * @param events receives every event the stack logs
     * @param currentCause returns the capture comment for frames sent now, or null
     */
    public NicStackHost(String nodeName, List<String> bootArguments, Simulator simulator, DeterministicRandom random, Nic nic,
            Consumer<StackEvent> events, Supplier<String> currentCause) {
        this.nodeName = nodeName;
        this.bootArguments = List.copyOf(bootArguments);
        this.simulator = simulator;
        this.random = random;
        this.nic = nic;
        this.events = events;
        this.currentCause = currentCause;
    }

    /** Returns a host for the same node and interface with new boot arguments, for a restart. */
    public NicStackHost withBootArguments(List<String> newBootArguments) {
        return new NicStackHost(nodeName, newBootArguments, simulator, random, nic, events, currentCause);
    }

    @Override
    public String nodeName() {
        return nodeName;
    }

    @Override
    public List<String> bootArguments() {
        return bootArguments;
    }

    @Override
    public long now() {
        return simulator.now();
    }

    @Override
    public Timer schedule(long delayNanos, Runnable action) {
        return simulator.scheduleAfter(delayNanos, action);
    }

    @Override
    public DeterministicRandom random() {
        return random;
    }

    @Override
    public int interfaceCount() {
        return 1;
    }

    @Override
    public MacAddress macAddress(int interfaceIndex) {
        check(interfaceIndex);
        return nic.mac();
    }

    @Override
    public int mtu(int interfaceIndex) {
        check(interfaceIndex);
        return nic.mtu();
    }

    @Override
    public boolean isUp(int interfaceIndex) {
        check(interfaceIndex);
        return nic.isUp();
    }

    @Override
    public void transmit(int interfaceIndex, byte[] frame) {
        check(interfaceIndex);
        nic.transmit(frame, currentCause.get());
    }

    @Override
    public void joinMulticast(int interfaceIndex, MacAddress group) {
        check(interfaceIndex);
        nic.joinMulticast(group);
    }

    @Override
    public void leaveMulticast(int interfaceIndex, MacAddress group) {
        check(interfaceIndex);
        nic.leaveMulticast(group);
    }

    @Override
    public void event(String kind, String message) {
        events.accept(new StackEvent(simulator.now(), nodeName, kind, message));
    }

    private static void check(int interfaceIndex) {
        if (interfaceIndex != 0) {
            throw new IndexOutOfBoundsException("node has one interface (0), not " + interfaceIndex);
        }
    }
}
