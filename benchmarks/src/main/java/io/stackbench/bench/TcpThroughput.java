package io.stackbench.bench;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.net.LinkProfile;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.net.Nic;
import io.stackbench.sim.net.NicStackHost;
import io.stackbench.sim.net.Segment;
import io.stackbench.sim.random.DeterministicRandom;
import io.stackbench.sim.spi.StackEvent;
import io.stackbench.sim.spi.TcpConnection;
import io.stackbench.sim.spi.TcpHandler;
import io.stackbench.stack.DualStack;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One TCP flow over IPv6 between two {@link DualStack} instances on a 10 Gbit/s link with 10 µs
 * latency and no capture: b connects to a's sink, writes N bytes of the counting pattern (byte i
 * is i mod 256) as its send buffer frees up, and closes. The sink compares every byte with the
 * pattern as it arrives, so a run that lost, duplicated or reordered a byte fails.
 *
 * <p>Usage: {@code TcpThroughput [LOSSLESS_BYTES [LOSSY_BYTES]]}, sizes as integers with an
 * optional k, M or G suffix (powers of 1000); default {@code 1G 100M}. The lossy flow's link loses
 * 1% of frames; 0 skips a flow. The exit status is 1 when a flow did not deliver exactly its bytes
 * and 2 on invalid arguments.
 */
public final class TcpThroughput {

    static final long LINK_BITS_PER_SECOND = 10_000_000_000L;
    static final LinkProfile LOSSLESS = new LinkProfile(10 * SimTime.MICROSECOND, LINK_BITS_PER_SECOND, LinkProfile.ETHERNET_MTU,
            LinkProfile.DEFAULT_QUEUE_LIMIT_BYTES, 0.0);
    static final double LOSSY_LOSS = 0.01;
    static final int PORT = 9000;
    /** The connection opens once both stacks' addresses passed DAD, which takes about a second. */
    static final long CONNECT_AT = SimTime.seconds(3);
    /**
     * Simulated time without a new byte after which a flow counts as stalled. The sender gives up
     * after 8 timeouts in a row, whose backed-off RTOs add up to about 4 minutes.
     */
    static final long STALL_LIMIT = SimTime.seconds(600);
    /** The simulation runs in slices of this much simulated time and stops after the slice in which the flow ended. */
    static final long SLICE = SimTime.millis(10);
    private static final long SEED = 1;
    private static final int PATTERN_CHUNK = 1 << 16;
    /** The counting pattern from byte 0, long enough to take a chunk at any phase mod 256. */
    private static final byte[] PATTERN = new byte[PATTERN_CHUNK + 256];

    /** The first {@link #PATTERN_CHUNK} bytes of the pattern, written again and again; the stack copies what it is given. */
    private static final byte[] CHUNK;

    static {
        for (int i = 0; i < PATTERN.length; i++) {
            PATTERN[i] = (byte) i;
        }
        CHUNK = Arrays.copyOf(PATTERN, PATTERN_CHUNK);
    }

    private TcpThroughput() {
    }

    /**
     * The figures of one flow.
     *
     * @param simulatedNanos simulated time from ESTABLISHED on the sender to the last byte at the receiver
     * @param wallNanos wall time of the simulation run, setup excluded
     * @param cpuNanos CPU time of the thread that ran the simulation, over the same span. It varies
     *     less than wall time on a shared machine, but leaves out the garbage collector's threads.
     * @param firstMismatch offset of the first received byte that differs from the pattern, or -1
     * @param retransmissions the sender's {@code tcp.retransmissions} counter: every segment sent
     *     again, whether by fast retransmit, by a timeout, or by the slow start after a timeout
     * @param timeoutEpisodes the sender's retransmission timeouts that were not a repeat of the one
     *     before, counted by their {@code tcp.congestion} events, so a backed-off series counts once
     * @param fastRetransmits the sender's {@code tcp.fast-retransmits} counter
     * @param transmitDrops frames that the sender's full transmit queue dropped
     * @param stalled true when no byte arrived for {@link #STALL_LIMIT} before the flow ended
     */
    record Result(long bytes, double loss, long received, long firstMismatch, long simulatedNanos, long wallNanos, long cpuNanos, long eventsRun,
            long framesOnWire, long retransmissions, long timeoutEpisodes, long fastRetransmits, long transmitDrops,
            boolean stalled) {

        boolean delivered() {
            return received == bytes && firstMismatch < 0 && !stalled;
        }

        /** Payload bits per second of simulated time. */
        double simulatedBitsPerSecond() {
            return simulatedNanos == 0 ? 0 : received * 8e9 / simulatedNanos;
        }

        /** Payload bits simulated per second of wall time. */
        double bitsPerWallSecond() {
            return wallNanos == 0 ? 0 : received * 8e9 / wallNanos;
        }
    }

