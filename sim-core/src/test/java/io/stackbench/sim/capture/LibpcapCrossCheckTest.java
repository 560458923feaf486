package io.stackbench.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.EOFException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.Pcaps;

/** Files we write, read back by libpcap through pcap4j. Skipped where libpcap cannot be loaded. */
class LibpcapCrossCheckTest {

    /** What libpcap returns for one record. */
    record LibpcapFrame(long timestampNanos, String data, int originalLength) {
    }

    @TempDir
    Path directory;

    @BeforeAll
    static void requireLibpcap() {
        String version;
        try {
            version = Pcaps.libVersion();
        } catch (LinkageError e) {
            // UnsatisfiedLinkError or a failed static initializer when libpcap is not installed.
            version = null;
        }
        assumeTrue(version != null, "libpcap could not be loaded through pcap4j; install libpcap (Debian: libpcap0.8)");
    }

    @Test
    void readsNanosecondPcap() throws Exception {
        Capture capture = CaptureRoundTripTest.sampleCapture();
        Path file = directory.resolve("lan.pcap");

        PcapWriter.write(capture, 0, file, TimestampResolution.NANOSECOND);

        assertThat(readWithLibpcap(file)).isEqualTo(expected(capture, 0, 1));
    }

    @Test
    void readsMicrosecondPcap() throws Exception {
        Capture capture = CaptureRoundTripTest.sampleCapture();
        Path file = directory.resolve("lan-usec.pcap");

        PcapWriter.write(capture, 0, file, TimestampResolution.MICROSECOND);

        assertThat(readWithLibpcap(file)).isEqualTo(expected(capture, 0, 1_000));
    }

    @Test
    void readsPcapng() throws Exception {
        Capture capture = CaptureRoundTripTest.sampleCapture();
        Path file = directory.resolve("run.pcapng");

        PcapngWriter.write(capture, file);

        assertThat(readWithLibpcap(file)).isEqualTo(expected(capture, -1, 1));
    }

    /** Returns the frames of one interface (all when {@code interfaceId} is -1), timestamps cut to {@code unitNanos}. */
    private static List<LibpcapFrame> expected(Capture capture, int interfaceId, long unitNanos) {
        List<LibpcapFrame> frames = new ArrayList<>();
        for (CapturedFrame frame : capture.frames()) {
            if (interfaceId < 0 || frame.interfaceId() == interfaceId) {
                long nanos = frame.timestampNanos() / unitNanos * unitNanos;
                frames.add(new LibpcapFrame(nanos, Hex.of(frame.data()), frame.originalLength()));
            }
        }
        return frames;
    }

    private static List<LibpcapFrame> readWithLibpcap(Path file) throws Exception {
        List<LibpcapFrame> frames = new ArrayList<>();
        PcapHandle handle = Pcaps.openOffline(file.toString(), TimestampPrecision.NANO);
        try {
            while (true) {
                byte[] data;
                try {
                    data = handle.getNextRawPacketEx();
                } catch (EOFException end) {
                    break;
                }
                Timestamp timestamp = handle.getTimestamp();
                long nanos = Math.floorDiv(timestamp.getTime(), 1000L) * 1_000_000_000L + timestamp.getNanos();
                frames.add(new LibpcapFrame(nanos, Hex.of(data), handle.getOriginalLength()));
            }
        } finally {
            handle.close();
        }
        return frames;
    }
}
