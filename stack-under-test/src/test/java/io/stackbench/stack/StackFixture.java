package io.stackbench.stack;

import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link DualStack} on a {@link TestStackHost}, with the addresses of a small documentation
 * network (RFC 5737 192.0.2.0/24) around it. Tests feed frames with {@link #receive}, advance
 * simulated time with {@link #runUntil}, and read what the stack sent with {@link #takeSent}.
 */
public final class StackFixture {

    public static final MacAddress OUR_MAC = MacAddress.parse("02:00:00:00:00:02");
    public static final Ipv4Address OUR_ADDRESS = Ipv4Address.parse("192.0.2.2");
    public static final int PREFIX_LENGTH = 24;
    public static final Ipv4Address SUBNET_BROADCAST = Ipv4Address.parse("192.0.2.255");
    /** Boot argument that gives the stack {@link #OUR_ADDRESS}. */
    public static final String OUR_IPV4_ARGUMENT = "--ipv4=192.0.2.2/24";

    /** A neighbour on the subnet. */
    public static final MacAddress PEER_MAC = MacAddress.parse("02:00:00:00:00:01");
    public static final Ipv4Address PEER_ADDRESS = Ipv4Address.parse("192.0.2.1");
    /** A MAC that {@link #PEER_ADDRESS} moves to in tests of cache updates. */
    public static final MacAddress PEER_NEW_MAC = MacAddress.parse("02:00:00:00:00:11");

    /** A third host on the subnet. */
    public static final MacAddress OTHER_MAC = MacAddress.parse("02:00:00:00:00:03");
    public static final Ipv4Address OTHER_ADDRESS = Ipv4Address.parse("192.0.2.3");

    public static final MacAddress GATEWAY_MAC = MacAddress.parse("02:00:00:00:00:fe");
    public static final Ipv4Address GATEWAY_ADDRESS = Ipv4Address.parse("192.0.2.254");
    public static final String GATEWAY_ARGUMENT = "--ipv4-gateway=192.0.2.254";

    /** An address outside 192.0.2.0/24 (RFC 5737 TEST-NET-2). */
    public static final Ipv4Address OFF_LINK_ADDRESS = Ipv4Address.parse("198.51.100.7");

    public static final int MTU = 1500;

    private final TestStackHost host;
    private final DualStack stack = new DualStack();
    private int taken;

    private StackFixture(String... bootArguments) {
        this.host = new TestStackHost("stack", OUR_MAC, MTU, ipv4OnlyUnlessChosen(bootArguments));
    }

    /**
     * Adds --ipv4-only=true unless the test chose a family itself, so the IPv6 start-up frames
     * (MLD report, DAD probe, router solicitations) stay out of these IPv4 tests.
     */
    private static List<String> ipv4OnlyUnlessChosen(String... bootArguments) {
        List<String> arguments = new ArrayList<>(Arrays.asList(bootArguments));
        boolean chosen = arguments.stream().anyMatch(a -> a.startsWith("--ipv4-only") || a.startsWith("--ipv6-only"));
        if (!chosen) {
            arguments.add("--ipv4-only=true");
        }
        return arguments;
    }

    /** Returns a fixture whose stack is not started yet, for tests of boot failures. */
    public static StackFixture create(String... bootArguments) {
        return new StackFixture(bootArguments);
    }

    /** Starts a stack with {@code bootArguments} and takes the frames it sent at boot. */
    public static StackFixture start(String... bootArguments) {
        StackFixture fixture = new StackFixture(bootArguments);
        fixture.stack.start(fixture.host);
        fixture.takeSent();
        return fixture;
    }

    /** Starts a stack at {@link #OUR_ADDRESS} with no gateway, and takes its gratuitous ARP. */
    public static StackFixture started() {
        return start(OUR_IPV4_ARGUMENT);
    }

    public DualStack stack() {
        return stack;
    }

    public TestStackHost host() {
        return host;
    }

    public void receive(byte[] frame) {
        stack.receive(0, frame);
    }

    /** Returns the frames sent since the last call, oldest first. */
    public List<SentFrame> takeSent() {
        List<SentFrame> all = host.sent();
        List<SentFrame> fresh = new ArrayList<>(all.subList(taken, all.size()));
        taken = all.size();
        return fresh;
    }

    /** Runs every timer due up to and including {@code time} nanoseconds of simulated time. */
    public void runUntil(long time) {
        host.simulator().runUntil(time);
    }

    public long now() {
        return host.now();
    }

    public StackSnapshot snapshot() {
        return stack.snapshot();
    }

    public long counter(String name) {
        return stack.snapshot().counter(name);
    }

    /** Returns the ARP cache entry for {@code address}, or null. */
    public StackSnapshot.Neighbor arpEntry(Ipv4Address address) {
        for (StackSnapshot.Neighbor neighbor : stack.snapshot().neighbors()) {
            if (neighbor.protocol().equals("arp") && neighbor.address().equals(address.toInetAddress())) {
                return neighbor;
            }
        }
        return null;
    }

    /** Sends one echo request through the stack's API and returns the listener that records its outcome. */
    public RecordingEchoListener ping(Ipv4Address destination, int identifier, int sequence, int payloadLength) {
        RecordingEchoListener listener = new RecordingEchoListener();
        stack.sendEchoRequest(destination.toInetAddress(), identifier, sequence, payloadLength, listener);
        return listener;
    }

    /**
     * Makes the stack learn {@link #PEER_MAC} for {@link #PEER_ADDRESS}: the peer asks for our
     * address, and the reply is taken, so later frames to the peer need no resolution.
     */
    public void learnPeer() {
        receive(Frames.arpFrame(MacAddress.BROADCAST, Frames.arpRequest(PEER_MAC, PEER_ADDRESS, OUR_ADDRESS)));
        List<SentFrame> reply = takeSent();
        if (reply.size() != 1 || !reply.get(0).isArp()) {
            throw new AssertionError("expected one ARP reply to the peer's request, got " + reply);
        }
    }
}
