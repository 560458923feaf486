package io.stackbench.sim.capture;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a classic libpcap file into a {@link Capture} with one unnamed interface.
 *
 * <p>Accepts the microsecond (0xa1b2c3d4) and nanosecond (0xa1b23c4d) magic numbers in both byte
 * orders. The interface takes its link type from the low 16 bits of the header's link type field;
 * the upper bits (FCS length) are ignored. The header's {@code thiszone} is ignored too, because
 * writers set it to 0.
 */
public final class PcapReader {

    private static final int FILE_HEADER_LENGTH = 24;
    private static final int RECORD_HEADER_LENGTH = 16;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private PcapReader() {
    }

    public static Capture read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in);
        }
    }

    public static Capture read(byte[] bytes) throws CaptureFormatException {
        try {
            return read(new ByteArrayInputStream(bytes));
        } catch (CaptureFormatException e) {
            throw e;
        } catch (IOException e) {
            // ByteArrayInputStream raises no other IOException.
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code in} to its end; leaves it open. */
    public static Capture read(InputStream in) throws IOException {
        byte[] header = in.readNBytes(FILE_HEADER_LENGTH);
        if (header.length < FILE_HEADER_LENGTH) {
            throw new CaptureFormatException(header.length, "file ends inside the 24-byte pcap file header");
        }
        ByteOrder order = null;
        TimestampResolution resolution = null;
        for (TimestampResolution candidate : TimestampResolution.values()) {
            for (ByteOrder candidateOrder : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
                if (BlockBody.readUnsigned(header, 0, 4, candidateOrder) == Integer.toUnsignedLong(candidate.magic())) {
                    order = candidateOrder;
                    resolution = candidate;
                }
            }
        }
        if (order == null) {
            throw new CaptureFormatException(0, "not a pcap file: magic 0x" + HexFormat.of().formatHex(header, 0, 4)
                    + " is neither a1b2c3d4 (microseconds) nor a1b23c4d (nanoseconds) in either byte order");
        }
        int major = (int) BlockBody.readUnsigned(header, 4, 2, order);
        int minor = (int) BlockBody.readUnsigned(header, 6, 2, order);
        if (major != 2) {
            throw new CaptureFormatException(4, "unsupported pcap version " + major + "." + minor + "; expected 2.x");
        }
        int snapLength = (int) BlockBody.readUnsigned(header, 16, 4, order);
        int linkType = (int) (BlockBody.readUnsigned(header, 20, 4, order) & 0xffff);

        List<CapturedFrame> frames = new ArrayList<>();
        long offset = FILE_HEADER_LENGTH;
        while (true) {
            byte[] recordHeader = in.readNBytes(RECORD_HEADER_LENGTH);
            if (recordHeader.length == 0) {
                break;
            }
            if (recordHeader.length < RECORD_HEADER_LENGTH) {
                throw new CaptureFormatException(offset, "file ends inside a record header: "
                        + recordHeader.length + " of 16 bytes present");
            }
            long seconds = BlockBody.readUnsigned(recordHeader, 0, 4, order);
            long fraction = BlockBody.readUnsigned(recordHeader, 4, 4, order);
            long capturedLength = BlockBody.readUnsigned(recordHeader, 8, 4, order);
            int originalLength = (int) BlockBody.readUnsigned(recordHeader, 12, 4, order);
            if (capturedLength > Integer.MAX_VALUE - 8) {
                throw new CaptureFormatException(offset + 8, "captured length " + capturedLength
                        + " is larger than this reader supports (2 GiB)");
            }

            // readNBytes grows its buffer as data arrives, so a huge length in a short file costs little.
            byte[] data = in.readNBytes((int) capturedLength);
            if (data.length < capturedLength) {
                throw new CaptureFormatException(offset + RECORD_HEADER_LENGTH + data.length, "file ends inside a record: captured length "
                        + capturedLength + " at offset " + (offset + 8) + ", " + data.length + " bytes present");
            }
            long nanos = seconds * NANOS_PER_SECOND + fraction * resolution.nanosPerUnit();
            frames.add(new CapturedFrame(0, nanos, data, originalLength, null, 0));
            offset += RECORD_HEADER_LENGTH + capturedLength;
        }

        CaptureInterface captureInterface = new CaptureInterface("", "", linkType, snapLength);
        return Capture.of(List.of(captureInterface), frames);
    }
}
