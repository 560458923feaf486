package io.stackbench.sim.capture;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a pcapng file into a {@link Capture}.
 *
 * <p>Accepts both byte orders and several sections. Interfaces of every section are listed in
 * file order, so the first interface of the second section follows the last one of the first, and
 * frame interface ids are renumbered to match. Timestamps are converted to nanoseconds from any
 * {@code if_tsresol} (power of 10 or of 2) and shifted by {@code if_tsoffset}. Enhanced, Simple and
 * obsolete Packet Blocks all become frames. A frame from a Simple Packet Block has timestamp 0,
 * because that block carries none. Several comments on one block, or the comments of several
 * sections, are joined with a newline. Blocks of other types are skipped.
 */
public final class PcapngReader {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final InputStream in;
    private long offset;
    private ByteOrder order;
    private int sectionFirstInterface;

    private final List<CaptureInterface> interfaces = new ArrayList<>();
    private final List<InterfaceClock> clocks = new ArrayList<>();
    private final List<CapturedFrame> frames = new ArrayList<>();
    private final List<NameRecord> names = new ArrayList<>();
    private final List<InterfaceStatistics> statistics = new ArrayList<>();
    private final List<String> sectionComments = new ArrayList<>();

    /** The timestamp resolution and offset of one interface. */
    private record InterfaceClock(int tsresol, long offsetSeconds) {
    }

    private PcapngReader(InputStream in) {
        this.in = in;
    }