    public static void main(String[] args) {
        long lossless;
        long lossy;
        try {
            if (args.length > 2) {
                throw new IllegalArgumentException("expected at most two sizes, got " + args.length + " arguments");
            }
            lossless = args.length > 0 ? parseSize(args[0]) : 1_000_000_000L;
            lossy = args.length > 1 ? parseSize(args[1]) : 100_000_000L;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: TcpThroughput [LOSSLESS_BYTES [LOSSY_BYTES]]   (such as 1G 100M, the default; 0 skips a flow)");
            System.exit(2);
            return;
        }

        PrintStream out = System.out;
        out.printf(Locale.ROOT, "%14s %6s %11s %9s %11s %8s %13s %10s %12s %8s %5s %8s %8s %s%n", "bytes", "loss", "sim Gbit/s", "wall s",
                "wall Gbit/s", "cpu s", "sim s", "events", "frames", "retrans", "rto", "fast rtx", "tx drops", "check");
        boolean allDelivered = true;
        for (long[] flow : List.of(new long[] {lossless, 0}, new long[] {lossy, 1})) {
            if (flow[0] == 0) {
                continue;
            }
            Result result = run(flow[0], flow[1] == 0 ? 0.0 : LOSSY_LOSS);
            out.printf(Locale.ROOT, "%14d %5.0f%% %11.3f %9.2f %11.2f %8.2f %13.6f %10d %12d %8d %5d %8d %8d %s%n", result.bytes(),
                    result.loss() * 100, result.simulatedBitsPerSecond() / 1e9, result.wallNanos() / 1e9, result.bitsPerWallSecond() / 1e9,
                    result.cpuNanos() / 1e9, result.simulatedNanos() / 1e9, result.eventsRun(), result.framesOnWire(), result.retransmissions(),
                    result.timeoutEpisodes(), result.fastRetransmits(), result.transmitDrops(), result.delivered() ? "ok" : "FAILED");
            if (!result.delivered()) {
                allDelivered = false;
                System.err.printf(Locale.ROOT, "*** FAILED: %d bytes with %.0f%% loss: received %d, first mismatch at %d, stalled %b%n",
                        result.bytes(), result.loss() * 100, result.received(), result.firstMismatch(), result.stalled());
            }
        }
        if (!allDelivered) {
            System.exit(1);
        }
    }

