package io.stackbench.stack.wire;

import io.stackbench.sim.net.MacAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * A view of an Ethernet II frame (RFC 894) in a byte array, without the frame check sequence.
 *
 * <p>Accessors read and write the array directly. The constructor checks only that the range lies
 * inside the array, so call {@link #check()} (or {@link EthernetHeader#parse}) before reading a
 * frame received from the network. An 802.1Q tag is not interpreted: such a frame shows
 * {@link EtherType#VLAN} as its EtherType and the tag as the first payload bytes.
 */
public final class EthernetFrame {

    public static final String PROTOCOL = "ethernet";

    public static final int HEADER_LENGTH = 14;
    /** Smallest frame on the wire, without the 4-byte FCS. A sender pads shorter frames with zeros. */
    public static final int MIN_FRAME_LENGTH = 60;

    private static final int DESTINATION = 0;
    private static final int SOURCE = 6;
    private static final int ETHER_TYPE = 12;

    private final byte[] buffer;
    private final int offset;
    private final int length;

    /** Wraps {@code buffer[offset, offset + length)}. */
    public EthernetFrame(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    /** Wraps a whole array. */
    public EthernetFrame(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    /**
     * Checks that the frame contains a complete header. A frame shorter than
     * {@link #MIN_FRAME_LENGTH} is accepted, because the stack does not require senders to pad
     * frames.
     */
    public void check() throws MalformedPacketException {
        if (length < HEADER_LENGTH) {
            throw new MalformedPacketException(PROTOCOL, MalformedPacketException.Reason.TRUNCATED,
                    "frame of " + length + " bytes is shorter than the " + HEADER_LENGTH + "-byte header");
        }
    }

    /**
     * Pads a frame with zeros to {@link #MIN_FRAME_LENGTH} bytes. Returns {@code frame} itself when
     * it is long enough, otherwise a zero-padded copy.
     */
    public static byte[] padToMinimumLength(byte[] frame) {
        return frame.length >= MIN_FRAME_LENGTH ? frame : Arrays.copyOf(frame, MIN_FRAME_LENGTH);
    }

    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public MacAddress destination() {
        return MacAddress.read(buffer, offset + DESTINATION);
    }

    public void setDestination(MacAddress destination) {
        destination.write(buffer, offset + DESTINATION);
    }

    public MacAddress source() {
        return MacAddress.read(buffer, offset + SOURCE);
    }

    public void setSource(MacAddress source) {
        source.write(buffer, offset + SOURCE);
    }

    public EtherType etherType() {
        return new EtherType(Bytes.readU16(buffer, offset + ETHER_TYPE));
    }

    public void setEtherType(EtherType etherType) {
        Bytes.writeU16(buffer, offset + ETHER_TYPE, etherType.value());
    }

    /** Returns the index in {@link #buffer()} where the payload starts. */
    public int payloadOffset() {
        return offset + HEADER_LENGTH;
    }

    /** Returns the payload length, including any padding the sender added. */
    public int payloadLength() {
        return length - HEADER_LENGTH;
    }
}