    public static Capture read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in);
        }
    }

    /** Reads {@code in} to its end; leaves it open. */
    public static Capture read(InputStream in) throws IOException {
        return new PcapngReader(in).readAll();
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

    private Capture readAll() throws IOException {
        boolean first = true;
        while (true) {
            long blockOffset = offset;
            byte[] header = readFully(8, true);
            if (header == null) {
                break;
            }
            boolean sectionHeader = isSectionHeader(header);
            if (first && !sectionHeader) {
                throw new CaptureFormatException(0, "not a pcapng file: it starts with 0x"
                        + HexFormat.of().formatHex(header, 0, 4) + ", not the Section Header Block type 0x0a0d0d0a");
            }
            first = false;

            byte[] byteOrderMagic = null;
            if (sectionHeader) {
                byteOrderMagic = readFully(4, false);
                order = byteOrder(byteOrderMagic, blockOffset + 8);
            }
            int type = (int) BlockBody.readUnsigned(header, 0, 4, order);
            long totalLength = BlockBody.readUnsigned(header, 4, 4, order);
            checkTotalLength(totalLength, sectionHeader ? 28 : 12, blockOffset + 4);

            long bodyOffset = blockOffset + 8;
            byte[] body;
            if (sectionHeader) {
                byte[] rest = readFully((int) (totalLength - 16), false);
                body = new byte[rest.length + 4];
                System.arraycopy(byteOrderMagic, 0, body, 0, 4);
                System.arraycopy(rest, 0, body, 4, rest.length);
            } else {
                body = readFully((int) (totalLength - 12), false);
            }
            long trailerOffset = offset;
            long trailer = BlockBody.readUnsigned(readFully(4, false), 0, 4, order);
            if (trailer != totalLength) {
                throw new CaptureFormatException(trailerOffset, "block total length at the end (" + trailer
                        + ") differs from the one at the start (" + totalLength + ")");
            }

            parseBlock(type, body, bodyOffset);
        }
        if (first) {
            throw new CaptureFormatException(0, "the file is empty; a pcapng file starts with a Section Header Block");
        }

        String sectionComment = sectionComments.isEmpty() ? null : String.join("\n", sectionComments);
        return new Capture(sectionComment, interfaces, frames, names, statistics);
    }

    private void parseBlock(int type, byte[] bytes, long bodyOffset) throws CaptureFormatException {
        switch (type) {
            case Pcapng.SECTION_HEADER_BLOCK -> parseSectionHeader(new BlockBody(bytes, order, bodyOffset, "Section Header Block"));
            case Pcapng.INTERFACE_DESCRIPTION_BLOCK -> parseInterface(new BlockBody(bytes, order, bodyOffset, "Interface Description Block"));
            case Pcapng.ENHANCED_PACKET_BLOCK -> parseEnhancedPacket(new BlockBody(bytes, order, bodyOffset, "Enhanced Packet Block"));
            case Pcapng.SIMPLE_PACKET_BLOCK -> parseSimplePacket(new BlockBody(bytes, order, bodyOffset, "Simple Packet Block"));
            case Pcapng.PACKET_BLOCK -> parsePacket(new BlockBody(bytes, order, bodyOffset, "Packet Block"));
            case Pcapng.NAME_RESOLUTION_BLOCK -> parseNames(new BlockBody(bytes, order, bodyOffset, "Name Resolution Block"));
            case Pcapng.INTERFACE_STATISTICS_BLOCK -> parseStatistics(new BlockBody(bytes, order, bodyOffset, "Interface Statistics Block"));
            default -> {
                // Custom, Decryption Secrets, systemd Journal Export and future blocks: nothing to keep.
            }
        }
    }

    private void parseSectionHeader(BlockBody body) throws CaptureFormatException {
        body.requireLength(16);
        int major = body.u16(4);
        int minor = body.u16(6);
        if (major != Pcapng.MAJOR_VERSION) {
            throw body.fault(4, "unsupported pcapng version " + major + "." + minor + "; only major version 1 is defined");
        }

        sectionFirstInterface = interfaces.size();
        String comment = comments(body, body.options(16));
        if (comment != null) {
            sectionComments.add(comment);
        }
    }

    private void parseInterface(BlockBody body) throws CaptureFormatException {
        body.requireLength(8);
        int linkType = body.u16(0);
        int snapLength = (int) body.u32(4);
        String name = "";
        String description = "";
        boolean nameSeen = false;
        boolean descriptionSeen = false;
        int tsresol = Pcapng.TSRESOL_DEFAULT;
        long tsoffset = 0;

        for (BlockBody.Option option : body.options(8)) {
            switch (option.code()) {
                case Pcapng.IF_NAME -> {
                    if (!nameSeen) {
                        name = body.utf8(option.valueOffset(), option.length());
                        nameSeen = true;
                    }
                }
                case Pcapng.IF_DESCRIPTION -> {
                    if (!descriptionSeen) {
                        description = body.utf8(option.valueOffset(), option.length());
                        descriptionSeen = true;
                    }
                }
                case Pcapng.IF_TSRESOL -> {
                    body.requireOptionLength(option, 1, "if_tsresol");
                    tsresol = body.u8(option.valueOffset());
                }
                case Pcapng.IF_TSOFFSET -> {
                    body.requireOptionLength(option, 8, "if_tsoffset");
                    tsoffset = body.u64(option.valueOffset());
                }
                default -> {
                    // Other interface options are not part of the model.
                }
            }
        }

        interfaces.add(new CaptureInterface(name, description, linkType, snapLength));
        clocks.add(new InterfaceClock(tsresol, tsoffset));
    }

    private void parseEnhancedPacket(BlockBody body) throws CaptureFormatException {
        body.requireLength(20);
        int interfaceId = globalInterface(body, body.u32(0), 0);
        long rawTimestamp = body.timestamp(4);
        long capturedLength = body.u32(12);
        int originalLength = (int) body.u32(16);
        byte[] data = packetData(body, 20, capturedLength, 12);

        List<BlockBody.Option> options = body.options(Math.min(20 + Pcapng.padded(data.length), body.length()));
        String comment = comments(body, options);
        int flags = flags(body, options, Pcapng.EPB_FLAGS, "epb_flags");

        long nanos = toNanos(rawTimestamp, interfaceId, body, 4);
        frames.add(new CapturedFrame(interfaceId, nanos, data, originalLength, comment, flags));
    }

    private void parsePacket(BlockBody body) throws CaptureFormatException {
        body.requireLength(20);
        int interfaceId = globalInterface(body, body.u16(0), 0);
        long rawTimestamp = body.timestamp(4);
        long capturedLength = body.u32(12);
        int originalLength = (int) body.u32(16);
        byte[] data = packetData(body, 20, capturedLength, 12);

        List<BlockBody.Option> options = body.options(Math.min(20 + Pcapng.padded(data.length), body.length()));
        String comment = comments(body, options);
        int flags = flags(body, options, Pcapng.PACK_FLAGS, "pack_flags");

        long nanos = toNanos(rawTimestamp, interfaceId, body, 4);
        frames.add(new CapturedFrame(interfaceId, nanos, data, originalLength, comment, flags));
    }

    private void parseSimplePacket(BlockBody body) throws CaptureFormatException {
        body.requireLength(4);
        int interfaceId = globalInterface(body, 0, 0);
        long originalLength = body.u32(0);

        // The captured length is not stored: it is the original length cut to the snap length and
        // to the block, whose end may carry padding.
        long capturedLength = Math.min(originalLength, body.length() - 4);
        long snapLength = Integer.toUnsignedLong(interfaces.get(interfaceId).snapLength());
        if (snapLength != 0) {
            capturedLength = Math.min(capturedLength, snapLength);
        }
        byte[] data = body.slice(4, (int) capturedLength);

        frames.add(new CapturedFrame(interfaceId, 0, data, (int) originalLength, null, 0));
    }

    private void parseNames(BlockBody body) throws CaptureFormatException {
        int position = 0;
        while (position + 4 <= body.length()) {
            int recordType = body.u16(position);
            int length = body.u16(position + 2);
            if (recordType == Pcapng.NRB_RECORD_END) {
                break;
            }
            if (position + 4 + length > body.length()) {
                throw body.fault(position + 2, "name record of type " + recordType + " has length " + length
                        + ", which runs past the end of the Name Resolution Block");
            }
            switch (recordType) {
                case Pcapng.NRB_RECORD_IPV4 -> addNames(body, position, length, 4, "nrb_record_ipv4");
                case Pcapng.NRB_RECORD_IPV6 -> addNames(body, position, length, 16, "nrb_record_ipv6");
                default -> {
                    // Name resolution records for hardware addresses (EUI-48, EUI-64) are not part of the model.
                }
            }
            position += 4 + Pcapng.padded(length);
        }
        // The block's options (ns_dnsname and the like) are not part of the model.
    }

    private void addNames(BlockBody body, int position, int length, int addressLength, String recordName)
            throws CaptureFormatException {
        if (length < addressLength) {
            throw body.fault(position + 2, recordName + " has length " + length + ", too short for a "
                    + addressLength + "-byte address");
        }
        byte[] address = body.slice(position + 4, addressLength);
        byte[] text = body.slice(position + 4 + addressLength, length - addressLength);

        // Each name ends with a NUL; a missing final NUL is tolerated and empty names are skipped.
        List<String> recordNames = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length; i++) {
            if (i == text.length || text[i] == 0) {
                if (i > start) {
                    recordNames.add(new String(text, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        if (!recordNames.isEmpty()) {
            names.add(new NameRecord(inetAddress(address), recordNames));
        }
    }

    private void parseStatistics(BlockBody body) throws CaptureFormatException {
        body.requireLength(12);
        int interfaceId = globalInterface(body, body.u32(0), 0);
        long rawTimestamp = body.timestamp(4);
        long received = InterfaceStatistics.UNKNOWN;
        long dropped = InterfaceStatistics.UNKNOWN;
        long start = InterfaceStatistics.UNKNOWN;
        long end = InterfaceStatistics.UNKNOWN;

        for (BlockBody.Option option : body.options(12)) {
            if (option.code() == Pcapng.ISB_STARTTIME) {
                body.requireOptionLength(option, 8, "isb_starttime");
                start = timeOption(body, option, interfaceId);
            } else if (option.code() == Pcapng.ISB_ENDTIME) {
                body.requireOptionLength(option, 8, "isb_endtime");
                end = timeOption(body, option, interfaceId);
            } else if (option.code() == Pcapng.ISB_IFRECV) {
                body.requireOptionLength(option, 8, "isb_ifrecv");
                received = body.u64(option.valueOffset());
            } else if (option.code() == Pcapng.ISB_IFDROP) {
                body.requireOptionLength(option, 8, "isb_ifdrop");
                dropped = body.u64(option.valueOffset());
            }
        }

        long nanos = toNanos(rawTimestamp, interfaceId, body, 4);
        statistics.add(new InterfaceStatistics(interfaceId, nanos, received, dropped, start, end));
    }

    /** Reads an {@code isb_starttime} or {@code isb_endtime} value in nanoseconds; all ones reads as UNKNOWN. */
    private long timeOption(BlockBody body, BlockBody.Option option, int interfaceId) throws CaptureFormatException {
        long raw = body.timestamp(option.valueOffset());
        if (raw == InterfaceStatistics.UNKNOWN) {
            return InterfaceStatistics.UNKNOWN;
        }
        return toNanos(raw, interfaceId, body, option.valueOffset());
    }

    /** Maps a section-local interface id to the index in {@link #interfaces}. */
    private int globalInterface(BlockBody body, long localId, int position) throws CaptureFormatException {
        int sectionInterfaces = interfaces.size() - sectionFirstInterface;
        if (localId >= sectionInterfaces) {
            throw body.fault(position, "interface id " + localId + " has no Interface Description Block; the section has "
                    + sectionInterfaces + " so far");
        }
        return sectionFirstInterface + (int) localId;
    }

    private static byte[] packetData(BlockBody body, int start, long capturedLength, int lengthPosition)
            throws CaptureFormatException {
        if (capturedLength > body.length() - start) {
            throw body.fault(lengthPosition, "captured length " + capturedLength + " runs past the end of the block, which has "
                    + (body.length() - start) + " bytes of packet data");
        }
        return body.slice(start, (int) capturedLength);
    }

    private static String comments(BlockBody body, List<BlockBody.Option> options) throws CaptureFormatException {
        List<String> comments = new ArrayList<>();
        for (BlockBody.Option option : options) {
            if (option.code() == Pcapng.OPT_COMMENT && option.length() > 0) {
                comments.add(body.utf8(option.valueOffset(), option.length()));
            }
        }
        return comments.isEmpty() ? null : String.join("\n", comments);
    }

    private static int flags(BlockBody body, List<BlockBody.Option> options, int code, String name)
            throws CaptureFormatException {
        for (BlockBody.Option option : options) {
            if (option.code() == code) {
                body.requireOptionLength(option, 4, name);
                return (int) body.u32(option.valueOffset());
            }
        }
        return 0;
    }

    /**
     * Converts a raw timestamp to nanoseconds. {@code if_tsresol} with the top bit clear counts
     * 10^-n seconds, with the top bit set 2^-n seconds; finer units than nanoseconds round down.
     */
    private long toNanos(long raw, int interfaceId, BlockBody body, int position) throws CaptureFormatException {
        InterfaceClock clock = clocks.get(interfaceId);
        if (clock.tsresol == Pcapng.TSRESOL_NANOSECONDS && clock.offsetSeconds == 0) {
            return raw;
        }

        BigInteger units = new BigInteger(Long.toUnsignedString(raw));
        int exponent = clock.tsresol & 0x7f;
        BigInteger nanos;
        if ((clock.tsresol & 0x80) == 0) {
            BigInteger nanosPerSecond = BigInteger.valueOf(NANOS_PER_SECOND);
            nanos = units.multiply(nanosPerSecond).divide(BigInteger.TEN.pow(exponent));
        } else {
            nanos = units.multiply(BigInteger.valueOf(NANOS_PER_SECOND)).shiftRight(exponent);
        }
        nanos = nanos.add(BigInteger.valueOf(clock.offsetSeconds).multiply(BigInteger.valueOf(NANOS_PER_SECOND)));
        if (nanos.bitLength() > 63) {
            throw body.fault(position, "timestamp " + Long.toUnsignedString(raw) + " with if_tsresol 0x"
                    + Integer.toHexString(clock.tsresol) + " and if_tsoffset " + clock.offsetSeconds
                    + " s does not fit in 64-bit nanoseconds");
        }
        return nanos.longValue();
    }

    private static boolean isSectionHeader(byte[] header) {
        // The type 0x0a0d0d0a reads the same in both byte orders.
        return header[0] == 0x0a && header[1] == 0x0d && header[2] == 0x0d && header[3] == 0x0a;
    }

    private static ByteOrder byteOrder(byte[] magic, long magicOffset) throws CaptureFormatException {
        long bigEndian = BlockBody.readUnsigned(magic, 0, 4, ByteOrder.BIG_ENDIAN);
        if (bigEndian == Pcapng.BYTE_ORDER_MAGIC) {
            return ByteOrder.BIG_ENDIAN;
        }
        if (BlockBody.readUnsigned(magic, 0, 4, ByteOrder.LITTLE_ENDIAN) == Pcapng.BYTE_ORDER_MAGIC) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        throw new CaptureFormatException(magicOffset, "invalid byte-order magic 0x" + HexFormat.of().formatHex(magic)
                + "; expected 1a2b3c4d in either byte order");
    }

    private static void checkTotalLength(long totalLength, int minimum, long lengthOffset) throws CaptureFormatException {
        if (totalLength < minimum) {
            throw new CaptureFormatException(lengthOffset, "block total length " + totalLength
                    + " is less than the minimum " + minimum);
        }
        if (totalLength % 4 != 0) {
            throw new CaptureFormatException(lengthOffset, "block total length " + totalLength + " is not a multiple of 4");
        }
        if (totalLength > Integer.MAX_VALUE - 8) {
            throw new CaptureFormatException(lengthOffset, "block total length " + totalLength
                    + " is larger than this reader supports (2 GiB)");
        }
    }

    /**
     * Reads exactly {@code length} bytes. Returns null at a clean end of file when
     * {@code endAllowed}; raises if the file ends part-way.
     */
    private byte[] readFully(int length, boolean endAllowed) throws IOException {
        // readNBytes grows its buffer as data arrives, so a huge length in a short file costs little.
        byte[] bytes = in.readNBytes(length);
        if (bytes.length == 0 && endAllowed) {
            return null;
        }
        if (bytes.length < length) {
            throw new CaptureFormatException(offset + bytes.length, "file ends inside a block: "
                    + length + " bytes needed from offset " + offset + ", " + bytes.length + " present");
        }
        offset += length;
        return bytes;
    }

    private static InetAddress inetAddress(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            // Only for lengths other than 4 and 16, which the callers never pass.
            throw new IllegalStateException(e);
        }
    }
}