    /** Parses a byte count such as {@code 1000}, {@code 100M} or {@code 1G} (k, M, G are powers of 1000). */
    static long parseSize(String text) {
        long multiplier = 1;
        String digits = text;
        if (!text.isEmpty()) {
            switch (text.charAt(text.length() - 1)) {
                case 'k', 'K' -> multiplier = 1_000L;
                case 'M' -> multiplier = 1_000_000L;
                case 'G' -> multiplier = 1_000_000_000L;
                default -> multiplier = 1;
            }
            if (multiplier != 1) {
                digits = text.substring(0, text.length() - 1);
            }
        }
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid size '" + text + "': expected an integer with an optional k, M or G suffix", e);
        }
        if (value < 0 || value > Long.MAX_VALUE / multiplier / 8) {
            throw new IllegalArgumentException("invalid size '" + text + "': expected 0 or more bytes, and bits that fit in a long");
        }
        return value * multiplier;
    }

    /** Runs one flow of {@code bytes} bytes over a link that loses {@code loss} of its frames. */
    static Result run(long bytes, double loss) {
        Simulator simulator = new Simulator();
        simulator.setEventBudget(Long.MAX_VALUE);
        CountingRecorder recorder = new CountingRecorder();
        Segment segment = new Segment(simulator, "lan", 0, LOSSLESS.withLoss(loss), DeterministicRandom.forComponent(SEED, "segment:lan"),
                recorder);
        DualStack receiver = stack(simulator, segment, "a", 0x0a, "2001:db8::a", event -> { });
        long[] timeoutEpisodes = new long[1];
        DualStack sender = stack(simulator, segment, "b", 0x0b, "2001:db8::b", event -> {
            if (event.kind().equals("tcp.congestion") && event.message().endsWith("after retransmission timeout")) {
                timeoutEpisodes[0]++;
            }
        });
        // The sender's interface, which stack() attached last.
        Nic senderNic = segment.nics().get(segment.nics().size() - 1);

        Sink sink = new Sink(simulator);
        Source source = new Source(simulator, bytes);
        receiver.tcpListen(PORT, sink);
        simulator.scheduleAt(CONNECT_AT, () -> sender.tcpConnect(address("2001:db8::a"), PORT, source));

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        while (!sink.closed && simulator.now() - Math.max(CONNECT_AT, sink.lastByteAt) < STALL_LIMIT) {
            simulator.runUntil(simulator.now() + SLICE);
        }
        long wallNanos = System.nanoTime() - wallStart;
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;

        Map<String, Long> counters = sender.snapshot().counters();
        long retransmissions = counters.getOrDefault("tcp.retransmissions", 0L);
        long fastRetransmits = counters.getOrDefault("tcp.fast-retransmits", 0L);
        long simulated = sink.lastByteAt - source.establishedAt;
        return new Result(bytes, loss, sink.received, sink.firstMismatch, Math.max(0, simulated), wallNanos, cpuNanos, simulator.eventsRun(),
                recorder.frames(), retransmissions, timeoutEpisodes[0], fastRetransmits, senderNic.transmitDrops(), !sink.closed);
    }

    private static DualStack stack(Simulator simulator, Segment segment, String name, int host, String address, Consumer<StackEvent> events) {
        DualStack stack = new DualStack();
        Nic nic = segment.attach(name, "eth0", new MacAddress(0x0200_0000_0000L | host), (n, frame) -> stack.receive(0, frame));
        stack.start(new NicStackHost(name, List.of("--ipv6=" + address + "/64", "--ipv6-only=true", "--accept-router-advertisements=false"),
                simulator, DeterministicRandom.forComponent(SEED, "node:" + name), nic, events, () -> null));
        return stack;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError("an IPv6 literal needs no lookup", e);
        }
    }

    /** Writes {@code bytes} bytes of the pattern as the send buffer frees up, then closes. */
    private static final class Source implements TcpHandler {
        private final Simulator simulator;
        private final long bytes;
        private long written;
        long establishedAt;

        Source(Simulator simulator, long bytes) {
            this.simulator = simulator;
            this.bytes = bytes;
        }

        @Override
        public void onEstablished(TcpConnection connection) {
            establishedAt = simulator.now();
            fill(connection);
        }

        @Override
        public void onWritable(TcpConnection connection) {
            fill(connection);
        }

        @Override
        public void onData(TcpConnection connection, byte[] data) {
        }

        private void fill(TcpConnection connection) {
            if (written == bytes) {
                return;
            }
            // Whole chunks keep every write at phase 0, so one array serves them all. The send
            // buffer takes 1 MiB and the window is 64 KiB, so waiting for a chunk's worth of space
            // never leaves the connection without data to send.
            while (written < bytes && connection.writableBytes() >= Math.min(bytes - written, PATTERN_CHUNK)) {
                int length = (int) Math.min(bytes - written, PATTERN_CHUNK);
                connection.write(length == PATTERN_CHUNK ? CHUNK : Arrays.copyOf(PATTERN, length));
                written += length;
            }
            if (written == bytes) {
                connection.close();
            }
        }
    }

    /** Counts what arrives and compares it with the pattern; closes when the sender closes. */
    private static final class Sink implements TcpHandler {
        private final Simulator simulator;
        long received;
        long firstMismatch = -1;
        long lastByteAt;
        boolean closed;

        Sink(Simulator simulator) {
            this.simulator = simulator;
        }

        @Override
        public void onEstablished(TcpConnection connection) {
        }

        @Override
        public void onData(TcpConnection connection, byte[] data) {
            int checked = 0;
            while (checked < data.length && firstMismatch < 0) {
                int length = Math.min(data.length - checked, PATTERN_CHUNK);
                int phase = (int) ((received + checked) & 0xff);
                int mismatch = Arrays.mismatch(data, checked, checked + length, PATTERN, phase, phase + length);
                if (mismatch >= 0) {
                    firstMismatch = received + checked + mismatch;
                }
                checked += length;
            }
            received += data.length;
            lastByteAt = simulator.now();
        }

        @Override
        public void onRemoteClose(TcpConnection connection) {
            connection.close();
        }

        @Override
        public void onClosed(TcpConnection connection, String reason) {
            closed = true;
        }
    }
}
