package io.stackbench.bench;

import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.net.LinkProfile;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.net.Nic;
import io.stackbench.sim.net.Segment;
import io.stackbench.sim.random.DeterministicRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Unicast delivery of 98-octet frames (the size of a 56-octet ping) from one interface to another
 * on one segment, through the simulator, in frames per second. Each frame costs a transmit, a
 * recorder call and a delivery event; with a bandwidth limit it also costs a serialization event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SegmentDeliveryBenchmark {

    private static final int FRAMES_PER_INVOCATION = 100;
    private static final long LATENCY_NANOS = 10_000L;
    private static final MacAddress SENDER_MAC = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress RECEIVER_MAC = MacAddress.parse("02:00:00:00:00:02");
    private static final long SEED = 0x5eed;

    /** 0 means no bandwidth limit; 1000000000 is 1 Gbit/s, which adds a serialization event per frame. */
    @Param({"0", "1000000000"})
    public long bandwidthBitsPerSecond;

    private Simulator simulator;
    private Segment segment;
    private Nic sender;
    private byte[] frame;
    private long drainNanos;
    private long framesSent;
    private long framesReceived;

    @Setup(Level.Trial)
    public void attachInterfaces() {
        simulator = new Simulator();
        simulator.setEventBudget(Long.MAX_VALUE);
        LinkProfile link = new LinkProfile(LATENCY_NANOS, bandwidthBitsPerSecond, LinkProfile.ETHERNET_MTU,
                LinkProfile.DEFAULT_QUEUE_LIMIT_BYTES, 0.0);
        segment = new Segment(simulator, "bench", 0, link, DeterministicRandom.forComponent(SEED, "segment:bench"), new CountingRecorder());
        sender = segment.attach("sender", "eth0", SENDER_MAC, (nic, received) -> { });
        segment.attach("receiver", "eth0", RECEIVER_MAC, (nic, received) -> framesReceived++);
        frame = BenchFrames.echoRequest(RECEIVER_MAC, SENDER_MAC, 0x0a00_0001, 0x0a00_0002, 1, 1, 56);
        // A whole batch is queued at once, so the last frame waits for all the others to serialize.
        drainNanos = link.serializationNanos(frame.length) * FRAMES_PER_INVOCATION + LATENCY_NANOS;
    }

    /** Sends a batch of frames and runs the simulator until the last one has arrived. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_INVOCATION)
    public void deliverUnicast() {
        for (int i = 0; i < FRAMES_PER_INVOCATION; i++) {
            sender.transmit(frame);
        }
        framesSent += FRAMES_PER_INVOCATION;
        simulator.runUntil(simulator.now() + drainNanos);
    }

    @TearDown(Level.Trial)
    public void checkEveryFrameArrived() {
        if (framesReceived != framesSent || segment.framesDelivered() != framesSent) {
            throw new IllegalStateException("sent " + framesSent + " frames but the receiver got " + framesReceived
                    + " and the segment counted " + segment.framesDelivered() + " deliveries; the figure is invalid");
        }
    }
}
