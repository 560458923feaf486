package io.stackbench.sim.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.random.DeterministicRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SegmentTest {

    private static final MacAddress A = MacAddress.parse("02:00:00:00:00:0a");
    private static final MacAddress B = MacAddress.parse("02:00:00:00:00:0b");
    private static final MacAddress C = MacAddress.parse("02:00:00:00:00:0c");
    private static final MacAddress GROUP = MacAddress.parse("33:33:ff:00:00:01");

    private Simulator sim;
    private List<String> received;
    private List<String> recorded;

    @BeforeEach
    void setUp() {
        sim = new Simulator();
        received = new ArrayList<>();
        recorded = new ArrayList<>();
    }

    private Segment segment(LinkProfile profile) {
        return new Segment(sim, "lan", 0, profile, DeterministicRandom.forComponent(1, "lan"),
                (segment, time, frame, comment) -> recorded.add(time + " " + comment));
    }

    private Nic attach(Segment segment, String node, MacAddress mac) {
        return segment.attach(node, "eth0", mac, (nic, frame) -> received.add(node + "@" + sim.now()));
    }

    private static byte[] frameTo(MacAddress destination, MacAddress source) {
        byte[] frame = new byte[60];
        destination.write(frame, 0);
        source.write(frame, 6);
        return frame;
    }

    @Test
    void unicastReachesOnlyOwner() {
        Segment lan = segment(LinkProfile.DEFAULT);
        Nic a = attach(lan, "a", A);
        attach(lan, "b", B);
        attach(lan, "c", C);

        a.transmit(frameTo(B, A));
        sim.runAll();

        assertThat(received).containsExactly("b@1000");
    }

    @Test
    void broadcastReachesAllButSender() {
        Segment lan = segment(LinkProfile.DEFAULT);
        Nic a = attach(lan, "a", A);
        attach(lan, "b", B);
        attach(lan, "c", C);

        a.transmit(frameTo(MacAddress.BROADCAST, A));
        sim.runAll();

        assertThat(received).containsExactly("b@1000", "c@1000");
    }

    @Test
    void multicastReachesOnlyMembers() {
        Segment lan = segment(LinkProfile.DEFAULT);
        Nic a = attach(lan, "a", A);
        attach(lan, "b", B);
        Nic c = attach(lan, "c", C);

        c.joinMulticast(GROUP);
        a.transmit(frameTo(GROUP, A));
        sim.runAll();

        assertThat(received).containsExactly("c@1000");
    }

    @Test
    void unknownUnicastIsFlooded() {
        Segment lan = segment(LinkProfile.DEFAULT);
        Nic a = attach(lan, "a", A);
        attach(lan, "b", B);

        a.transmit(frameTo(MacAddress.parse("02:00:00:00:00:99"), A));
        sim.runAll();

        assertThat(received).containsExactly("b@1000");
    }

    @Test
    void downInterfaceNeitherSendsNorReceives() {
        Segment lan = segment(LinkProfile.DEFAULT);
        Nic a = attach(lan, "a", A);
        Nic b = attach(lan, "b", B);

        b.setUp(false);
        a.transmit(frameTo(B, A));
        b.transmit(frameTo(A, B));
        sim.runAll();

        assertThat(received).isEmpty();
        assertThat(b.transmitDrops()).isEqualTo(1);
        assertThat(recorded).hasSize(1);
    }

    @Test
    void bandwidthSerializesBackToBackFrames() {
        // 60 bytes at 4.8 Mbit/s take 100 µs on the wire.
        Segment lan = segment(new LinkProfile(0, 4_800_000, 1500, 1_000_000, 0.0));
        Nic a = attach(lan, "a", A);
        attach(lan, "b", B);

        a.transmit(frameTo(B, A));
        a.transmit(frameTo(B, A));
        sim.runAll();

        assertThat(recorded).containsExactly("0 null", "100000 null");
        assertThat(received).containsExactly("b@100000", "b@200000");
    }

    @Test
    void oversizeFrameIsDropped() {
        Segment lan = segment(new LinkProfile(0, 0, 1280, 1_000_000, 0.0));
        Nic a = attach(lan, "a", A);
        attach(lan, "b", B);

        a.transmit(new byte[14 + 1281]);
        sim.runAll();

        assertThat(received).isEmpty();
        assertThat(lan.framesOversize()).isEqualTo(1);
    }

    @Test
    void promiscuousNicGetsEveryMulticast() {
        Segment lan = segment(LinkProfile.DEFAULT);
        Nic a = attach(lan, "a", A);
        Nic b = attach(lan, "b", B);
        Nic c = attach(lan, "c", C);

        b.setPromiscuous(true);
        c.joinMulticast(GROUP);
        a.transmit(frameTo(GROUP, A));
        a.transmit(frameTo(MacAddress.parse("33:33:00:00:00:01"), A));
        sim.runAll();

        assertThat(received).containsExactly("b@1000", "c@1000", "b@1000");
    }

    @Test
    void seededLossIsRecordedAndRepeatable() {
        List<String> firstRun = runLossy();
        List<String> secondRun = runLossy();

        assertThat(firstRun).isEqualTo(secondRun);
        assertThat(firstRun).anyMatch(line -> line.contains("lost on link lan"));
        assertThat(firstRun).anyMatch(line -> line.endsWith("null"));
    }

    private List<String> runLossy() {
        setUp();
        Segment lan = segment(LinkProfile.DEFAULT.withLoss(0.5));
        Nic a = attach(lan, "a", A);
        attach(lan, "b", B);
        for (int i = 0; i < 40; i++) {
            a.transmit(frameTo(B, A));
        }
        sim.runAll();
        return List.copyOf(recorded);
    }

    /** One frame as the recorder saw it or a receiver got it. */
    private record Seen(long time, int sequence, byte[] bytes, String comment) {
    }

    /**
     * Runs {@code count} frames from a to b over {@code profile}, one every {@code spacingNanos},
     * each carrying its sequence number at offset 14, and collects what was recorded and delivered.
     */
    private static final class ImpairedRun {
        final Simulator simulator = new Simulator();
        final List<Seen> recorded = new ArrayList<>();
        final List<Seen> delivered = new ArrayList<>();
        final List<byte[]> sent = new ArrayList<>();
        final Segment lan;

        /** The sequence number of each array the segment recorded, found by identity, for its deliveries. */
        private final Map<byte[], Integer> sequenceOfArray = new IdentityHashMap<>();

        ImpairedRun(LinkProfile profile, long seed, int count, long spacingNanos) {
            lan = new Segment(simulator, "lan", 0, profile, DeterministicRandom.forComponent(seed, "segment:lan"), this::record);
            Nic a = lan.attach("a", "eth0", A, (nic, frame) -> { });
            lan.attach("b", "eth0", B, (nic, frame) -> delivered.add(new Seen(simulator.now(), sequenceOfArray.get(frame), frame, null)));
            for (int i = 0; i < count; i++) {
                byte[] frame = frameWithSequence(i);
                sent.add(frame);
                int sequence = i;
                simulator.scheduleAt(i * spacingNanos, () -> a.transmit(frame, "frame " + sequence));
            }
            simulator.runAll();
        }

        /** Records a frame. Its sequence number comes from the comment, because corruption may change its bytes. */
        private void record(Segment segment, long time, byte[] frame, String comment) {
            int sequence = Integer.parseInt(comment.split("[ ;]")[1]);
            sequenceOfArray.put(frame, sequence);
            recorded.add(new Seen(time, sequence, frame.clone(), comment));
        }

        long deliveriesOf(int sequence) {
            return delivered.stream().filter(seen -> seen.sequence() == sequence).count();
        }

        long commentsContaining(String text) {
            return recorded.stream().filter(seen -> seen.comment() != null && seen.comment().contains(text)).count();
        }
    }

    private static List<Integer> differingOffsets(byte[] first, byte[] second) {
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < Math.min(first.length, second.length); i++) {
            if (first[i] != second[i]) {
                offsets.add(i);
            }
        }
        return offsets;
    }

    @Test
    void duplicationDeliversCopyAfterOriginal() {
        ImpairedRun run = new ImpairedRun(LinkProfile.DEFAULT.withDuplication(0.4), 1, 40, 10_000);

        assertThat(run.lan.framesDuplicated()).isBetween(1L, 39L);
        assertThat(run.delivered).hasSize(40 + (int) run.lan.framesDuplicated());
        assertThat(run.commentsContaining("duplicate made by link lan (seeded duplication 0.4)")).isEqualTo(run.lan.framesDuplicated());
        assertThat(run.recorded).hasSize(40 + (int) run.lan.framesDuplicated());
        for (int i = 0; i < 40; i++) {
            int sequence = i;
            List<Seen> copies = run.delivered.stream().filter(seen -> seen.sequence() == sequence).toList();
            assertThat(copies.get(0).time()).as("original of frame %d", i).isEqualTo(i * 10_000L + 1_000);
            if (copies.size() == 2) {
                assertThat(copies.get(1).time()).as("copy of frame %d", i).isEqualTo(copies.get(0).time() + Segment.DUPLICATE_GAP_NANOS);
            }
        }
    }

    @Test
    void duplicateIsRecordedAsOwnFrame() {
        ImpairedRun run = new ImpairedRun(LinkProfile.DEFAULT.withDuplication(0.4), 1, 40, 10_000);

        for (int i = 0; i < run.recorded.size(); i++) {
            Seen seen = run.recorded.get(i);
            if (seen.comment().contains("duplicate")) {
                Seen original = run.recorded.get(i - 1);
                assertThat(seen.time()).isEqualTo(original.time() + Segment.DUPLICATE_GAP_NANOS);
                assertThat(seen.bytes()).isEqualTo(original.bytes());
                assertThat(seen.comment()).startsWith(original.comment() + "; ");
            }
        }
    }

    @Test
    void reorderingLetsLaterFramesOvertake() {
        ImpairedRun run = new ImpairedRun(LinkProfile.DEFAULT.withReordering(0.3, 25_000), 1, 40, 10_000);

        assertThat(run.lan.framesReordered()).isBetween(1L, 39L);
        assertThat(run.commentsContaining("held back 0.000025s by link lan (seeded reordering 0.3)")).isEqualTo(run.lan.framesReordered());
        List<Integer> arrivalOrder = run.delivered.stream().map(Seen::sequence).toList();
        assertThat(arrivalOrder).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 40).boxed().toList());
        assertThat(arrivalOrder).isNotEqualTo(arrivalOrder.stream().sorted().toList());
        for (Seen seen : run.delivered) {
            long sentAt = seen.sequence() * 10_000L;
            boolean held = run.recorded.stream().anyMatch(r -> r.sequence() == seen.sequence() && r.comment().contains("held back"));
            assertThat(seen.time()).as("arrival of frame %d", seen.sequence()).isEqualTo(sentAt + 1_000 + (held ? 25_000 : 0));
        }
    }

    @Test
    void reorderedFrameRecordedAfterHold() {
        ImpairedRun run = new ImpairedRun(LinkProfile.DEFAULT.withReordering(0.3, 25_000), 1, 40, 10_000);

        for (Seen seen : run.recorded) {
            long sentAt = seen.sequence() * 10_000L;
            long expected = seen.comment().contains("held back") ? sentAt + 25_000 : sentAt;
            assertThat(seen.time()).as("capture time of frame %d", seen.sequence()).isEqualTo(expected);
        }
        List<Long> times = run.recorded.stream().map(Seen::time).toList();
        assertThat(times).isSorted();
    }

    @Test
    void corruptionFlipsBytesAfterHeader() {
        ImpairedRun run = new ImpairedRun(LinkProfile.DEFAULT.withCorruption(0.5), 1, 40, 10_000);
        Pattern flipped = Pattern.compile("corrupted by link lan \\(seeded corruption 0.5\\): flipped bytes at offsets ([0-9, ]+)");

        assertThat(run.lan.framesCorrupted()).isBetween(1L, 39L);
        assertThat(run.recorded).hasSize(40);
        int corrupted = 0;
        for (int i = 0; i < 40; i++) {
            Seen seen = run.recorded.get(i);
            assertThat(run.sent.get(i)).as("sender's array of frame %d", i).isEqualTo(frameWithSequence(i));
            List<Integer> differing = differingOffsets(run.sent.get(i), seen.bytes());
            Matcher matcher = flipped.matcher(seen.comment());
            if (matcher.find()) {
                corrupted++;
                List<Integer> named = Arrays.stream(matcher.group(1).split(", ")).map(Integer::valueOf).toList();
                assertThat(differing).as("flipped offsets of frame %d", i).isEqualTo(named);
                assertThat(differing).hasSizeBetween(1, Segment.MAX_CORRUPTED_BYTES);
                assertThat(differing).allMatch(offset -> offset >= LinkProfile.ETHERNET_HEADER_LENGTH);
            } else {
                assertThat(differing).as("bytes of frame %d", i).isEmpty();
            }
        }
        assertThat(corrupted).isEqualTo((int) run.lan.framesCorrupted());
    }

    private static byte[] frameWithSequence(int sequence) {
        byte[] frame = frameTo(B, A);
        frame[14] = (byte) sequence;
        return frame;
    }

    @Test
    void corruptedFrameIsDeliveredAsRecorded() {
        ImpairedRun run = new ImpairedRun(LinkProfile.DEFAULT.withCorruption(0.5), 1, 40, 10_000);

        assertThat(run.delivered).hasSize(run.recorded.size());
        for (int i = 0; i < run.recorded.size(); i++) {
            assertThat(run.delivered.get(i).bytes()).as("frame %d", i).isEqualTo(run.recorded.get(i).bytes());
        }
    }

    @Test
    void jitterKeepsFramesOfOneInterfaceInOrder() {
        ImpairedRun run = new ImpairedRun(LinkProfile.DEFAULT.withJitter(50_000), 1, 40, 1_000);

        List<Integer> arrivalOrder = run.delivered.stream().map(Seen::sequence).toList();
        assertThat(arrivalOrder).isSorted();
        assertThat(run.delivered).hasSize(40);
        assertThat(run.lan.framesJittered()).isPositive();
        assertThat(run.commentsContaining("late by seeded jitter on link lan")).isEqualTo(run.lan.framesJittered());
        for (Seen seen : run.delivered) {
            long earliest = seen.sequence() * 1_000L + 1_000;
            assertThat(seen.time()).as("arrival of frame %d", seen.sequence()).isBetween(earliest, earliest + 50_000 - 1);
        }
        assertThat(run.delivered).anyMatch(seen -> seen.time() > seen.sequence() * 1_000L + 1_000);
    }

    @Test
    void jitterWithReorderingReorders() {
        LinkProfile profile = LinkProfile.DEFAULT.withJitter(5_000).withReordering(0.3, 20_000);
        ImpairedRun run = new ImpairedRun(profile, 1, 40, 1_000);

        List<Integer> arrivalOrder = run.delivered.stream().map(Seen::sequence).toList();
        assertThat(arrivalOrder).isNotEqualTo(arrivalOrder.stream().sorted().toList());
    }

    private static final LinkProfile EVERY_IMPAIRMENT = new LinkProfile(2_000, 100_000_000, 1500, 1_000_000, 0.1,
            0.2, 0.2, 30_000, 0.2, 4_000);

    @Test
    void sameSeedGivesSameImpairments() {
        ImpairedRun first = new ImpairedRun(EVERY_IMPAIRMENT, 7, 60, 3_000);
        ImpairedRun second = new ImpairedRun(EVERY_IMPAIRMENT, 7, 60, 3_000);

        assertThat(describe(first.recorded)).isEqualTo(describe(second.recorded));
        assertThat(describe(first.delivered)).isEqualTo(describe(second.delivered));
        assertThat(first.lan.framesLost()).isPositive();
        assertThat(first.lan.framesDuplicated()).isPositive();
        assertThat(first.lan.framesReordered()).isPositive();
        assertThat(first.lan.framesCorrupted()).isPositive();
        assertThat(first.lan.framesJittered()).isPositive();
    }

    @Test
    void otherSeedGivesOtherImpairments() {
        ImpairedRun first = new ImpairedRun(EVERY_IMPAIRMENT, 7, 60, 3_000);
        ImpairedRun second = new ImpairedRun(EVERY_IMPAIRMENT, 8, 60, 3_000);

        assertThat(describe(first.recorded)).isNotEqualTo(describe(second.recorded));
    }

    private static List<String> describe(List<Seen> frames) {
        List<String> lines = new ArrayList<>();
        for (Seen seen : frames) {
            lines.add(seen.time() + " " + seen.sequence() + " " + Arrays.toString(seen.bytes()) + " " + seen.comment());
        }
        return lines;
    }

    @Test
    void zeroImpairmentsKeepTimingAndDraws() {
        // 60 bytes at 4.8 Mbit/s take 100 µs to serialize; the latency adds 5 µs.
        LinkProfile lossOnly = new LinkProfile(5_000, 4_800_000, 1500, 1_000_000, 0.5, 0.0, 0.0, 0, 0.0, 0);
        ImpairedRun run = new ImpairedRun(lossOnly, 3, 30, 50_000);

        DeterministicRandom expectedDraws = DeterministicRandom.forComponent(3, "segment:lan");
        long freeAt = 0;
        List<String> expectedRecorded = new ArrayList<>();
        List<String> expectedDelivered = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long start = Math.max(i * 50_000L, freeAt);
            freeAt = start + 100_000;
            boolean lost = expectedDraws.nextDouble() < 0.5;
            expectedRecorded.add(start + " " + i + (lost ? " lost" : " kept"));
            if (!lost) {
                expectedDelivered.add((start + 105_000) + " " + i);
            }
        }

        List<String> actualRecorded = run.recorded.stream()
                .map(seen -> seen.time() + " " + seen.sequence() + (seen.comment().contains("lost") ? " lost" : " kept")).toList();
        List<String> actualDelivered = run.delivered.stream().map(seen -> seen.time() + " " + seen.sequence()).toList();
        assertThat(actualRecorded).isEqualTo(expectedRecorded);
        assertThat(actualDelivered).isEqualTo(expectedDelivered);
        assertThat(run.recorded).allMatch(seen -> seen.comment().equals("frame " + seen.sequence())
                || seen.comment().equals("frame " + seen.sequence() + "; lost on link lan (seeded loss 0.5)"));
    }

    @Test
    void profileChangeSparesFramesInFlight() {
        Segment lan = segment(new LinkProfile(10_000, 0, 1500, 1_000_000, 0.0));
        Nic a = attach(lan, "a", A);
        attach(lan, "b", B);

        a.transmit(frameTo(B, A), "before");
        sim.scheduleAt(5_000, () -> lan.setProfile(lan.profile().withJitter(1_000).withDuplication(0.9)));
        sim.scheduleAt(20_000, () -> a.transmit(frameTo(B, A), "after"));
        sim.runAll();

        assertThat(received.get(0)).isEqualTo("b@10000");
        assertThat(recorded.get(0)).isEqualTo("0 before");
        assertThat(recorded.get(1)).startsWith("20000 after");
        assertThat(lan.framesDuplicated() + lan.framesJittered()).isPositive();
    }

    @Test
    void everyFrameArrivesOnceOrTwice() {
        qt().withFixedSeed(20_250_101L).withExamples(200)
                .forAll(integers().between(0, 1_000), doubles().between(0.0, 0.9), doubles().between(0.0, 0.9), integers().between(1, 60))
                .checkAssert((seed, duplication, reordering, count) -> {
                    LinkProfile profile = LinkProfile.DEFAULT.withDuplication(duplication).withReordering(reordering, 7_000).withJitter(3_000);
                    ImpairedRun run = new ImpairedRun(profile, seed, count, 2_000);
                    for (int i = 0; i < count; i++) {
                        assertThat(run.deliveriesOf(i)).as("deliveries of frame %d", i).isBetween(1L, 2L);
                    }
                    assertThat(run.delivered).hasSize(count + (int) run.lan.framesDuplicated());
                });
    }
}
