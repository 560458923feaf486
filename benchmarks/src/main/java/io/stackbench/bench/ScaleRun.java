package io.stackbench.bench;

import io.stackbench.sim.net.NicStackHost;
import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.net.LinkProfile;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.net.Nic;
import io.stackbench.sim.net.Segment;
import io.stackbench.sim.random.DeterministicRandom;
import io.stackbench.sim.spi.EchoListener;
import io.stackbench.stack.DualStack;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A ring of N stacks on one segment: each node pings its successor (the last pings the first)
 * ten times, 100 ms apart. Prints one line per N with the wall time, the events run, the frames put
 * on the wire and delivered, and the echo replies received, which must be 10 * N.
 *
 * <p>The IPv4 workload boots every stack with {@code --ipv4-only=true} and pings 10.0.x.y. The
 * IPv6 workload ({@code --ipv6}) adds one router advertising 2001:db8:1::/64 with A=1: every stack
 * runs DAD on its link-local address, autoconfigures a global address and runs DAD on it, and the
 * pings start at 3 s, after every address is PREFERRED, to the successor's global address.
 *
 * <p>Usage: {@code ScaleRun [--ipv6] [N ...]}, default {@code 10 100 1000}. The exit status is 1
 * when any run received fewer echo replies than expected, and 2 on invalid arguments.
 */
public final class ScaleRun {

    static final int PINGS_PER_NODE = 10;
    static final long PING_INTERVAL_NANOS = SimTime.millis(100);
    static final long FIRST_PING_AT = SimTime.millis(1);
    /** One second after the last ping, which leaves ample time for ARP and the reply at 10 µs per hop. */
    static final long END_TIME = FIRST_PING_AT + (PINGS_PER_NODE - 1) * PING_INTERVAL_NANOS + SimTime.seconds(1);
    static final int PING_PAYLOAD_LENGTH = 56;
    /** Hosts of 10.0.0.0/16, without the network and broadcast addresses. */
    static final int MAX_NODES = 65_534;
    static final LinkProfile LINK = new LinkProfile(10 * SimTime.MICROSECOND, 0, LinkProfile.ETHERNET_MTU,
            LinkProfile.DEFAULT_QUEUE_LIMIT_BYTES, 0.0);
    private static final long SEED = 1;
    private static final List<Integer> DEFAULT_SIZES = List.of(10, 100, 1000);

    private ScaleRun() {
    }

    /**
     * The figures of one run.
     *
     * @param setupNanos wall time to build the network and boot every stack
     * @param runNanos wall time of the simulation run itself
     * @param framesOnWire frames counted by the segment's recorder
     * @param framesDelivered (frame, receiver) deliveries, so a broadcast counts once per receiver
     * @param firstEchoError the first echo error a stack reported, or null
     */
    record Result(int nodes, long setupNanos, long runNanos, long eventsRun, long framesOnWire, long framesDelivered,
            long echoReplies, long echoErrors, String firstEchoError) {

        long expectedEchoReplies() {
            return (long) nodes * PINGS_PER_NODE;
        }

        boolean allRepliesReceived() {
            return echoReplies == expectedEchoReplies() && echoErrors == 0;
        }

        double eventsPerSecond() {
            return runNanos == 0 ? 0 : eventsRun * 1e9 / runNanos;
        }
    }

