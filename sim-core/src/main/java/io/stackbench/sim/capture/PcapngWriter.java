package io.stackbench.sim.capture;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes one little-endian pcapng section, the same bytes for the same input on every run.
 *
 * <p>Block order: a Section Header Block whose only possible option is {@code shb_comment}; one
 * Interface Description Block per interface given to {@link #open}, each with {@code if_name} and
 * {@code if_description} when non-empty and {@code if_tsresol} = 9; one Name Resolution Block with
 * the names given to {@code open}; then Enhanced Packet Blocks and Interface Statistics Blocks in
 * the order they are written. All timestamps are nanoseconds.
 *
 * <p>The streaming form lets a simulation write frames as they happen:
 * <pre>{@code
 * try (PcapngWriter writer = PcapngWriter.open(path, null, interfaces, names)) {
 *     writer.writeFrame(frame);   // once per frame
 * }
 * }</pre>
 * An interface that appears later gets its own block from {@link #addInterface}, before the first
 * frame that uses it. Names added later with {@link #addName} are collected and written at
 * {@link #finish()} as a second Name Resolution Block after the packets, which pcapng allows.
 * NOTE: a reader that decodes in one pass applies those late names only to what follows them
 * (TShark 4.0.17 shows them only with {@code -2}), so give every known name to {@code open}.
 *
 * <p>{@link #write(Capture, OutputStream)} writes a whole {@link Capture} this way: names up front,
 * statistics after the frames. Not thread-safe.
 */
public final class PcapngWriter implements Closeable {

    private final OutputStream out;
    private final LittleEndianBuffer block = new LittleEndianBuffer();
    private final List<CaptureInterface> interfaces = new ArrayList<>();
    private final Map<InetAddress, Set<String>> writtenNames = new TreeMap<>(NameRecord.ADDRESS_ORDER);
    private final Map<InetAddress, Set<String>> pendingNames = new TreeMap<>(NameRecord.ADDRESS_ORDER);
    private boolean blockHasOptions;
    private boolean finished;

    private PcapngWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Starts a section on {@code out}: writes the Section Header Block, one Interface Description
     * Block per interface and, when {@code names} is not empty, a Name Resolution Block.
     * {@link #close()} closes {@code out}.
     *
     * @param sectionComment the {@code shb_comment}, or null for none
     */
    public static PcapngWriter open(OutputStream out, String sectionComment, List<CaptureInterface> interfaces,
            List<NameRecord> names) throws IOException {
        PcapngWriter writer = new PcapngWriter(out);
        writer.writeSectionHeader(sectionComment);
        for (CaptureInterface captureInterface : interfaces) {
            writer.addInterface(captureInterface);
        }
        writer.writeNames(NameRecord.canonical(names));
        return writer;
    }

    /** Creates or replaces {@code file} and starts a section in it, as {@link #open(OutputStream, String, List, List)}. */
    public static PcapngWriter open(Path file, String sectionComment, List<CaptureInterface> interfaces,
            List<NameRecord> names) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
        try {
            return open(out, sectionComment, interfaces, names);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /** Writes {@code capture} to {@code out} and flushes it; leaves {@code out} open. */
    public static void write(Capture capture, OutputStream out) throws IOException {
        PcapngWriter writer = open(out, capture.sectionComment(), capture.interfaces(), capture.names());
        for (CapturedFrame frame : capture.frames()) {
            writer.writeFrame(frame);
        }
        for (InterfaceStatistics counters : capture.statistics()) {
            writer.writeStatistics(counters);
        }
        writer.finish();
    }

    /** Writes {@code capture} to {@code file}, creating or replacing it. */
    public static void write(Capture capture, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(capture, out);
        }
    }

    /** Returns {@code capture} as pcapng bytes. */
    public static byte[] toBytes(Capture capture) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(capture, out);
        } catch (IOException e) {
            // ByteArrayOutputStream does not raise IOException.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes an Interface Description Block and returns the new interface's id. */
    public int addInterface(CaptureInterface captureInterface) throws IOException {
        requireOpen();
        beginBlock(Pcapng.INTERFACE_DESCRIPTION_BLOCK);
        block.u16(captureInterface.linkType());
        block.u16(0); // reserved
        block.u32(captureInterface.snapLength());
        if (!captureInterface.name().isEmpty()) {
            option(Pcapng.IF_NAME, utf8(captureInterface.name()));
        }
        if (!captureInterface.description().isEmpty()) {
            option(Pcapng.IF_DESCRIPTION, utf8(captureInterface.description()));
        }
        option(Pcapng.IF_TSRESOL, new byte[] {Pcapng.TSRESOL_NANOSECONDS});
        endBlock();

        interfaces.add(captureInterface);
        return interfaces.size() - 1;
    }

    /**
     * Records a name for {@code address}, to be written at {@link #finish()} unless the opening
     * Name Resolution Block already has it.
     */
    public void addName(InetAddress address, String name) {
        requireOpen();
        NameRecord record = new NameRecord(address, name);
        Set<String> written = writtenNames.get(record.address());
        if (written == null || !written.contains(name)) {
            pendingNames.computeIfAbsent(record.address(), key -> new LinkedHashSet<>()).add(name);
        }
    }

    /**
     * Writes an Enhanced Packet Block.
     *
     * @throws IllegalArgumentException when the frame's interface has no block yet, the frame is
     *                                  longer than the interface's snap length, or the original
     *                                  length is less than the captured length
     */
    public void writeFrame(CapturedFrame frame) throws IOException {
        requireOpen();
        CaptureInterface captureInterface = requireInterface(frame.interfaceId(), "frame");
        byte[] data = frame.bytes();
        long snapLength = Integer.toUnsignedLong(captureInterface.snapLength());
        if (snapLength != 0 && data.length > snapLength) {
            throw new IllegalArgumentException("frame of " + data.length + " bytes exceeds the snap length "
                    + snapLength + " of interface " + frame.interfaceId());
        }
        if (Integer.toUnsignedLong(frame.originalLength()) < data.length) {
            throw new IllegalArgumentException("frame original length " + Integer.toUnsignedString(frame.originalLength())
                    + " is less than its " + data.length + " captured bytes");
        }

        beginBlock(Pcapng.ENHANCED_PACKET_BLOCK);
        block.u32(frame.interfaceId());
        timestamp(frame.timestampNanos());
        block.u32(data.length);
        block.u32(frame.originalLength());
        block.bytes(data);
        block.padTo32Bits();
        if (frame.comment() != null) {
            option(Pcapng.OPT_COMMENT, utf8(frame.comment()));
        }
        if (frame.flags() != 0) {
            LittleEndianBuffer flags = new LittleEndianBuffer();
            flags.u32(frame.flags());
            option(Pcapng.EPB_FLAGS, flags.toByteArray());
        }
        endBlock();
    }

    /**
     * Writes an Interface Statistics Block with the times and counters that are not
     * {@link InterfaceStatistics#UNKNOWN}, in option code order: {@code isb_starttime},
     * {@code isb_endtime}, {@code isb_ifrecv}, {@code isb_ifdrop}.
     */
    public void writeStatistics(InterfaceStatistics counters) throws IOException {
        requireOpen();
        requireInterface(counters.interfaceId(), "statistics");

        beginBlock(Pcapng.INTERFACE_STATISTICS_BLOCK);
        block.u32(counters.interfaceId());
        timestamp(counters.timestampNanos());
        if (counters.startNanos() != InterfaceStatistics.UNKNOWN) {
            option(Pcapng.ISB_STARTTIME, timestampValue(counters.startNanos()));
        }
        if (counters.endNanos() != InterfaceStatistics.UNKNOWN) {
            option(Pcapng.ISB_ENDTIME, timestampValue(counters.endNanos()));
        }
        if (counters.received() != InterfaceStatistics.UNKNOWN) {
            option(Pcapng.ISB_IFRECV, u64(counters.received()));
        }
        if (counters.dropped() != InterfaceStatistics.UNKNOWN) {
            option(Pcapng.ISB_IFDROP, u64(counters.dropped()));
        }
        endBlock();
    }

    /** Returns the number of Interface Description Blocks written so far. */
    public int interfaceCount() {
        return interfaces.size();
    }

    /**
     * Writes the names added since {@link #open} and flushes. Later writes raise
     * {@link IllegalStateException}; calling it again does nothing.
     */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        List<NameRecord> late = new ArrayList<>();
        pendingNames.forEach((address, names) -> late.add(new NameRecord(address, List.copyOf(names))));
        writeNames(late);
        pendingNames.clear();
        out.flush();
        finished = true;
    }

    /** Finishes the section and closes the output stream. */
    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            out.close();
        }
    }

    private void writeSectionHeader(String sectionComment) throws IOException {
        beginBlock(Pcapng.SECTION_HEADER_BLOCK);
        block.u32(Pcapng.BYTE_ORDER_MAGIC);
        block.u16(Pcapng.MAJOR_VERSION);
        block.u16(Pcapng.MINOR_VERSION);
        block.u64(-1L); // section length: not given
        if (sectionComment != null && !sectionComment.isEmpty()) {
            option(Pcapng.OPT_COMMENT, utf8(sectionComment));
        }
        endBlock();
    }

    private void writeNames(List<NameRecord> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        beginBlock(Pcapng.NAME_RESOLUTION_BLOCK);
        for (NameRecord record : records) {
            byte[] address = record.address().getAddress();
            LittleEndianBuffer value = new LittleEndianBuffer();
            value.bytes(address);
            for (String name : record.names()) {
                value.bytes(utf8(name));
                value.u8(0);
            }
            if (value.size() > Pcapng.MAX_OPTION_LENGTH) {
                throw new IllegalArgumentException("names of " + record.address().getHostAddress()
                        + " take " + value.size() + " bytes, more than a record's limit of " + Pcapng.MAX_OPTION_LENGTH);
            }
            block.u16(address.length == 4 ? Pcapng.NRB_RECORD_IPV4 : Pcapng.NRB_RECORD_IPV6);
            block.u16(value.size());
            block.bytes(value.toByteArray());
            block.padTo32Bits();
            writtenNames.computeIfAbsent(record.address(), key -> new LinkedHashSet<>()).addAll(record.names());
        }
        block.u16(Pcapng.NRB_RECORD_END);
        block.u16(0);
        endBlock();
    }

    private CaptureInterface requireInterface(int interfaceId, String referrer) {
        if (interfaceId >= interfaces.size()) {
            throw new IllegalArgumentException(referrer + " refers to interface " + interfaceId + ", but only "
                    + interfaces.size() + " Interface Description Blocks were written; call addInterface first");
        }
        return interfaces.get(interfaceId);
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the pcapng section is already finished");
        }
    }

    private void beginBlock(int type) {
        block.reset();
        block.u32(type);
        block.u32(0); // block total length, set by endBlock
        blockHasOptions = false;
    }

    private void option(int code, byte[] value) {
        if (value.length > Pcapng.MAX_OPTION_LENGTH) {
            throw new IllegalArgumentException("option " + code + " has " + value.length
                    + " bytes, more than the limit of " + Pcapng.MAX_OPTION_LENGTH);
        }
        block.u16(code);
        block.u16(value.length);
        block.bytes(value);
        block.padTo32Bits();
        blockHasOptions = true;
    }

    private void timestamp(long nanos) {
        block.u32((int) (nanos >>> 32));
        block.u32((int) nanos);
    }

    private void endBlock() throws IOException {
        if (blockHasOptions) {
            block.u16(Pcapng.OPT_ENDOFOPT);
            block.u16(0);
        }
        int totalLength = block.size() + 4;
        block.putU32(4, totalLength);
        block.u32(totalLength);
        out.write(block.array(), 0, block.size());
    }

    /** Returns a timestamp option value: upper 32 bits, then lower 32 bits, as in a block's timestamp. */
    private static byte[] timestampValue(long nanos) {
        LittleEndianBuffer buffer = new LittleEndianBuffer();
        buffer.u32((int) (nanos >>> 32));
        buffer.u32((int) nanos);
        return buffer.toByteArray();
    }

    private static byte[] u64(long value) {
        LittleEndianBuffer buffer = new LittleEndianBuffer();
        buffer.u64(value);
        return buffer.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
