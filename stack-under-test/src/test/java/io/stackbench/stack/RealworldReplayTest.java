package io.stackbench.stack;

import static io.stackbench.stack.StackFixture.OUR_ADDRESS;
import static io.stackbench.stack.StackFixture.OUR_MAC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.CaptureInterface;
import io.stackbench.sim.capture.CapturedFrame;
import io.stackbench.sim.capture.PcapReader;
import io.stackbench.sim.capture.PcapngReader;
import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.wire.ArpOperation;
import io.stackbench.stack.wire.ArpRepr;
import io.stackbench.stack.wire.Ipv4Address;
import java.io.IOException;
import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays public captures (tcpdump and Zeek test traces, several of them fuzzer output) into a
 * running stack. Each frame goes in as captured and also in retargeted copies. An ARP request gets
 * our address as its target, and a unicast frame gets our MAC as its destination. A VLAN-tagged
 * frame also goes in without its tags, because the stack does not interpret 802.1Q. Every frame must
 * be processed or counted under a drop or filter reason, no layer may throw, and the stack must
 * still reply to a ping afterwards.
 */
class RealworldReplayTest {

    /** The shared captures, relative to this module's directory (the working directory of the tests). */
    private static final Path REALWORLD = Path.of("..", "..", "shared", "realworld");

    private static final int ETHER_TYPE_OFFSET = 12;
    private static final int ETHERNET_HEADER_LENGTH = 14;
    private static final int ARP = 0x0806;
    private static final int IPV4 = 0x0800;
    private static final Set<Integer> VLAN_TAGS = Set.of(0x8100, 0x88a8, 0x9100);

    /** Expectations for single files, beyond the rules every file must meet. */
    private static final Map<String, Consumer<Replay>> FILE_EXPECTATIONS = Map.of(
            "zeek__arp-leak.pcap", RealworldReplayTest::arpLeakIsDroppedAndLearnsNothing,
            "tcpdump__arp-too-long-tha.pcap", RealworldReplayTest::tooLongThaIsDropped,
            "tcpdump__eapon1.pcap", RealworldReplayTest::unpaddedArpIsAccepted,
            "zeek__arp-who-has.pcap", RealworldReplayTest::whoHasIsAnsweredAndLearned);