    public static void main(String[] args) {
        boolean ipv6 = args.length > 0 && args[0].equals("--ipv6");
        if (ipv6) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        List<Integer> sizes;
        try {
            sizes = parseSizes(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: ScaleRun [--ipv6] [N ...]   (N = number of stacks, 2.." + MAX_NODES + "; default 10 100 1000)");
            System.exit(2);
            return;
        }

        PrintStream out = System.out;
        out.println(ipv6 ? "IPv6 workload: one router, SLAAC, pings to global addresses from 3 s" : "IPv4 workload (--ipv4-only=true)");
        out.printf(Locale.ROOT, "%7s %10s %10s %10s %14s %16s %14s %14s%n", "N", "setup ms", "run ms", "events", "frames on wire",
                "frames delivered", "events/s", "echo replies");
        boolean allComplete = true;
        for (int nodes : sizes) {
            Result result = ipv6 ? Ipv6Workload.run(nodes) : run(nodes);
            out.printf(Locale.ROOT, "%7d %10.1f %10.1f %10d %14d %16d %14.0f %8d/%d%n", nodes, result.setupNanos() / 1e6,
                    result.runNanos() / 1e6, result.eventsRun(), result.framesOnWire(), result.framesDelivered(),
                    result.eventsPerSecond(), result.echoReplies(), result.expectedEchoReplies());
            if (!result.allRepliesReceived()) {
                allComplete = false;
                System.err.printf(Locale.ROOT, "*** FAILED: N=%d received %d echo replies, expected %d; %d echo errors, first: %s%n",
                        nodes, result.echoReplies(), result.expectedEchoReplies(), result.echoErrors(), result.firstEchoError());
            }
        }
        if (!allComplete) {
            System.exit(1);
        }
    }

    static List<Integer> parseSizes(String[] args) {
        if (args.length == 0) {
            return DEFAULT_SIZES;
        }
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args) {
            int nodes;
            try {
                nodes = Integer.parseInt(arg);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid N '" + arg + "': expected an integer from 2 to " + MAX_NODES, e);
            }
            if (nodes < 2 || nodes > MAX_NODES) {
                throw new IllegalArgumentException("invalid N " + nodes + ": expected 2 to " + MAX_NODES
                        + ", because each node pings another and all addresses lie in 10.0.0.0/16");
            }
            sizes.add(nodes);
        }
        return sizes;
    }

    /** Builds, boots and runs a ring of {@code nodes} stacks to {@link #END_TIME}. */
    static Result run(int nodes) {
        long setupStart = System.nanoTime();
        Simulator simulator = new Simulator();
        CountingRecorder recorder = new CountingRecorder();
        Segment segment = new Segment(simulator, "lan", 0, LINK, DeterministicRandom.forComponent(SEED, "segment:lan"), recorder);
        EchoTally tally = new EchoTally();

        List<DualStack> stacks = new ArrayList<>(nodes);
        List<NicStackHost> hosts = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            String name = "node" + i;
            DualStack stack = new DualStack();
            Nic nic = segment.attach(name, "eth0", macOf(i), (n, frame) -> stack.receive(0, frame));
            hosts.add(new NicStackHost(name, List.of("--ipv4=" + addressOf(i).getHostAddress() + "/16", "--ipv4-only=true"), simulator,
                    DeterministicRandom.forComponent(SEED, "node:" + name), nic, event -> { }, () -> null));
            stacks.add(stack);
        }
        for (int i = 0; i < nodes; i++) {
            stacks.get(i).start(hosts.get(i));
        }
        for (int i = 0; i < nodes; i++) {
            DualStack stack = stacks.get(i);
            InetAddress successor = addressOf((i + 1) % nodes);
            int identifier = (i + 1) & 0xffff;
            for (int sequence = 0; sequence < PINGS_PER_NODE; sequence++) {
                int seq = sequence;
                simulator.scheduleAt(FIRST_PING_AT + sequence * PING_INTERVAL_NANOS,
                        () -> stack.sendEchoRequest(successor, identifier, seq, PING_PAYLOAD_LENGTH, tally));
            }
        }

        long runStart = System.nanoTime();
        simulator.runUntil(END_TIME);
        long runEnd = System.nanoTime();

        return new Result(nodes, runStart - setupStart, runEnd - runStart, simulator.eventsRun(), recorder.frames(),
                segment.framesDelivered(), tally.replies, tally.errors, tally.firstError);
    }

    /** Returns 10.0.0.1 for node 0, 10.0.0.2 for node 1, and so on through 10.0.255.254. */
    static InetAddress addressOf(int node) {
        int host = node + 1;
        byte[] octets = {10, 0, (byte) (host >>> 8), (byte) host};
        try {
            return InetAddress.getByAddress(octets);
        } catch (UnknownHostException e) {
            throw new AssertionError("four octets are always a valid IPv4 address", e);
        }
    }

    /** Returns the locally administered MAC 02:00:00:00:xx:xx with the node's host number. */
    static MacAddress macOf(int node) {
        return new MacAddress(0x0200_0000_0000L | (node + 1));
    }

    /** Counts the echo outcomes of every node. */
    static final class EchoTally implements EchoListener {

        long replies;
        long errors;
        String firstError;

        @Override
        public void onReply(InetAddress from, int sequence, int payloadLength, int ttl) {
            replies++;
        }

        @Override
        public void onError(int sequence, String reason) {
            errors++;
            if (firstError == null) {
                firstError = "sequence " + sequence + ": " + reason;
            }
        }
    }
}
