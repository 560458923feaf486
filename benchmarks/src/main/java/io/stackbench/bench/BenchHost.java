package io.stackbench.bench;

import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.engine.Timer;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.net.Nic;
import io.stackbench.sim.random.DeterministicRandom;
import io.stackbench.sim.spi.StackHost;
import java.util.List;

/**
 * The bench's side of the stack SPI for a stack with one interface. Stack log events are
 * discarded, because no benchmark reads them.
 */
final class BenchHost implements StackHost {

    private final String nodeName;
    private final List<String> bootArguments;
    private final Simulator simulator;
    private final DeterministicRandom random;
    private final Nic nic;

    BenchHost(String nodeName, List<String> bootArguments, Simulator simulator, DeterministicRandom random, Nic nic) {
        this.nodeName = nodeName;
        this.bootArguments = List.copyOf(bootArguments);
        this.simulator = simulator;
        this.random = random;
        this.nic = nic;
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
        return nic.mac();
    }

    @Override
    public int mtu(int interfaceIndex) {
        checkInterface(interfaceIndex);
        return nic.mtu();
    }

    @Override
    public boolean isUp(int interfaceIndex) {
        checkInterface(interfaceIndex);
        return nic.isUp();
    }

    @Override
    public void transmit(int interfaceIndex, byte[] frame) {
        checkInterface(interfaceIndex);
        nic.transmit(frame);
    }

    @Override
    public void joinMulticast(int interfaceIndex, MacAddress group) {
        checkInterface(interfaceIndex);
        nic.joinMulticast(group);
    }

    @Override
    public void leaveMulticast(int interfaceIndex, MacAddress group) {
        checkInterface(interfaceIndex);
        nic.leaveMulticast(group);
    }

    @Override
    public void event(String kind, String message) {
        // Discarded: see the class comment.
    }

    private static void checkInterface(int interfaceIndex) {
        if (interfaceIndex != 0) {
            throw new IndexOutOfBoundsException("interface " + interfaceIndex + " does not exist; the node has only interface 0");
        }
    }
}
