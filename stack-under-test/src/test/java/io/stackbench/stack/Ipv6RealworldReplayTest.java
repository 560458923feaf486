package io.stackbench.stack;

import static io.stackbench.stack.Ipv6Fixture.OUR_LINK_LOCAL;
import static io.stackbench.stack.Ipv6Fixture.OUR_MAC;
import static io.stackbench.stack.Ipv6Fixture.ROUTER_MAC;
import static io.stackbench.stack.Ipv6Fixture.icmpv6Of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.CapturedFrame;
import io.stackbench.sim.capture.PcapReader;
import io.stackbench.sim.capture.PcapngReader;
import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.ipv6.Ipv6InputFuzzTestAccess;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.NdpOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the IPv6 frames of public captures (tcpdump and Zeek test traces, several of them fuzzer
 * output) into a running stack with a default router. Each frame goes in as captured and, when its
 * IPv6 destination is another host, retargeted: our MAC and link-local address (or our
 * solicited-node group) as destination, with the ICMPv6 or UDP checksum adjusted for the new
 * pseudo-header. Every frame must end processed or under a drop or filter counter, no layer may
 * throw, the stack may send only from its own addresses, and it must still reply to a ping.
 */
class Ipv6RealworldReplayTest {

    private static final Path REALWORLD = Path.of("..", "..", "shared", "realworld");
    private static final int ETHERNET_HEADER_LENGTH = 14;
    private static final int IPV6 = 0x86dd;
    private static final int ICMPV6 = 58;
    private static final int UDP = 17;

    private static final Map<String, Consumer<Replay>> FILE_EXPECTATIONS = Map.of(
            "tcpdump__icmpv6-length-zero.pcapng", Ipv6RealworldReplayTest::onlyDropped,
            "tcpdump__ipv6_frag6_negative_len.pcap", Ipv6RealworldReplayTest::onlyDropped,
            "tcpdump__ip6_frag_asan.pcap", Ipv6RealworldReplayTest::onlyDropped,
            "tcpdump__ipv6_missing_jumbo_payload_option.pcap", Ipv6RealworldReplayTest::droppedOrParameterProblem,
            "tcpdump__ipv6_no_next_header.pcap", Ipv6RealworldReplayTest::noNextHeaderDeliversNothing,
            "tcpdump__ipv6_invalid_length_2.pcap", Ipv6RealworldReplayTest::longPayloadLengthDropped,
            "tcpdump__ipv6-routing-header.pcap", Ipv6RealworldReplayTest::routingHeaderGetsParameterProblem,
            "zeek__ipv6_zero_len_ah.pcap", Ipv6RealworldReplayTest::zeroLengthAhRejected,
            "zeek__ipv6-fragmented-dns.pcap", Ipv6RealworldReplayTest::dnsReassembledOrphanSilent,
            "zeek__icmp_icmp6-nd-short-options.pcap", Ipv6RealworldReplayTest::shortNdDroppedMinimumAccepted);

