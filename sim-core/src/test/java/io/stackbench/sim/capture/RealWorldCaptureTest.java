package io.stackbench.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads public captures from the test suites of tcpdump and Zeek, many of them fuzzer output, which
 * are kept outside the repository. The expected frame counts are what
 * {@code tshark -r FILE -T fields -e frame.number | wc -l} printed with TShark 4.0.17.
 */
class RealWorldCaptureTest {

    /** Maven runs tests in the module directory, so the folder is two levels up. */
    static final Path REALWORLD = Path.of("..", "..", "shared", "realworld");

    private static final Map<String, Integer> FRAME_COUNTS = new TreeMap<>(Map.ofEntries(
            Map.entry("tcpdump__arp-oobr.pcap", 2282),
            Map.entry("tcpdump__arp-too-long-tha.pcap", 1),
            Map.entry("tcpdump__dcb_qcn.pcap", 19),
            Map.entry("tcpdump__eapon1.pcap", 114),
            Map.entry("tcpdump__icmpv6-length-zero.pcapng", 1),
            Map.entry("tcpdump__ip6_frag_asan.pcap", 1),
            Map.entry("tcpdump__ipv6-routing-header.pcap", 4),
            Map.entry("tcpdump__ipv6_frag6_negative_len.pcap", 1),
            Map.entry("tcpdump__ipv6_invalid_length_2.pcap", 1),
            Map.entry("tcpdump__ipv6_missing_jumbo_payload_option.pcap", 1),
            Map.entry("tcpdump__ipv6_no_next_header.pcap", 1),
            Map.entry("zeek__arp-leak.pcap", 6),
            Map.entry("zeek__arp-who-has.pcap", 2),
            Map.entry("zeek__communityid_icmp6.pcap", 49),
            Map.entry("zeek__icmp_icmp6-nd-short-options.pcap", 16),
            Map.entry("zeek__icmp_icmp6-ping.pcap", 8),
            Map.entry("zeek__ipv6-fragmented-dns.pcap", 8),
            Map.entry("zeek__ipv6_zero_len_ah.pcap", 10)));

    static Stream<Arguments> captures() {
        return FRAME_COUNTS.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    private static void assumeFolderPresent() {
        assumeTrue(Files.isDirectory(REALWORLD), "public captures not found at " + REALWORLD.toAbsolutePath().normalize()
                + "; these tests need the shared/realworld folder beside the repository");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void readsEveryFrame(String fileName, int expectedFrames) throws IOException {
        assumeFolderPresent();
        Path file = REALWORLD.resolve(fileName);
        assumeTrue(Files.isRegularFile(file), "capture " + fileName + " not found in " + REALWORLD);

        Capture capture = fileName.endsWith(".pcapng") ? PcapngReader.read(file) : PcapReader.read(file);

        assertThat(capture.frames()).hasSize(expectedFrames);
        assertThat(capture.interfaces()).extracting(CaptureInterface::linkType).containsOnly(CaptureInterface.LINKTYPE_ETHERNET);
    }

    @Test
    void everyFileHasExpectedCount() throws IOException {
        assumeFolderPresent();
        List<String> present;
        try (Stream<Path> files = Files.list(REALWORLD)) {
            present = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".pcap") || name.endsWith(".pcapng"))
                    .sorted()
                    .toList();
        }

        assertThat(present).containsExactlyElementsOf(FRAME_COUNTS.keySet());
    }

    @Test
    void pcapngRewritesToSameFrames() throws IOException {
        assumeFolderPresent();
        Capture original = PcapngReader.read(REALWORLD.resolve("tcpdump__icmpv6-length-zero.pcapng"));

        Capture rewritten = PcapngReader.read(PcapngWriter.toBytes(original));

        assertThat(rewritten.frames()).isEqualTo(original.frames());
        assertThat(rewritten.sectionComment()).isEqualTo(original.sectionComment());
    }
}
