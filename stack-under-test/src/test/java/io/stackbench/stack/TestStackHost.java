package io.stackbench.stack;

import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.engine.Timer;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.random.DeterministicRandom;
import io.stackbench.sim.spi.StackEvent;
import io.stackbench.sim.spi.StackHost;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link StackHost} for tests: one Ethernet interface, simulated time from a real
 * {@link Simulator} that only the test advances, and lists of the frames sent and the events logged.
 */
public final class TestStackHost implements StackHost {

    /** Seed of the stack's random stream; fixed so every run draws the same numbers. */
    public static final long SEED = 1;

    private final String nodeName;
    private final List<String> bootArguments;
    private final MacAddress mac;
    private final int mtu;
    private final Simulator simulator = new Simulator();
    private final DeterministicRandom random;
    private final List<SentFrame> sent = new ArrayList<>();
    private final List<StackEvent> events = new ArrayList<>();
    private final Set<MacAddress> joinedGroups = new LinkedHashSet<>();

    public TestStackHost(String nodeName, MacAddress mac, int mtu, List<String> bootArguments) {
        this.nodeName = nodeName;
        this.mac = mac;
        this.mtu = mtu;
        this.bootArguments = List.copyOf(bootArguments);
        this.random = DeterministicRandom.forComponent(SEED, nodeName);
    }

    public Simulator simulator() {
        return simulator;
    }

    /** Returns every frame sent so far, oldest first. */
    public List<SentFrame> sent() {
        return sent;
    }

    /** Returns every event logged so far, oldest first. */
    public List<StackEvent> events() {
        return events;
    }

    public Set<MacAddress> joinedGroups() {
        return joinedGroups;
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
        checkInterface(interfaceIndex);
        return mac;
    }

    @Override
    public int mtu(int interfaceIndex) {
        checkInterface(interfaceIndex);
        return mtu;
    }

    @Override
    public boolean isUp(int interfaceIndex) {
        checkInterface(interfaceIndex);
        return true;
    }

    @Override
    public void transmit(int interfaceIndex, byte[] frame) {
        checkInterface(interfaceIndex);
        sent.add(new SentFrame(simulator.now(), frame.clone()));
    }

    @Override
    public void joinMulticast(int interfaceIndex, MacAddress group) {
        checkInterface(interfaceIndex);
        joinedGroups.add(group);
    }

    @Override
    public void leaveMulticast(int interfaceIndex, MacAddress group) {
        checkInterface(interfaceIndex);
        joinedGroups.remove(group);
    }

    @Override
    public void event(String kind, String message) {
        events.add(new StackEvent(simulator.now(), nodeName, kind, message));
    }

    private static void checkInterface(int interfaceIndex) {
        if (interfaceIndex != 0) {
            throw new IndexOutOfBoundsException("the test host has one interface (0), not " + interfaceIndex);
        }
    }
}