    @TestFactory
    Stream<DynamicTest> replayEachCapture() throws IOException {
        assumeTrue(Files.isDirectory(REALWORLD),
                "no shared captures at " + REALWORLD.toAbsolutePath().normalize() + "; the replay test needs that folder");
        List<Path> files;
        try (Stream<Path> listing = Files.list(REALWORLD)) {
            files = listing.filter(RealworldReplayTest::isCapture).sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            Capture capture = read(file);
            if (capture.frames().stream().anyMatch(frame -> carriesArpOrIpv4(frame.data()))) {
                tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> replay(file, capture)));
            }
        }
        assertThat(tests).as("captures with ARP or IPv4 frames in " + REALWORLD).isNotEmpty();
        return tests.stream();
    }

    private static void replay(Path file, Capture capture) {
        String name = file.getFileName().toString();
        assertThat(capture.interfaces()).allSatisfy(captureInterface ->
                assertThat(captureInterface.linkType()).isEqualTo(CaptureInterface.LINKTYPE_ETHERNET));
        Replay replay = new Replay(StackFixture.started());

        long firstTimestamp = capture.frames().isEmpty() ? 0 : capture.frames().get(0).timestampNanos();
        for (CapturedFrame captured : capture.frames()) {
            // Frames arrive at their captured spacing, so timers started by one frame run before the next.
            long at = SimTime.SECOND + captured.timestampNanos() - firstTimestamp;
            if (at > replay.fixture.now()) {
                replay.fixture.runUntil(at);
            }
            for (byte[] frame : variants(captured.data())) {
                replay.feed(frame);
            }
        }

        printOutcomes(name, replay);
        assertThat(replay.fixture.counter("rx.frames")).as("rx.frames after " + name).isEqualTo(replay.fed);
        StackHealth.assertNoInternalError(replay.fixture);
        assertLearnedOnlyAsTarget(replay);
        assertSentOnlyOwnArp(replay);
        FILE_EXPECTATIONS.getOrDefault(name, r -> { }).accept(replay);
        StackHealth.assertAnswersPing(replay.fixture);
        StackHealth.assertNoInternalError(replay.fixture);
    }

    /** The stack's state and a tally of how each fed frame ended. */
    private static final class Replay {
        final StackFixture fixture;
        final SortedMap<String, Integer> outcomes = new TreeMap<>();
        /** Sender addresses of processed ARP packets whose target was our address. */
        final Set<Ipv4Address> sendersToUs = new TreeSet<>();
        final List<FedFrame> frames = new ArrayList<>();
        final List<SentFrame> sent = new ArrayList<>();
        long fed;

        Replay(StackFixture fixture) {
            this.fixture = fixture;
        }

        void feed(byte[] frame) {
            SortedMap<String, Long> before = fixture.snapshot().counters();
            fixture.receive(frame);
            fed++;
            SortedMap<String, Long> after = fixture.snapshot().counters();
            sent.addAll(fixture.takeSent());

            String outcome = outcome(before, after);
            assertThat(outcome).as("outcome of frame %s", HexFormat.of().formatHex(frame)).isNotNull();
            outcomes.merge(outcome, 1, Integer::sum);
            frames.add(new FedFrame(frame, outcome));
            if (outcome.equals("processed") && isArp(frame) && frame.length >= ETHERNET_HEADER_LENGTH + 28) {
                ArpRepr arp = arpOf(frame);
                if (arp.targetProtocolAddress().equals(OUR_ADDRESS)) {
                    sendersToUs.add(arp.senderProtocolAddress());
                }
            }
        }
    }

    /** One frame as fed, with the counter reason it ended under or {@code processed}. */
    private record FedFrame(byte[] bytes, String outcome) {
    }

    /**
     * Returns the first {@code drop.*} or {@code filter.*} counter that the frame raised, else
     * {@code processed} when it reached ARP or IPv4, else null: a frame that left no trace.
     */
    private static String outcome(SortedMap<String, Long> before, SortedMap<String, Long> after) {
        boolean processed = false;
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            String counter = entry.getKey();
            if (entry.getValue() == before.getOrDefault(counter, 0L).longValue()) {
                continue;
            }
            if (counter.startsWith("drop.") || counter.startsWith("filter.")) {
                return counter;
            }
            processed |= counter.equals("rx.arp") || counter.equals("rx.ipv4");
        }
        return processed ? "processed" : null;
    }

    /** Returns the frame as captured followed by its retargeted copies. */
    private static List<byte[]> variants(byte[] captured) {
        List<byte[]> variants = new ArrayList<>();
        variants.add(captured);
        byte[] untagged = withoutVlanTags(captured);
        if (untagged != null) {
            variants.add(untagged);
        }
        for (byte[] frame : List.copyOf(variants)) {
            byte[] retargeted = arpRequestForUs(frame);
            if (retargeted != null) {
                variants.add(retargeted);
            }
        }
        for (byte[] frame : List.copyOf(variants)) {
            if (frame.length >= 6 && !MacAddress.read(frame, 0).isMulticast() && !MacAddress.read(frame, 0).equals(OUR_MAC)) {
                byte[] toUs = frame.clone();
                OUR_MAC.write(toUs, 0);
                variants.add(toUs);
            }
        }
        return variants;
    }

    /**
     * Returns a copy of an ARP request whose target protocol address is ours, or null for another
     * frame. The target sits after the fixed fields and three addresses, at the offset that the
     * packet's own length fields give, and is rewritten only when the protocol length is 4.
     */
    private static byte[] arpRequestForUs(byte[] frame) {
        if (!isArp(frame) || frame.length < ETHERNET_HEADER_LENGTH + 8) {
            return null;
        }
        int hardwareLength = frame[ETHERNET_HEADER_LENGTH + 4] & 0xff;
        int protocolLength = frame[ETHERNET_HEADER_LENGTH + 5] & 0xff;
        int operation = ((frame[ETHERNET_HEADER_LENGTH + 6] & 0xff) << 8) | (frame[ETHERNET_HEADER_LENGTH + 7] & 0xff);
        int target = ETHERNET_HEADER_LENGTH + 8 + 2 * hardwareLength + protocolLength;
        if (operation != ArpOperation.REQUEST.value() || protocolLength != 4 || target + 4 > frame.length) {
            return null;
        }
        byte[] copy = frame.clone();
        OUR_ADDRESS.write(copy, target);
        return copy;
    }

    /** Returns a copy without the 802.1Q or 802.1ad tags after the MAC addresses, or null for an untagged frame. */
    private static byte[] withoutVlanTags(byte[] frame) {
        int typeOffset = ETHER_TYPE_OFFSET;
        while (typeOffset + 6 <= frame.length && VLAN_TAGS.contains(u16(frame, typeOffset))) {
            typeOffset += 4;
        }
        if (typeOffset == ETHER_TYPE_OFFSET) {
            return null;
        }
        byte[] untagged = new byte[frame.length - (typeOffset - ETHER_TYPE_OFFSET)];
        System.arraycopy(frame, 0, untagged, 0, ETHER_TYPE_OFFSET);
        System.arraycopy(frame, typeOffset, untagged, ETHER_TYPE_OFFSET, frame.length - typeOffset);
        return untagged;
    }

    private static boolean carriesArpOrIpv4(byte[] frame) {
        byte[] untagged = withoutVlanTags(frame);
        byte[] inner = untagged != null ? untagged : frame;
        if (inner.length < ETHERNET_HEADER_LENGTH) {
            return false;
        }
        int etherType = u16(inner, ETHER_TYPE_OFFSET);
        return etherType == ARP || etherType == IPV4;
    }

    private static boolean isArp(byte[] frame) {
        return frame.length >= ETHERNET_HEADER_LENGTH && u16(frame, ETHER_TYPE_OFFSET) == ARP;
    }

    /** Reads the Ethernet/IPv4 address fields of an ARP frame at their fixed offsets. */
    private static ArpRepr arpOf(byte[] frame) {
        int base = ETHERNET_HEADER_LENGTH;
        return new ArpRepr(new ArpOperation(u16(frame, base + 6)),
                MacAddress.read(frame, base + 8), Ipv4Address.read(frame, base + 14),
                MacAddress.read(frame, base + 18), Ipv4Address.read(frame, base + 24));
    }

    private static int u16(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
    }

    private static boolean isCapture(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".pcap") || name.endsWith(".pcapng");
    }

    private static Capture read(Path file) throws IOException {
        return file.getFileName().toString().endsWith(".pcapng") ? PcapngReader.read(file) : PcapReader.read(file);
    }

    private static void printOutcomes(String name, Replay replay) {
        StringBuilder table = new StringBuilder();
        table.append(String.format("%s: %d frames fed (captured and retargeted)%n", name, replay.fed));
        replay.outcomes.forEach((outcome, count) -> table.append(String.format("  %-40s %6d%n", outcome, count)));
        System.out.print(table);
    }

    /** RFC 826: the cache starts empty and gains an entry only when we are the target. */
    private static void assertLearnedOnlyAsTarget(Replay replay) {
        for (StackSnapshot.Neighbor neighbor : replay.fixture.snapshot().neighbors()) {
            Ipv4Address address = Ipv4Address.of((Inet4Address) neighbor.address());
            assertThat(replay.sendersToUs).as("cache entry %s was learned from a packet not for us", address).contains(address);
        }
    }

    /** Checks that every ARP packet the stack sent carries our MAC and address as the sender. */
    private static void assertSentOnlyOwnArp(Replay replay) {
        for (SentFrame frame : replay.sent) {
            if (frame.isArp()) {
                assertThat(frame.arp().senderHardwareAddress()).isEqualTo(OUR_MAC);
                assertThat(frame.arp().senderProtocolAddress()).isEqualTo(OUR_ADDRESS);
            }
        }
        long replies = replay.sent.stream().filter(frame -> frame.isArp() && frame.arp().operation().equals(ArpOperation.REPLY)).count();
        assertThat(replies).isEqualTo(replay.fixture.counter("arp.replies-sent"));
    }

    /** Checks that packets with hardware or protocol address length 255 are all dropped and teach nothing. */
    private static void arpLeakIsDroppedAndLearnsNothing(Replay replay) {
        assertThat(replay.fixture.snapshot().neighbors()).isEmpty();
        assertThat(replay.fixture.counter("rx.arp")).isZero();
        assertThat(replay.frames).allSatisfy(frame -> assertThat(frame.outcome())
                .isIn("drop.arp.bad-hardware-length", "drop.arp.bad-protocol-length", "drop.arp.truncated", "filter.other-unicast"));
        assertThat(replay.sent).isEmpty();
    }

    /** Checks that a QinQ-tagged ARP with hardware type 0x3030 and length 14 is dropped with and without tags. */
    private static void tooLongThaIsDropped(Replay replay) {
        assertThat(replay.outcomes.keySet()).allSatisfy(outcome -> assertThat(outcome).isNotEqualTo("processed"));
        assertThat(replay.outcomes).containsKey("drop.ethernet.unknown-ethertype");
        assertThat(replay.fixture.counter("rx.arp")).isZero();
        assertThat(replay.fixture.snapshot().neighbors()).isEmpty();
        assertThat(replay.sent).isEmpty();
    }

    /** Checks that a Windows client's unpadded 42-byte ARP frames are accepted and its request for us is learned. */
    private static void unpaddedArpIsAccepted(Replay replay) {
        List<FedFrame> shortArp = replay.frames.stream().filter(frame -> frame.bytes().length == 42 && isArp(frame.bytes())).toList();
        assertThat(shortArp).isNotEmpty();
        assertThat(shortArp).allSatisfy(frame -> assertThat(frame.outcome()).isEqualTo("processed"));
        assertThat(replay.fixture.arpEntry(Ipv4Address.parse("192.168.1.249"))).isNotNull();
    }

    /** Checks that the plain request, retargeted to us, gets a reply and that its sender is learned. */
    private static void whoHasIsAnsweredAndLearned(Replay replay) {
        MacAddress requester = MacAddress.parse("78:31:c1:c6:3f:c2");
        StackSnapshot.Neighbor entry = replay.fixture.arpEntry(Ipv4Address.parse("10.0.0.2"));
        assertThat(entry).isNotNull();
        assertThat(entry.mac()).isEqualTo(requester);
        assertThat(replay.sent).anySatisfy(frame -> {
            assertThat(frame.ethernet().destination()).isEqualTo(requester);
            assertThat(frame.arp().operation()).isEqualTo(ArpOperation.REPLY);
        });
    }
}
