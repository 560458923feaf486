package io.stackbench.stack.tcp;

import io.stackbench.stack.wire.MalformedPacketException;
import io.stackbench.stack.wire.TcpFlags;
import io.stackbench.stack.wire.TcpOption;
import io.stackbench.stack.wire.TcpOptionKind;
import io.stackbench.stack.wire.TcpPacket;
import java.util.Arrays;

/**
 * The values of a received segment that RFC 9293 §3.10.7 names (SEG.SEQ, SEG.ACK, SEG.LEN,
 * SEG.WND) and the options this TCP reads. The data stays in the received frame until a step
 * copies the part it accepts, so a segment is copied once on its way to the handler.
 */
final class Segment {

    private static final byte NO_OPERATION = (byte) TcpOptionKind.NO_OPERATION.value();
    private static final byte TIMESTAMPS = (byte) TcpOptionKind.TIMESTAMPS.value();
    /** Length of the Timestamps option, kind and length bytes included (RFC 7323 §3.2). */
    private static final byte TIMESTAMPS_LENGTH = 10;

    private final long seq;
    private final long ack;
    private final int flags;
    private final int wnd;
    private final byte[] buffer;
    private final int dataOffset;
    private final int dataLength;
    private int mss = -1;
    private int windowScale = -1;
    private boolean timestamps;
    private long tsVal;
    private long tsEcr;

    private Segment(TcpPacket packet) {
        this.seq = packet.sequenceNumber();
        this.ack = packet.acknowledgmentNumber();
        this.flags = packet.flags().bits();
        this.wnd = packet.window();
        this.buffer = packet.buffer();
        this.dataOffset = packet.payloadOffset();
        this.dataLength = packet.payloadLength();
    }

    /**
     * Reads a segment whose header and checksum were checked ({@link TcpPacket#check()}).
     *
     * @throws MalformedPacketException {@code tcp.bad-option-length} as {@link TcpOption#parseAll}
     */
    static Segment read(TcpPacket packet) throws MalformedPacketException {
        Segment segment = new Segment(packet);
        if (packet.optionsLength() == Timestamps.OPTIONS_LENGTH && segment.readAlignedTimestamps(packet.buffer(), packet.optionsOffset())) {
            return segment;
        }
        if (packet.optionsLength() > 0) {
            segment.readOptions(TcpOption.parseAll(packet.buffer(), packet.optionsOffset(), packet.optionsLength()));
        }
        return segment;
    }

    /**
     * Reads the options of a segment whose only option is Timestamps after two NOPs, the layout
     * of RFC 7323 Appendix A, which this TCP sends on every segment after the SYN.
     * Returns false, having read nothing, for any other 12 bytes of options, which {@link
     * TcpOption#parseAll} then parses. It gives the same values as parseAll without building a list.
     */
    private boolean readAlignedTimestamps(byte[] buffer, int at) {
        if (buffer[at] != NO_OPERATION || buffer[at + 1] != NO_OPERATION || buffer[at + 2] != TIMESTAMPS
                || buffer[at + 3] != TIMESTAMPS_LENGTH) {
            return false;
        }
        timestamps = true;
        tsVal = readU32(buffer, at + 4);
        tsEcr = readU32(buffer, at + 8);
        return true;
    }

    private static long readU32(byte[] buffer, int at) {
        return (buffer[at] & 0xffL) << 24 | (buffer[at + 1] & 0xff) << 16 | (buffer[at + 2] & 0xff) << 8 | (buffer[at + 3] & 0xff);
    }

    private void readOptions(Iterable<TcpOption> options) {
        for (TcpOption option : options) {
            if (option instanceof TcpOption.MaximumSegmentSize m) {
                mss = m.mss();
            } else if (option instanceof TcpOption.WindowScale w) {
                windowScale = w.shift();
            } else if (option instanceof TcpOption.Timestamps t) {
                timestamps = true;
                tsVal = t.value();
                tsEcr = t.echoReply();
            }
            // SACK-Permitted and SACK blocks are ignored: this TCP declines SACK (RFC 2018 §2 makes it optional).
        }
    }

    long seq() {
        return seq;
    }

    long ack() {
        return ack;
    }

    /** SEG.WND as sent, before window scaling. */
    int wnd() {
        return wnd;
    }

    boolean has(TcpFlags flag) {
        return (flags & flag.bits()) == flag.bits();
    }

    int dataLength() {
        return dataLength;
    }

    /** Returns a copy of the data bytes from index {@code from} up to {@code to}. */
    byte[] copyData(int from, int to) {
        return Arrays.copyOfRange(buffer, dataOffset + from, dataOffset + to);
    }

    /** SEG.LEN: the data length plus one for SYN and one for FIN. */
    long len() {
        return dataLength + (has(TcpFlags.SYN) ? 1 : 0) + (has(TcpFlags.FIN) ? 1 : 0);
    }

    /** Returns the MSS option's value, or -1 when the segment carries none. */
    int mssOption() {
        return mss;
    }

    /** Returns the Window Scale option's shift.cnt as sent, or -1 when the segment carries none. */
    int windowScaleOption() {
        return windowScale;
    }

    boolean hasTimestamps() {
        return timestamps;
    }

    /** TSval of the Timestamps option; only meaningful when {@link #hasTimestamps()}. */
    long tsVal() {
        return tsVal;
    }

    /** TSecr of the Timestamps option; only meaningful when {@link #hasTimestamps()}. */
    long tsEcr() {
        return tsEcr;
    }

    @Override
    public String toString() {
        return "seq " + seq + " ack " + ack + " " + new TcpFlags(flags) + " wnd " + wnd + " len " + dataLength;
    }
}
