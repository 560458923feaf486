package io.stackbench.bench;

import io.stackbench.sim.net.NicStackHost;
import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.net.FrameRecorder;
import io.stackbench.sim.net.LinkProfile;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.net.Segment;
import io.stackbench.sim.random.DeterministicRandom;
import io.stackbench.stack.DualStack;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A stack replying to a ping: one Ethernet + IPv4 + ICMP echo request handed to
 * {@link DualStack#receive}, which parses it and transmits the echo reply, in frames per second.
 *
 * <p>The stack's interface is the only one on its segment, so the segment records each reply and
 * finds no receiver: it schedules no event, and the simulator never has to run. The score is thus
 * the stack's receive and reply path plus a small, fixed transmit cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EchoReceiveBenchmark {

    private static final MacAddress STACK_MAC = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress PEER_MAC = MacAddress.parse("02:00:00:00:00:02");
    private static final int STACK_ADDRESS = 0x0a00_0001; // 10.0.0.1
    private static final int PEER_ADDRESS = 0x0a00_0002; // 10.0.0.2
    private static final int PING_PAYLOAD_LENGTH = 56;
    private static final long SEED = 0x5eed;

    private DualStack stack;
    private Segment segment;
    private byte[] echoRequest;
    private long requestsSent;
    private long framesOnWireBefore;

    @Setup(Level.Trial)
    public void bootStack() {
        Simulator simulator = new Simulator();
        segment = new Segment(simulator, "bench", 0, LinkProfile.DEFAULT, DeterministicRandom.forComponent(SEED, "segment:bench"),
                FrameRecorder.NONE);
        DualStack booting = new DualStack();
        var nic = segment.attach("stack", "eth0", STACK_MAC, (n, frame) -> booting.receive(0, frame));
        NicStackHost host = new NicStackHost("stack", List.of("--ipv4=10.0.0.1/16"), simulator,
                DeterministicRandom.forComponent(SEED, "node:stack"), nic, event -> { }, () -> null);
        booting.start(host);
        stack = booting;

        // The stack learns the sender of an ARP request for its own address, so the peer enters
        // its ARP cache and the echo replies go straight out instead of waiting for resolution.
        stack.receive(0, BenchFrames.arpRequest(PEER_MAC, PEER_ADDRESS, STACK_ADDRESS));
        echoRequest = BenchFrames.echoRequest(STACK_MAC, PEER_MAC, PEER_ADDRESS, STACK_ADDRESS, 1, 1, PING_PAYLOAD_LENGTH);

        stack.receive(0, echoRequest);
        long replies = stack.snapshot().counter("icmpv4.echo-replies-sent");
        if (replies != 1) {
            throw new IllegalStateException("the stack sent no reply to the benchmark's echo request (echo replies sent: " + replies
                    + ", counters: " + stack.snapshot().counters() + "); fix the request frame before measuring");
        }
        framesOnWireBefore = segment.framesOnWire();
    }

    @Benchmark
    public void answerEchoRequest() {
        stack.receive(0, echoRequest);
        requestsSent++;
    }

    @TearDown(Level.Trial)
    public void checkEveryRequestAnswered() {
        long replies = segment.framesOnWire() - framesOnWireBefore;
        if (replies != requestsSent) {
            throw new IllegalStateException("sent " + requestsSent + " echo requests but the stack put " + replies
                    + " frames on the wire; the figure is invalid");
        }
    }
}