    @TestFactory
    Stream<DynamicTest> replayEachIpv6Capture() throws IOException {
        assumeTrue(Files.isDirectory(REALWORLD),
                "no shared captures at " + REALWORLD.toAbsolutePath().normalize() + "; the IPv6 replay test needs that folder");
        List<Path> files;
        try (Stream<Path> listing = Files.list(REALWORLD)) {
            files = listing.filter(file -> file.toString().endsWith(".pcap") || file.toString().endsWith(".pcapng")).sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            Capture capture = file.toString().endsWith(".pcapng") ? PcapngReader.read(file) : PcapReader.read(file);
            if (capture.frames().stream().anyMatch(frame -> isIpv6(frame.data()))) {
                tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> replay(file.getFileName().toString(), capture)));
            }
        }
        assertThat(tests).as("captures with IPv6 frames in " + REALWORLD).isNotEmpty();
        return tests.stream();
    }

    private static void replay(String name, Capture capture) {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        fixture.receiveRouterAdvertisement(Ipv6Fixture.routerAdvertisement(9000, new NdpOption.SourceLinkLayerAddress(ROUTER_MAC)));
        fixture.takeSent();
        Replay replay = new Replay(fixture);
        long framesBefore = fixture.counter("rx.frames");

        long first = capture.frames().isEmpty() ? 0 : capture.frames().get(0).timestampNanos();
        long start = fixture.now();
        for (CapturedFrame captured : capture.frames()) {
            long at = start + captured.timestampNanos() - first;
            if (at > fixture.now()) {
                fixture.runUntil(at);
                replay.collectSent();
            }
            replay.feed(captured.data());
            byte[] retargeted = retarget(captured.data());
            if (retargeted != null) {
                replay.feed(retargeted);
            }
        }
        replay.fedUntil = fixture.now();
        for (int second = 0; second <= 61; second++) {
            fixture.runUntil(fixture.now() + SimTime.SECOND);
            replay.collectSent();
        }

        printOutcomes(name, replay);
        assertThat(fixture.counter("rx.frames")).as("rx.frames after " + name).isEqualTo(framesBefore + replay.fed + replay.routerAnswers);
        assertThat(fixture.counter("drop.internal-error")).as("internal errors: %s", fixture.events("internal-error")).isZero();
        assertSentOnlyFromOurAddresses(replay);
        FILE_EXPECTATIONS.getOrDefault(name, r -> { }).accept(replay);
        Ipv6InputFuzzTestAccess.assertAnswersPing(fixture);
        assertThat(fixture.counter("drop.internal-error")).isZero();
    }

    /** The stack's state and how each fed frame ended. */
    private static final class Replay {
        final Ipv6Fixture fixture;
        final SortedMap<String, Integer> outcomes = new TreeMap<>();
        final List<FedFrame> frames = new ArrayList<>();
        final List<SentFrame> sent = new ArrayList<>();
        long fed;
        long fedUntil;
        /** Neighbour Advertisements fed on the router's behalf, which keep errors to off-link sources flowing. */
        long routerAnswers;

        Replay(Ipv6Fixture fixture) {
            this.fixture = fixture;
        }

        void feed(byte[] frame) {
            SortedMap<String, Long> before = fixture.snapshot().counters();
            fixture.receive(frame);
            fed++;
            SortedMap<String, Long> after = fixture.snapshot().counters();
            collectSent();
            String outcome = outcome(before, after);
            assertThat(outcome).as("outcome of frame %s", HexFormat.of().formatHex(frame)).isNotNull();
            outcomes.merge(outcome, 1, Integer::sum);
            frames.add(new FedFrame(frame, outcome));
        }

        /** Takes what the stack sent and replies to its solicitations for the router, as a live router would. */
        void collectSent() {
            List<SentFrame> fresh = fixture.takeSent();
            while (!fresh.isEmpty()) {
                sent.addAll(fresh);
                boolean answered = false;
                for (SentFrame frame : icmpv6Of(fresh, Icmpv6Repr.NeighborSolicitation.class)) {
                    if (((Icmpv6Repr.NeighborSolicitation) frame.icmpv6()).targetAddress().equals(Ipv6Fixture.ROUTER)) {
                        answered = true;
                    }
                }
                if (!answered) {
                    return;
                }
                fixture.receiveNd(ROUTER_MAC, Ipv6Fixture.ROUTER, OUR_LINK_LOCAL, new Icmpv6Repr.NeighborAdvertisement(true, true, true,
                        Ipv6Fixture.ROUTER, List.of(new NdpOption.TargetLinkLayerAddress(ROUTER_MAC))));
                routerAnswers++;
                fresh = fixture.takeSent();
            }
        }
    }

    private record FedFrame(byte[] bytes, String outcome) {
    }

    /** Returns the first drop or filter counter the frame raised, else {@code processed} when a layer took it, else null. */
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
            processed |= counter.startsWith("rx.") && !counter.equals("rx.frames");
        }
        return processed ? "processed" : null;
    }

    private static boolean isIpv6(byte[] frame) {
        return frame.length >= ETHERNET_HEADER_LENGTH + 40 && u16(frame, 12) == IPV6;
    }

    /**
     * Returns a copy addressed to us, or null when the frame is not IPv6 or already goes to all
     * nodes. A unicast destination becomes our link-local address and a solicited-node group
     * becomes ours. The upper-layer checksum is adjusted when it is reachable without a Routing
     * header and lies in this fragment.
     */
    static byte[] retarget(byte[] frame) {
        if (!isIpv6(frame)) {
            return null;
        }
        int ip = ETHERNET_HEADER_LENGTH;
        Ipv6Address destination = Ipv6Address.read(frame, ip + 24);
        Ipv6Address replacement;
        if (!destination.isMulticast()) {
            replacement = OUR_LINK_LOCAL;
        } else if (destination.isSolicitedNodeMulticast()) {
            replacement = OUR_LINK_LOCAL.solicitedNodeMulticast();
        } else {
            return null;
        }
        if (replacement.equals(destination)) {
            return null;
        }
        byte[] copy = frame.clone();
        (replacement.isMulticast() ? replacement.multicastMac() : OUR_MAC).write(copy, 0);
        replacement.write(copy, ip + 24);
        int checksumAt = checksumOffset(copy);
        if (checksumAt >= 0) {
            int sum = ~u16(copy, checksumAt) & 0xffff;
            byte[] old = destination.toBytes();
            byte[] now = replacement.toBytes();
            for (int i = 0; i < 16; i += 2) {
                sum += (~u16(old, i)) & 0xffff;
                sum += u16(now, i);
            }
            while ((sum >>> 16) != 0) {
                sum = (sum & 0xffff) + (sum >>> 16);
            }
            Frames.writeU16(copy, checksumAt, ~sum & 0xffff);
        }
        return copy;
    }

    /** Returns the offset of the ICMPv6 or UDP checksum in the frame, or -1 when it is not in reach. */
    private static int checksumOffset(byte[] frame) {
        int ip = ETHERNET_HEADER_LENGTH;
        int next = frame[ip + 6] & 0xff;
        int offset = ip + 40;
        while (offset + 8 <= frame.length) {
            if (next == 0 || next == 60) {
                int length = ((frame[offset + 1] & 0xff) + 1) * 8;
                next = frame[offset] & 0xff;
                offset += length;
            } else if (next == 44) {
                if ((u16(frame, offset + 2) & 0xfff8) != 0) {
                    return -1;
                }
                next = frame[offset] & 0xff;
                offset += 8;
            } else if (next == ICMPV6 && offset + 4 <= frame.length) {
                return offset + 2;
            } else if (next == UDP && offset + 8 <= frame.length) {
                return offset + 6;
            } else {
                return -1;
            }
        }
        return -1;
    }

    private static int u16(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
    }

    private static void printOutcomes(String name, Replay replay) {
        StringBuilder table = new StringBuilder();
        table.append(String.format("%s: %d frames fed (captured and retargeted), %d sent%n", name, replay.fed, replay.sent.size()));
        replay.outcomes.forEach((outcome, count) -> table.append(String.format("  %-45s %6d%n", outcome, count)));
        System.out.print(table);
    }

    /** Checks that every IPv6 packet the stack sent comes from our MAC and from one of our addresses or from ::. */
    private static void assertSentOnlyFromOurAddresses(Replay replay) {
        List<java.net.InetAddress> ours = new ArrayList<>();
        for (StackSnapshot.Address address : replay.fixture.snapshot().addresses()) {
            ours.add(address.address());
        }
        ours.add(Ipv6Address.UNSPECIFIED.toInetAddress());
        for (SentFrame frame : replay.sent) {
            assertThat(frame.ethernet().source()).isEqualTo(OUR_MAC);
            if (frame.isIpv6()) {
                assertThat(ours).as("source of sent %s", frame).contains(frame.ipv6().source().toInetAddress());
            }
        }
    }

    private static void onlyDropped(Replay replay) {
        assertThat(replay.outcomes.keySet()).allSatisfy(outcome -> assertThat(outcome).matches("(drop|filter)\\..*"));
        assertThat(replay.outcomes.keySet()).anyMatch(outcome -> outcome.startsWith("drop.ipv6."));
        assertThat(icmpv6Of(replay.sent, Icmpv6Repr.class)).isEmpty();
    }

    private static void droppedOrParameterProblem(Replay replay) {
        boolean problem = !icmpv6Of(replay.sent, Icmpv6Repr.ParameterProblem.class).isEmpty();
        boolean dropped = replay.outcomes.keySet().stream().anyMatch(outcome -> outcome.startsWith("drop.ipv6."));
        assertThat(problem || dropped).as("dropped or answered with Parameter Problem").isTrue();
        assertThat(icmpv6Of(replay.sent, Icmpv6Repr.EchoReply.class)).isEmpty();
    }

    private static void noNextHeaderDeliversNothing(Replay replay) {
        assertThat(replay.fixture.counter("ipv6.no-next-header")).isPositive();
        assertThat(replay.sent).noneMatch(SentFrame::isIpv6);
    }

    private static void longPayloadLengthDropped(Replay replay) {
        assertThat(replay.outcomes).containsKey("drop.ipv6.truncated");
        assertThat(replay.outcomes).doesNotContainKey("processed");
        assertThat(icmpv6Of(replay.sent, Icmpv6Repr.DestinationUnreachable.class)).isEmpty();
    }

    private static void routingHeaderGetsParameterProblem(Replay replay) {
        List<SentFrame> problems = icmpv6Of(replay.sent, Icmpv6Repr.ParameterProblem.class);
        assertThat(problems).isNotEmpty();
        assertThat(problems).allSatisfy(frame -> {
            Icmpv6Repr.ParameterProblem problem = (Icmpv6Repr.ParameterProblem) frame.icmpv6();
            assertThat(problem.code()).isZero();
            // The Routing header follows the fixed header, so its Routing Type is at byte 42.
            assertThat(problem.pointer()).isEqualTo(42);
            assertThat(frame.ethernet().destination()).isEqualTo(ROUTER_MAC);
        });
        assertThat(icmpv6Of(replay.sent, Icmpv6Repr.EchoReply.class)).isEmpty();
    }

    private static void zeroLengthAhRejected(Replay replay) {
        List<SentFrame> problems = icmpv6Of(replay.sent, Icmpv6Repr.ParameterProblem.class);
        boolean dropped = replay.outcomes.keySet().stream().anyMatch(outcome -> outcome.startsWith("drop.ipv6."));
        assertThat(!problems.isEmpty() || dropped).isTrue();
        assertThat(problems).allSatisfy(frame -> assertThat(((Icmpv6Repr.ParameterProblem) frame.icmpv6()).code()).isEqualTo(1));
    }

    private static void dnsReassembledOrphanSilent(Replay replay) {
        assertThat(replay.fixture.counter("ipv6.reassembled")).isEqualTo(1);
        List<SentFrame> unreachable = icmpv6Of(replay.sent, Icmpv6Repr.DestinationUnreachable.class);
        // The port unreachable about the reassembled datagram quotes a header with payload length 3,238 of UDP.
        assertThat(unreachable).anySatisfy(frame -> {
            byte[] invoking = ((Icmpv6Repr.DestinationUnreachable) frame.icmpv6()).invokingPacket();
            assertThat(u16(invoking, 4)).isEqualTo(3238);
            assertThat(invoking[6]).isEqualTo((byte) UDP);
        });
        assertThat(replay.fixture.counter("drop.ipv6.reassembly-timeout")).isPositive();
        assertThat(icmpv6Of(replay.sent, Icmpv6Repr.TimeExceeded.class)).isEmpty();
    }

    /** RFC 4861 §6.1 and §7.1: a message shorter than its fixed part is dropped, one of exactly that length is not. */
    private static void shortNdDroppedMinimumAccepted(Replay replay) {
        Map<Integer, Integer> minimum = Map.of(133, 8, 134, 16, 135, 24, 136, 24, 137, 40);
        int shortOnes = 0;
        int minimumOnes = 0;
        for (FedFrame frame : replay.frames) {
            byte[] bytes = frame.bytes();
            if ((bytes[ETHERNET_HEADER_LENGTH + 6] & 0xff) != ICMPV6 || frame.outcome().startsWith("filter.")) {
                continue;
            }
            int length = u16(bytes, ETHERNET_HEADER_LENGTH + 4);
            int type = bytes[ETHERNET_HEADER_LENGTH + 40] & 0xff;
            Integer fixedPart = minimum.get(type);
            if (fixedPart == null) {
                continue;
            }
            if (length < fixedPart) {
                shortOnes++;
                assertThat(frame.outcome()).as("ND type %d of %d bytes", type, length).isEqualTo("drop.icmpv6.truncated");
            } else {
                if (length == fixedPart) {
                    minimumOnes++;
                }
                assertThat(frame.outcome()).as("ND type %d of %d bytes", type, length)
                        .isNotIn("drop.icmpv6.truncated", "drop.icmpv6.bad-option-length", "drop.icmpv6.bad-checksum");
            }
        }
        assertThat(shortOnes).isPositive();
        assertThat(minimumOnes).isPositive();
    }
}
