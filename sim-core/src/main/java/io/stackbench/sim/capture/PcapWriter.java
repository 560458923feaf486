package io.stackbench.sim.capture;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a classic little-endian libpcap file: one link type, no comments, no names.
 *
 * <p>{@link TimestampResolution#NANOSECOND} (magic 0xa1b23c4d) keeps simulated time exact;
 * {@link TimestampResolution#MICROSECOND} (magic 0xa1b2c3d4) rounds each timestamp down to the
 * microsecond, for tools that read only that form. A frame's comment and flags are not written,
 * because the format has no place for them. Timestamps must lie between 0 and 2^32 seconds.
 */
public final class PcapWriter implements Closeable {

    private static final int VERSION_MAJOR = 2;
    private static final int VERSION_MINOR = 4;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final OutputStream out;
    private final long snapLength;
    private final TimestampResolution resolution;
    private final LittleEndianBuffer record = new LittleEndianBuffer();
    private boolean finished;

    private PcapWriter(OutputStream out, int snapLength, TimestampResolution resolution) {
        this.out = out;
        this.snapLength = Integer.toUnsignedLong(snapLength);
        this.resolution = resolution;
    }

    /**
     * Writes the file header to {@code out} and returns a writer for its records.
     * {@link #close()} closes {@code out}.
     *
     * @param snapLength unsigned; 0 writes {@link CaptureInterface#DEFAULT_SNAP_LENGTH}, because
     *                   the classic header has no value that means no limit
     */
    public static PcapWriter open(OutputStream out, int linkType, int snapLength, TimestampResolution resolution)
            throws IOException {
        if (linkType < 0 || linkType > 0xffff) {
            throw new IllegalArgumentException("link type " + linkType + " is outside 0..65535");
        }
        int writtenSnapLength = snapLength == 0 ? CaptureInterface.DEFAULT_SNAP_LENGTH : snapLength;
        PcapWriter writer = new PcapWriter(out, snapLength, resolution);

        LittleEndianBuffer header = new LittleEndianBuffer();
        header.u32(resolution.magic());
        header.u16(VERSION_MAJOR);
        header.u16(VERSION_MINOR);
        header.u32(0); // thiszone: timestamps are UTC
        header.u32(0); // sigfigs
        header.u32(writtenSnapLength);
        header.u32(linkType);
        out.write(header.array(), 0, header.size());
        return writer;
    }

    /** Creates or replaces {@code file} and writes its header, as {@link #open(OutputStream, int, int, TimestampResolution)}. */
    public static PcapWriter open(Path file, int linkType, int snapLength, TimestampResolution resolution)
            throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
        try {
            return open(out, linkType, snapLength, resolution);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /**
     * Writes the frames of one interface of {@code capture} to {@code out} and flushes it; leaves
     * {@code out} open. Frames of other interfaces are left out.
     */
    public static void write(Capture capture, int interfaceId, OutputStream out, TimestampResolution resolution)
            throws IOException {
        if (interfaceId < 0 || interfaceId >= capture.interfaces().size()) {
            throw new IllegalArgumentException("interface " + interfaceId + " is not in the capture, which has "
                    + capture.interfaces().size() + " interfaces");
        }
        CaptureInterface captureInterface = capture.interfaces().get(interfaceId);
        PcapWriter writer = open(out, captureInterface.linkType(), captureInterface.snapLength(), resolution);
        for (CapturedFrame frame : capture.frames()) {
            if (frame.interfaceId() == interfaceId) {
                writer.writeFrame(frame);
            }
        }
        writer.finish();
    }

    /** Writes one interface of {@code capture} to {@code file}, creating or replacing it. */
    public static void write(Capture capture, int interfaceId, Path file, TimestampResolution resolution)
            throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(capture, interfaceId, out, resolution);
        }
    }

    /** Returns one interface of {@code capture} as classic pcap bytes. */
    public static byte[] toBytes(Capture capture, int interfaceId, TimestampResolution resolution) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(capture, interfaceId, out, resolution);
        } catch (IOException e) {
            // ByteArrayOutputStream does not raise IOException.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes one record. The frame's interface id is not checked, because the file has only one
     * interface.
     *
     * @throws IllegalArgumentException when the timestamp is outside 0 to 2^32 seconds, the frame
     *                                  is longer than the snap length, or the original length is
     *                                  less than the captured length
     */
    public void writeFrame(CapturedFrame frame) throws IOException {
        if (finished) {
            throw new IllegalStateException("the pcap file is already finished");
        }
        byte[] data = frame.bytes();
        long nanos = frame.timestampNanos();
        long seconds = nanos / NANOS_PER_SECOND;
        if (nanos < 0 || seconds > 0xffff_ffffL) {
            throw new IllegalArgumentException("timestamp " + nanos + " ns is out of range: a pcap record holds 0 to 2^32 - 1 seconds");
        }
        if (snapLength != 0 && data.length > snapLength) {
            throw new IllegalArgumentException("frame of " + data.length + " bytes exceeds the snap length " + snapLength);
        }
        if (Integer.toUnsignedLong(frame.originalLength()) < data.length) {
            throw new IllegalArgumentException("frame original length " + Integer.toUnsignedString(frame.originalLength())
                    + " is less than its " + data.length + " captured bytes");
        }

        record.reset();
        record.u32((int) seconds);
        record.u32((int) ((nanos % NANOS_PER_SECOND) / resolution.nanosPerUnit()));
        record.u32(data.length);
        record.u32(frame.originalLength());
        out.write(record.array(), 0, record.size());
        out.write(data);
    }

    /** Flushes the output. Later writes raise {@link IllegalStateException}. */
    public void finish() throws IOException {
        finished = true;
        out.flush();
    }

    /** Flushes and closes the output stream. */
    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            out.close();
        }
    }
}
