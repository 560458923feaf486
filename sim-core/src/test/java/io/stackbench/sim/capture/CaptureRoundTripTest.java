package io.stackbench.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Capture to bytes to Capture, for both formats, and the determinism of the writers. */
class CaptureRoundTripTest {

    private static final long SEED = 0x5eed_cafeL;

    @TempDir
    Path directory;

    static Capture sampleCapture() {
        Inet4Address hostA = (Inet4Address) TestFrames.address("192.0.2.1");
        Inet4Address hostB = (Inet4Address) TestFrames.address("192.0.2.2");
        Inet6Address hostA6 = (Inet6Address) TestFrames.address("2001:db8::1");
        Inet6Address hostB6 = (Inet6Address) TestFrames.address("2001:db8::2");
        byte[] payload = "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        List<CaptureInterface> interfaces = List.of(
                new CaptureInterface("lan", "office segment", 1, 262_144),
                new CaptureInterface("wan", "", 1, 262_144));
        List<CapturedFrame> frames = List.of(
                new CapturedFrame(0, 1_000_000_001L, TestFrames.arpRequest(TestFrames.MAC_A, hostA, hostB),
                        60, "step 1: host-a resolves host-b", 0),
                new CapturedFrame(0, 1_000_500_002L,
                        TestFrames.ipv4Udp(TestFrames.MAC_A, TestFrames.MAC_B, hostA, hostB, payload)),
                new CapturedFrame(1, 2_000_000_003L,
                        TestFrames.ipv6Udp(TestFrames.MAC_B, TestFrames.MAC_A, hostB6, hostA6, payload),
                        80, "peer: dropped by link impairment", 0x1));
        List<NameRecord> names = List.of(
                new NameRecord(hostA6, "host-a"),
                new NameRecord(hostA, "host-a"),
                new NameRecord(hostB, "host-b"),
                new NameRecord(hostB6, "host-b"));
        List<InterfaceStatistics> statistics = List.of(
                new InterfaceStatistics(0, 3_000_000_000L, 2, 0),
                new InterfaceStatistics(1, 3_000_000_000L, 1, InterfaceStatistics.UNKNOWN));
        return new Capture("scenario arp/basic, seed 1", interfaces, frames, names, statistics);
    }

    @Test
    void pcapngRoundTrip() throws Exception {
        Capture capture = sampleCapture();

        Capture read = PcapngReader.read(PcapngWriter.toBytes(capture));

        assertThat(read).isEqualTo(capture);
    }

    @Test
    void pcapngWriteTwiceIdentical() throws Exception {
        Path first = directory.resolve("first.pcapng");
        Path second = directory.resolve("second.pcapng");

        PcapngWriter.write(sampleCapture(), first);
        PcapngWriter.write(sampleCapture(), second);

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        assertThat(Files.readAllBytes(first)).isEqualTo(PcapngWriter.toBytes(PcapngReader.read(first)));
    }

    @Test
    void streamingMatchesWholeCapture() throws Exception {
        Capture capture = sampleCapture();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (PcapngWriter writer = PcapngWriter.open(out, capture.sectionComment(), capture.interfaces(), capture.names())) {
            for (CapturedFrame frame : capture.frames()) {
                writer.writeFrame(frame);
            }
            for (InterfaceStatistics counters : capture.statistics()) {
                writer.writeStatistics(counters);
            }
        }

        assertThat(out.toByteArray()).isEqualTo(PcapngWriter.toBytes(capture));
    }

    @Test
    void streamingLateInterfaceAndNames() throws Exception {
        Path file = directory.resolve("late.pcapng");
        byte[] frameBytes = Hex.bytes("ffffffffffff0200000000010806");

        try (PcapngWriter writer = PcapngWriter.open(file, null, List.of(CaptureInterface.ethernet("lan")),
                List.of(new NameRecord(TestFrames.address("192.0.2.1"), "host-a")))) {
            writer.writeFrame(new CapturedFrame(0, 10, frameBytes));
            int wan = writer.addInterface(CaptureInterface.ethernet("wan"));
            writer.writeFrame(new CapturedFrame(wan, 20, frameBytes));
            writer.addName(TestFrames.address("192.0.2.1"), "host-a"); // already written: not repeated
            writer.addName(TestFrames.address("192.0.2.9"), "late-host");
            writer.addName(TestFrames.address("192.0.2.1"), "alias");
        }
        Capture read = PcapngReader.read(file);

        assertThat(read.interfaces()).extracting(CaptureInterface::name).containsExactly("lan", "wan");
        assertThat(read.frames()).extracting(CapturedFrame::interfaceId).containsExactly(0, 1);
        assertThat(read.names()).containsExactly(
                new NameRecord(TestFrames.address("192.0.2.1"), List.of("host-a", "alias")),
                new NameRecord(TestFrames.address("192.0.2.9"), "late-host"));
    }

    @Test
    void writerRejectsFrameOfUnknownInterface() throws Exception {
        PcapngWriter writer = PcapngWriter.open(new ByteArrayOutputStream(), null,
                List.of(CaptureInterface.ethernet("lan")), List.of());

        assertThatThrownBy(() -> writer.writeFrame(new CapturedFrame(1, 0, new byte[14])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interface 1");
    }

    @Test
    void writerRejectsFrameOverSnapLength() throws Exception {
        PcapngWriter writer = PcapngWriter.open(new ByteArrayOutputStream(), null,
                List.of(new CaptureInterface("lan", "", 1, 10)), List.of());

        assertThatThrownBy(() -> writer.writeFrame(new CapturedFrame(0, 0, new byte[11])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("snap length 10");
    }

    @Test
    void pcapNanosecondRoundTrip() throws Exception {
        Capture capture = sampleCapture();

        Capture read = PcapReader.read(PcapWriter.toBytes(capture, 0, TimestampResolution.NANOSECOND));

        List<CapturedFrame> expected = new ArrayList<>();
        for (CapturedFrame frame : capture.frames()) {
            if (frame.interfaceId() == 0) {
                // The classic format has no place for comments or flags.
                expected.add(new CapturedFrame(0, frame.timestampNanos(), frame.data(), frame.originalLength(), null, 0));
            }
        }
        assertThat(read.interfaces()).containsExactly(new CaptureInterface("", "", 1, 262_144));
        assertThat(read.frames()).isEqualTo(expected);
    }

    @Test
    void pcapMicrosecondRoundsDown() throws Exception {
        Capture capture = Capture.of(List.of(CaptureInterface.ethernet("lan")),
                List.of(new CapturedFrame(0, 1_000_001_999L, new byte[60])));

        byte[] bytes = PcapWriter.toBytes(capture, 0, TimestampResolution.MICROSECOND);

        assertThat(Hex.of(bytes).substring(0, 8)).isEqualTo("d4c3b2a1"); // magic 0xa1b2c3d4, little-endian
        assertThat(PcapReader.read(bytes).frames().get(0).timestampNanos()).isEqualTo(1_000_001_000L);
    }

    @Test
    void pcapWriteTwiceIdentical() throws Exception {
        Path first = directory.resolve("first.pcap");
        Path second = directory.resolve("second.pcap");

        PcapWriter.write(sampleCapture(), 1, first, TimestampResolution.NANOSECOND);
        PcapWriter.write(sampleCapture(), 1, second, TimestampResolution.NANOSECOND);

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        assertThat(Hex.of(Files.readAllBytes(first)).substring(0, 8)).isEqualTo("4d3cb2a1"); // magic 0xa1b23c4d
    }

    @Test
    void pcapReadsBigEndian() throws Exception {
        byte[] file = Hex.bytes(
                "a1b23c4d",             // magic: nanoseconds, big-endian
                "0002", "0004",         // version 2.4
                "00000000", "00000000", // thiszone, sigfigs
                "0000ffff",             // snap length 65535
                "00000001",             // link type: Ethernet
                "00000002", "00000003", // timestamp 2 s + 3 ns
                "00000002", "0000003c", // captured length 2, original length 60
                "abcd");

        Capture capture = PcapReader.read(file);

        assertThat(capture.interfaces()).containsExactly(new CaptureInterface("", "", 1, 65535));
        assertThat(capture.frames()).containsExactly(new CapturedFrame(0, 2_000_000_003L, Hex.bytes("abcd"), 60, null, 0));
    }

    @Test
    void pcapngRoundTripProperty() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(CaptureGenerators.captures()).checkAssert(capture -> {
            byte[] written = PcapngWriter.toBytes(capture);
            try {
                assertThat(PcapngReader.read(written)).isEqualTo(capture);
            } catch (CaptureFormatException e) {
                throw new AssertionError(e);
            }
            assertThat(PcapngWriter.toBytes(capture)).isEqualTo(written);
        });
    }

    @Test
    void pcapRoundTripProperty() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(CaptureGenerators.captures()).checkAssert(capture -> {
            List<CapturedFrame> expected = new ArrayList<>();
            for (CapturedFrame frame : capture.frames()) {
                if (frame.interfaceId() == 0) {
                    expected.add(new CapturedFrame(0, frame.timestampNanos(), frame.data(), frame.originalLength(), null, 0));
                }
            }
            byte[] written = PcapWriter.toBytes(capture, 0, TimestampResolution.NANOSECOND);
            try {
                assertThat(PcapReader.read(written).frames()).isEqualTo(expected);
            } catch (CaptureFormatException e) {
                throw new AssertionError(e);
            }
        });
    }
}
