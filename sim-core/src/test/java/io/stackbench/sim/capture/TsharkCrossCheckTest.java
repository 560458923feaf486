package io.stackbench.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files we write, read by tshark. Skipped where tshark is not on the PATH. Each run gets an empty
 * configuration folder and explicit name-resolution flags, so a user's Wireshark preferences do not
 * change the output, and no run looks names up through DNS.
 */
class TsharkCrossCheckTest {

    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path directory;

    @BeforeAll
    static void requireTshark() {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, "tshark")));
        assumeTrue(found, "tshark is not on the PATH; install it (Debian: tshark) to run the tshark cross-checks");
    }

    @Test
    void showsTimestampsCommentsAndInterfaces() throws Exception {
        Path file = directory.resolve("run.pcapng");
        PcapngWriter.write(CaptureRoundTripTest.sampleCapture(), file);

        List<String> lines = tshark("-r", file.toString(), "-n", "-T", "fields", "-E", "separator=|",
                "-e", "frame.time_epoch", "-e", "frame.comment", "-e", "frame.interface_name",
                "-e", "frame.interface_description");

        assertThat(lines).containsExactly(
                "1.000000001|step 1: host-a resolves host-b|lan|office segment",
                "1.000500002||lan|office segment",
                "2.000000003|peer: dropped by link impairment|wan|");
    }

    @Test
    void resolvesNamesFromNameResolutionBlock() throws Exception {
        Path file = directory.resolve("run.pcapng");
        PcapngWriter.write(CaptureRoundTripTest.sampleCapture(), file);

        List<String> lines = tshark("-r", file.toString(), "-N", "n",
                "-o", "nameres.use_external_name_resolver:FALSE",
                "-T", "fields", "-E", "separator=|",
                "-e", "ip.src_host", "-e", "ip.dst_host", "-e", "ipv6.src_host", "-e", "ipv6.dst_host");

        assertThat(lines).containsExactly("|||", "host-a|host-b||", "||host-b|host-a");
    }

    @Test
    void resolvesLateNamesInTwoPasses() throws Exception {
        Path file = directory.resolve("late.pcapng");
        Inet4Address source = (Inet4Address) TestFrames.address("192.0.2.1");
        Inet4Address destination = (Inet4Address) TestFrames.address("192.0.2.2");
        try (PcapngWriter writer = PcapngWriter.open(file, null, List.of(CaptureInterface.ethernet("lan")), List.of())) {
            writer.writeFrame(new CapturedFrame(0, 1,
                    TestFrames.ipv4Udp(TestFrames.MAC_A, TestFrames.MAC_B, source, destination, new byte[4])));
            writer.addName(source, "late-host");
        }

        List<String> onePass = tshark("-r", file.toString(), "-N", "n",
                "-o", "nameres.use_external_name_resolver:FALSE", "-T", "fields", "-e", "ip.src_host");
        List<String> twoPasses = tshark("-r", file.toString(), "-2", "-N", "n",
                "-o", "nameres.use_external_name_resolver:FALSE", "-T", "fields", "-e", "ip.src_host");

        assertThat(onePass).containsExactly("192.0.2.1");
        assertThat(twoPasses).containsExactly("late-host");
    }

    @Test
    void reportsNoMalformedPackets() throws Exception {
        Path file = directory.resolve("run.pcapng");
        PcapngWriter.write(CaptureRoundTripTest.sampleCapture(), file);

        List<String> lines = tshark("-r", file.toString(), "-n", "-q", "-z", "expert,note");

        assertThat(String.join("\n", lines)).doesNotContainIgnoringCase("malformed").doesNotContain("Errors (");
    }

    /** Shows that the expert check above can fail: a frame cut short inside its IPv4 header is reported. */
    @Test
    void reportsMalformedPacketWhenCut() throws Exception {
        Inet4Address source = (Inet4Address) TestFrames.address("192.0.2.1");
        Inet4Address destination = (Inet4Address) TestFrames.address("192.0.2.2");
        byte[] frame = TestFrames.ipv4Udp(TestFrames.MAC_A, TestFrames.MAC_B, source, destination, new byte[4]);
        byte[] cut = Arrays.copyOf(frame, 20);
        Path file = directory.resolve("cut.pcapng");
        PcapngWriter.write(Capture.of(List.of(CaptureInterface.ethernet("lan")),
                List.of(new CapturedFrame(0, 0, cut, cut.length, null, 0))), file);

        List<String> lines = tshark("-r", file.toString(), "-n", "-q", "-z", "expert,note");

        assertThat(String.join("\n", lines)).containsIgnoringCase("malformed");
    }

    @Test
    void readsClassicPcap() throws Exception {
        Path file = directory.resolve("wan.pcap");
        PcapWriter.write(CaptureRoundTripTest.sampleCapture(), 1, file, TimestampResolution.NANOSECOND);

        List<String> lines = tshark("-r", file.toString(), "-n", "-T", "fields", "-E", "separator=|",
                "-e", "frame.time_epoch", "-e", "frame.len", "-e", "frame.cap_len", "-e", "ipv6.src");

        assertThat(lines).containsExactly("2.000000003|80|67|2001:db8::2");
    }

    /** Runs tshark with an empty configuration folder and returns its standard output lines. */
    private List<String> tshark(String... arguments) throws IOException, InterruptedException {
        Path configuration = Files.createDirectories(directory.resolve("wireshark-config"));
        Path output = directory.resolve("tshark.out");
        Path errors = directory.resolve("tshark.err");
        List<String> command = new ArrayList<>();
        command.add("tshark");
        command.addAll(List.of(arguments));

        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile());
        builder.environment().put("WIRESHARK_CONFIG_DIR", configuration.toString());
        builder.environment().put("XDG_CONFIG_HOME", configuration.toString());
        builder.environment().put("HOME", configuration.toString());
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("tshark timed out after " + TIMEOUT_SECONDS + " s: " + command);
        }

        String error = Files.readString(errors, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("tshark exit status for %s; stderr: %s", command, error).isZero();
        return Files.readAllLines(output, StandardCharsets.UTF_8);
    }
}
