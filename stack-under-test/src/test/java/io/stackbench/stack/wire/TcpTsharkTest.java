package io.stackbench.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stackbench.sim.capture.CaptureInterface;
import io.stackbench.sim.capture.CapturedFrame;
import io.stackbench.sim.capture.PcapWriter;
import io.stackbench.sim.capture.TimestampResolution;
import io.stackbench.sim.net.MacAddress;
import java.io.File;
import java.io.IOException;
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
 * Writes the TCP fixtures of {@link TcpPacketTest} into Ethernet frames in a classic pcap file
 * and checks that tshark reads the same fields and a good checksum. Skipped where tshark is not
 * on the PATH. Each run gets an empty configuration folder and {@code -n}, so neither a user's
 * Wireshark preferences nor name lookups change the output.
 */
class TcpTsharkTest {

    private static final long TIMEOUT_SECONDS = 120;
    private static final MacAddress CLIENT_MAC = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress SERVER_MAC = MacAddress.parse("02:00:00:00:00:02");

    @TempDir
    Path directory;

    @BeforeAll
    static void requireTshark() {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, "tshark")));
        assumeTrue(found, "tshark is not on the PATH; install it (Debian: tshark) to run the tshark cross-checks");
    }

    @Test
    void tsharkReadsIpv4SynFields() throws Exception {
        Path file = writeCapture(ipv4Frame(TcpPacketTest.SYN_V4));

        List<String> lines = tshark(file, "tcp.srcport", "tcp.dstport", "tcp.seq_raw", "tcp.ack_raw", "tcp.hdr_len",
                "tcp.flags", "tcp.window_size_value", "tcp.checksum", "tcp.checksum.status", "tcp.urgent_pointer",
                "tcp.options.mss_val", "tcp.options.sack_perm", "tcp.options.timestamp.tsval",
                "tcp.options.timestamp.tsecr", "tcp.options.wscale.shift", "tcp.option_kind");

        // tcp.checksum.status 1 is "Good" in TShark 4.0.17, and tcp.options.sack_perm prints the
        // option's two bytes.
        assertThat(lines).containsExactly(
                "49152|80|2587827202|0|40|0x0002|64240|0xe630|1|0|1460|0402|2845725|0|7|2,4,8,1,3");
    }

    @Test
    void tsharkReadsIpv6DataFields() throws Exception {
        Path file = writeCapture(ipv6Frame(TcpPacketTest.DATA_V6));

        List<String> lines = tshark(file, "tcp.srcport", "tcp.dstport", "tcp.seq_raw", "tcp.ack_raw", "tcp.hdr_len",
                "tcp.flags", "tcp.window_size_value", "tcp.checksum.status", "tcp.len", "tcp.options.sack_le",
                "tcp.options.sack_re", "tcp.payload");

        assertThat(lines).containsExactly(
                "80|49152|2083429136|2587827203|32|0x0018|501|1|5|2587828224|2587829248|68656c6c6f");
    }

    private static byte[] ipv4Frame(byte[] segment) {
        Ipv4Repr ip = new Ipv4Repr(TcpPacketTest.CLIENT_V4, TcpPacketTest.SERVER_V4, IpProtocol.TCP,
                64, 1, true, false, 0, 0, 0, segment.length);
        byte[] frame = new byte[EthernetFrame.HEADER_LENGTH + ip.bufferLength()];
        new EthernetHeader(SERVER_MAC, CLIENT_MAC, EtherType.IPV4).emit(new EthernetFrame(frame));
        ip.emit(new Ipv4Packet(frame, EthernetFrame.HEADER_LENGTH, ip.bufferLength()));
        System.arraycopy(segment, 0, frame, EthernetFrame.HEADER_LENGTH + ip.headerLength(), segment.length);
        return frame;
    }

    private static byte[] ipv6Frame(byte[] segment) {
        Ipv6Repr ip = new Ipv6Repr(TcpPacketTest.SERVER_V6, TcpPacketTest.CLIENT_V6, IpProtocol.TCP,
                64, 0, 0, segment.length);
        byte[] frame = new byte[EthernetFrame.HEADER_LENGTH + ip.bufferLength()];
        new EthernetHeader(CLIENT_MAC, SERVER_MAC, EtherType.IPV6).emit(new EthernetFrame(frame));
        ip.emit(new Ipv6Packet(frame, EthernetFrame.HEADER_LENGTH, ip.bufferLength()));
        System.arraycopy(segment, 0, frame, frame.length - segment.length, segment.length);
        return frame;
    }

    private Path writeCapture(byte[] frame) throws IOException {
        Path file = directory.resolve("tcp.pcap");
        try (PcapWriter writer = PcapWriter.open(file, CaptureInterface.LINKTYPE_ETHERNET, 0,
                TimestampResolution.MICROSECOND)) {
            writer.writeFrame(new CapturedFrame(0, 1_000_000_000L, frame));
        }
        return file;
    }

    /**
     * Runs tshark over {@code file} with checksum validation on and absolute sequence numbers, and
     * returns one line per frame with the given fields separated by {@code |}.
     */
    private List<String> tshark(Path file, String... fields) throws IOException, InterruptedException {
        Path configuration = Files.createDirectories(directory.resolve("wireshark-config"));
        Path output = directory.resolve("tshark.out");
        Path errors = directory.resolve("tshark.err");
        List<String> command = new ArrayList<>(List.of("tshark", "-r", file.toString(), "-n",
                "-o", "tcp.check_checksum:TRUE", "-o", "tcp.relative_sequence_numbers:FALSE",
                "-T", "fields", "-E", "separator=|", "-E", "aggregator=,"));
        for (String field : fields) {
            command.add("-e");
            command.add(field);
        }

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
