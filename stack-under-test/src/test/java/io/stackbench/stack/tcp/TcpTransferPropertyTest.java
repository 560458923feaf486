package io.stackbench.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.net.LinkProfile;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.DualStack;
import io.stackbench.stack.tcp.TransferEndpoint.WritePattern;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Transfers between two stacks on a seeded, impaired segment (RFC 9293 §3.10, SPEC section 7):
 * whatever loss, duplication, reordering, corruption and jitter the link injects, each side
 * receives exactly the bytes the other wrote, in order and once; both connections reach CLOSED or
 * TIME-WAIT without stalling for {@link #STALL_LIMIT}, and CLOSED within {@link #TIME_WAIT_LIMIT}
 * after that; no exception leaves the simulator and no layer throws behind the stack's catch.
 *
 * <p>Every failure message starts with the case, which names the seed and every setting. To run
 * that case alone, pass it in the system property {@value #REPLAY_PROPERTY}:
 * {@code mvn -pl stack-under-test -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=TcpTransferPropertyTest -Dtcp.transfer.case="seed=1, family=IPv4, ..."}.
 */
class TcpTransferPropertyTest {

    private static final int PORT = 80;
    /** The impairments start here, after DAD made the static IPv6 addresses PREFERRED (at most 2 s). */
    private static final long START = SimTime.seconds(3);
    /**
     * Longest time without progress (a byte delivered, an acknowledgment, a state change) before
     * both connections are CLOSED or in TIME-WAIT. A connection gives up at its ninth timeout in a
     * row, which takes at most 9 minutes with the RTO capped at 60 s (RFC 6298 §2.5).
     */
    private static final long STALL_LIMIT = SimTime.seconds(900);
    /**
     * Bound on the whole transfer and both closes, loose on purpose. Without fast retransmit every
     * hole that loss leaves waits for a retransmission timeout. RFC 6298's backed-off RTO stays near
     * its 60 s maximum until a new round-trip sample, so 300 KB over a lossy link can take hours.
     */
    private static final long SETTLE_LIMIT = SimTime.seconds(86_400);
    /** Bound on TIME-WAIT: 2 MSL with RFC 9293's suggested MSL of 2 minutes, plus a second. */
    private static final long TIME_WAIT_LIMIT = SimTime.seconds(241);
    private static final long POLL_INTERVAL = SimTime.seconds(1);
    /** Examples per run. A longer run sets another count with {@code -Dtcp.transfer.examples=N}. */
    private static final int EXAMPLES = Integer.getInteger("tcp.transfer.examples", 500);
    /** Seed of the generated cases. {@code -Dtcp.transfer.seed=N} draws another set. */
    private static final long SEED = Long.getLong("tcp.transfer.seed", 9293L);
    /** System property that runs only the case it contains, written as in a failure message. */
    private static final String REPLAY_PROPERTY = "tcp.transfer.case";

    /** The link impairments of one case, as in {@link LinkProfile}. */
    record Impairment(long latencyNanos, long bandwidthBitsPerSecond, double loss, double duplication, double reordering,
            long reorderDelayNanos, double corruption, long jitterNanos) {

        LinkProfile clean() {
            return new LinkProfile(latencyNanos, bandwidthBitsPerSecond, LinkProfile.ETHERNET_MTU, LinkProfile.DEFAULT_QUEUE_LIMIT_BYTES, 0.0);
        }

        LinkProfile impaired() {
            return new LinkProfile(latencyNanos, bandwidthBitsPerSecond, LinkProfile.ETHERNET_MTU, LinkProfile.DEFAULT_QUEUE_LIMIT_BYTES, loss,
                    duplication, reordering, reorderDelayNanos, corruption, jitterNanos);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "latency=%dns, bandwidth=%dbit/s, loss=%s, duplication=%s, reordering=%s, reorderDelay=%dns,"
                    + " corruption=%s, jitter=%dns", latencyNanos, bandwidthBitsPerSecond, loss, duplication, reordering, reorderDelayNanos,
                    corruption, jitterNanos);
        }
    }

    /**
     * One generated transfer: stack a connects to b's listener over {@code ipv6} or IPv4, a writes
     * {@code bytesAToB} and b writes {@code bytesBToA}. a closes after its last write; b does too,
     * or waits for a's FIN first when {@code bClosesAfterRemoteClose}.
     */
    record TransferCase(long seed, boolean ipv6, int bytesAToB, int bytesBToA, WritePattern patternA, WritePattern patternB,
            boolean bClosesAfterRemoteClose, Impairment impairment) {

        /** Returns every field as {@code name=value}, in the form {@link #parse} reads. */
        @Override
        public String toString() {
            return "seed=" + seed + ", family=" + (ipv6 ? "IPv6" : "IPv4") + ", aToB=" + bytesAToB + ", patternA=" + patternA + ", bToA="
                    + bytesBToA + ", patternB=" + patternB + ", bClosesAfterRemoteClose=" + bClosesAfterRemoteClose + ", " + impairment;
        }

        /** Reads the output of {@link #toString}, to replay a case from a failure message. */
        static TransferCase parse(String text) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : text.trim().split(",\\s*")) {
                int equals = field.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("invalid field '" + field + "' in case '" + text + "': expected name=value");
                }
                fields.put(field.substring(0, equals).trim(), field.substring(equals + 1).trim().replaceAll("(ns|bit/s)$", ""));
            }
            Impairment impairment = new Impairment(Long.parseLong(fields.get("latency")), Long.parseLong(fields.get("bandwidth")),
                    Double.parseDouble(fields.get("loss")), Double.parseDouble(fields.get("duplication")),
                    Double.parseDouble(fields.get("reordering")), Long.parseLong(fields.get("reorderDelay")),
                    Double.parseDouble(fields.get("corruption")), Long.parseLong(fields.get("jitter")));
            return new TransferCase(Long.parseLong(fields.get("seed")), fields.get("family").equals("IPv6"),
                    Integer.parseInt(fields.get("aToB")), Integer.parseInt(fields.get("bToA")), WritePattern.valueOf(fields.get("patternA")),
                    WritePattern.valueOf(fields.get("patternB")), Boolean.parseBoolean(fields.get("bClosesAfterRemoteClose")), impairment);
        }
    }

    /** What a run showed beyond the checks it asserts on its own. */
    record Outcome(boolean checksumEscaped) {
    }

    @Test
    void transferArrivesExactlyOnceAndBothSidesClose() {
        String replay = System.getProperty(REPLAY_PROPERTY);
        if (replay != null) {
            run(TransferCase.parse(replay));
            return;
        }
        int[] escaped = new int[1];
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).withShrinkCycles(40).forAll(cases()).checkAssert(c -> {
            if (run(c).checksumEscaped()) {
                escaped[0]++;
            }
        });
        // Each exempted case had a corrupted frame that passed every checksum. Many of them would leave the property unchecked.
        assertThat(escaped[0]).as("cases exempted because corruption passed a checksum").isLessThan(EXAMPLES / 10);
    }

    @Test
    void transferCaseParsesItsOwnText() {
        TransferCase c = new TransferCase(-42, true, 1_000, 0, WritePattern.TIMED_WRITES, WritePattern.SMALL_WRITES, true,
                new Impairment(10_000, 1_000_000_000, 0.05, 0.01, 0.2, 50_000, 0.001, 2_000));

        assertThat(TransferCase.parse(c.toString())).isEqualTo(c);
    }

    static Gen<TransferCase> cases() {
        Gen<Integer> sizes = integers().between(0, 9).zip(integers().between(0, 300_000), TcpTransferPropertyTest::size);
        Gen<WritePattern> patterns = Generate.enumValues(WritePattern.class);
        Gen<Impairment> impairments = impairments();
        Gen<long[]> seedAndFamily = longs().all().zip(booleans().all(), booleans().all(), (seed, ipv6, closeAfter) ->
                new long[] {seed, ipv6 ? 1 : 0, closeAfter ? 1 : 0});
        Gen<int[]> sizePair = sizes.zip(sizes, (x, y) -> new int[] {x, y});
        Gen<WritePattern[]> patternPair = patterns.zip(patterns, (x, y) -> new WritePattern[] {x, y});
        return seedAndFamily.zip(sizePair, patternPair, impairments, (s, n, p, i) ->
                new TransferCase(s[0], s[1] == 1, n[0], n[1], p[0], p[1], s[2] == 1, i));
    }

    /** Returns 0 bytes for 3 of 10 kinds, up to 2,000 bytes for 3 more, and up to 300,000 bytes for the rest. */
    private static int size(int kind, int bytes) {
        if (kind < 3) {
            return 0;
        }
        if (kind < 6) {
            return bytes % 2_000;
        }
        return bytes;
    }

    /** Generates link settings where each impairment is off in about half the cases, so cases also show each one alone. */
    private static Gen<Impairment> impairments() {
        Gen<Long> latency = longs().between(SimTime.MICROSECOND * 10, SimTime.MILLISECOND * 10);
        Gen<Long> bandwidth = Generate.pick(List.of(0L, 10_000_000L, 1_000_000_000L));
        Gen<Double> loss = maybe(doubles().between(0.0, 0.1));
        Gen<Double> duplication = maybe(doubles().between(0.0, 0.1));
        Gen<Double> reordering = maybe(doubles().between(0.0, 0.2));
        Gen<Long> reorderDelay = longs().between(SimTime.MICROSECOND * 10, SimTime.MILLISECOND * 50);
        Gen<Double> corruption = maybe(doubles().between(0.0, 0.02));
        Gen<Long> jitter = booleans().all().zip(longs().between(1, SimTime.MILLISECOND * 2), (on, value) -> on ? value : 0L);
        Gen<long[]> timing = latency.zip(bandwidth, reorderDelay, jitter, (l, b, r, j) -> new long[] {l, b, r, j});
        Gen<double[]> probabilities = loss.zip(duplication, reordering, corruption, (l, d, r, c) -> new double[] {l, d, r, c});
        return timing.zip(probabilities, (t, p) -> new Impairment(t[0], t[1], p[0], p[1], p[2], t[2], p[3], t[3]));
    }

    private static Gen<Double> maybe(Gen<Double> probability) {
        return booleans().all().zip(probability, (on, value) -> on ? value : 0.0);
    }

    // ---- one run ----

    static Outcome run(TransferCase c) {
        TcpPair pair = new TcpPair(c.seed(), c.impairment().clean());
        byte[] aToB = TransferEndpoint.randomBytes(c.bytesAToB(), c.seed() * 31 + 1);
        byte[] bToA = TransferEndpoint.randomBytes(c.bytesBToA(), c.seed() * 31 + 2);
        TransferEndpoint client = new TransferEndpoint("a", pair.simulator, aToB, c.patternA(), false, c.seed() * 31 + 3);
        TransferEndpoint server = new TransferEndpoint("b", pair.simulator, bToA, c.patternB(), c.bClosesAfterRemoteClose(), c.seed() * 31 + 4);
        pair.b.tcpListen(PORT, server);
        runUntil(pair, c, START);

        pair.segment.setProfile(c.impairment().impaired());
        InetAddress target = c.ipv6() ? TcpPair.B_IPV6 : TcpPair.B_IPV4;
        client.connection = pair.a.tcpConnect(target, PORT, client);
        if (c.patternA() == WritePattern.ONE_WRITE_BEFORE_ESTABLISHED) {
            client.startWriting();
        }

        long settled = runUntilSettled(pair, c, client, server);
        boolean escaped = !pair.checksumEscapes.isEmpty();
        if (!escaped) {
            checkDelivery(c, client, server, aToB, bToA);
            runUntil(pair, c, settled + TIME_WAIT_LIMIT);
            checkClosed(c, "a", client, pair.a);
            checkClosed(c, "b", server, pair.b);
        }
        checkNoInternalError(c, pair);
        return new Outcome(escaped);
    }

    /**
     * Runs until both connections are CLOSED or in TIME-WAIT and returns that time. Fails when
     * nothing progresses for {@link #STALL_LIMIT} or the total passes {@link #SETTLE_LIMIT}.
     */
    private static long runUntilSettled(TcpPair pair, TransferCase c, TransferEndpoint client, TransferEndpoint server) {
        long deadline = START + SETTLE_LIMIT;
        String lastProgress = progress(pair, client, server);
        long lastProgressAt = pair.simulator.now();
        while (!settled(client) || !settled(server)) {
            long now = pair.simulator.now();
            if (now >= deadline || now - lastProgressAt > STALL_LIMIT) {
                if (!pair.checksumEscapes.isEmpty()) {
                    // A changed header that passed its checksum can leave a side waiting forever, for example in FIN-WAIT-2.
                    return now;
                }
                throw new AssertionError(c + ": not CLOSED or TIME-WAIT at " + SimTime.format(now) + ", no progress since "
                        + SimTime.format(lastProgressAt) + ": a is " + stateOf(client) + ", b is " + stateOf(server) + "; a received "
                        + client.received.size() + " of " + c.bytesBToA() + " bytes, b received " + server.received.size() + " of "
                        + c.bytesAToB() + "; failures " + client.failures + server.failures + "; sockets a "
                        + pair.a.snapshot().tcpConnections() + ", b " + pair.b.snapshot().tcpConnections());
            }
            runUntil(pair, c, now + POLL_INTERVAL);
            String current = progress(pair, client, server);
            if (!current.equals(lastProgress)) {
                lastProgress = current;
                lastProgressAt = pair.simulator.now();
            }
        }
        return pair.simulator.now();
    }

    /** Returns what has to change for the transfer to count as progressing: bytes received, states and SND.UNA on both sides. */
    private static String progress(TcpPair pair, TransferEndpoint client, TransferEndpoint server) {
        StringBuilder text = new StringBuilder();
        text.append(client.received.size()).append(' ').append(server.received.size()).append(' ');
        text.append(stateOf(client)).append(' ').append(stateOf(server));
        for (StackSnapshot.TcpSocket socket : pair.a.snapshot().tcpConnections()) {
            text.append(' ').append(socket.sndUna());
        }
        for (StackSnapshot.TcpSocket socket : pair.b.snapshot().tcpConnections()) {
            text.append(' ').append(socket.sndUna());
        }
        return text.toString();
    }

    private static boolean settled(TransferEndpoint endpoint) {
        if (endpoint.connection == null) {
            return false;
        }
        String state = endpoint.connection.state();
        return state.equals("CLOSED") || state.equals("TIME-WAIT");
    }

    private static String stateOf(TransferEndpoint endpoint) {
        return endpoint.connection == null ? "not connected" : endpoint.connection.state();
    }

    private static void runUntil(TcpPair pair, TransferCase c, long time) {
        try {
            pair.simulator.runUntil(time);
        } catch (RuntimeException e) {
            throw new AssertionError(c + ": exception out of the simulator at " + SimTime.format(pair.simulator.now()) + ": " + e, e);
        }
    }

    private static void checkDelivery(TransferCase c, TransferEndpoint client, TransferEndpoint server, byte[] aToB, byte[] bToA) {
        assertThat(client.failures).as("%s: failed calls on a", c).isEmpty();
        assertThat(server.failures).as("%s: failed calls on b", c).isEmpty();
        assertThat(server.establishedCount).as("%s: connections b accepted", c).isEqualTo(1);
        String endings = "a ended " + client.closedReasons + ", b ended " + server.closedReasons;
        assertSameBytes(c, "b", server.received.toByteArray(), aToB, endings);
        assertSameBytes(c, "a", client.received.toByteArray(), bToA, endings);
        // A side still in TIME-WAIT has no reason yet; one that left it or sent the last FIN must have closed in order.
        assertThat(client.closedReasons).as("%s: how a's connection ended so far", c).isSubsetOf("closed");
        assertThat(server.closedReasons).as("%s: how b's connection ended so far", c).isSubsetOf("closed");
    }

    /** Compares content, not only length, and names the first differing offset. */
    private static void assertSameBytes(TransferCase c, String receiver, byte[] actual, byte[] expected, String endings) {
        int mismatch = Arrays.mismatch(actual, expected);
        if (mismatch >= 0) {
            throw new AssertionError(c + ": " + receiver + " received " + actual.length + " bytes, expected " + expected.length
                    + "; first difference at offset " + mismatch + "; " + endings);
        }
    }

    private static void checkClosed(TransferCase c, String name, TransferEndpoint endpoint, DualStack stack) {
        assertThat(endpoint.connection.state()).as("%s: %s's connection %s after TIME-WAIT", c, name, endpoint.connection).isEqualTo("CLOSED");
        assertThat(endpoint.closedReasons).as("%s: how %s's connection ended", c, name).containsExactly("closed");
        List<StackSnapshot.TcpSocket> open = stack.snapshot().tcpConnections().stream().filter(s -> !s.state().equals("LISTEN")).toList();
        assertThat(open).as("%s: connections %s still has", c, name).isEmpty();
    }

    private static void checkNoInternalError(TransferCase c, TcpPair pair) {
        assertThat(pair.a.snapshot().counter("drop.internal-error")).as("%s: drop.internal-error on a, events %s", c,
                pair.events("internal-error")).isZero();
        assertThat(pair.b.snapshot().counter("drop.internal-error")).as("%s: drop.internal-error on b, events %s", c,
                pair.events("internal-error")).isZero();
    }
}
