package io.stackbench.sim.capture;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One captured frame, written as a pcapng Enhanced Packet Block.
 *
 * <p>The record copies {@code data} on the way in and out, so an instance never changes; equality
 * compares the bytes.
 *
 * @param interfaceId    index of the frame's interface in {@link Capture#interfaces()}
 * @param timestampNanos nanoseconds since the epoch of the capture; in a simulation, simulated
 *                       time since the run started
 * @param data           the captured bytes
 * @param originalLength the frame's length on the wire, an unsigned 32-bit value; more than
 *                       {@code data.length} when the snap length cut the frame
 * @param comment        the {@code opt_comment} option, or null; an empty comment is stored as null
 * @param flags          the {@code epb_flags} option (direction, reception type, FCS length, link
 *                       errors); 0 when absent
 */
public record CapturedFrame(int interfaceId, long timestampNanos, byte[] data, int originalLength,
        String comment, int flags) {

    public CapturedFrame {
        if (interfaceId < 0) {
            throw new IllegalArgumentException("interface id " + interfaceId + " is negative");
        }
        data = Objects.requireNonNull(data, "data").clone();
        if (comment != null && comment.isEmpty()) {
            comment = null;
        }
    }

    /** Creates a record of a whole frame with no comment and no flags. */
    public CapturedFrame(int interfaceId, long timestampNanos, byte[] data) {
        this(interfaceId, timestampNanos, data, data.length, null, 0);
    }

    /** Returns a copy of the captured bytes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Returns the number of captured bytes, without copying them. */
    public int capturedLength() {
        return data.length;
    }

    /** Returns this frame with {@code comment} in place of its comment. */
    public CapturedFrame withComment(String newComment) {
        return new CapturedFrame(interfaceId, timestampNanos, data, originalLength, newComment, flags);
    }

    /** Returns the captured bytes themselves, for the writers in this package, which must not modify them. */
    byte[] bytes() {
        return data;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CapturedFrame frame
                && interfaceId == frame.interfaceId
                && timestampNanos == frame.timestampNanos
                && originalLength == frame.originalLength
                && flags == frame.flags
                && Objects.equals(comment, frame.comment)
                && Arrays.equals(data, frame.data);
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(interfaceId, timestampNanos, originalLength, comment, flags);
        return 31 * hash + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CapturedFrame[interfaceId=" + interfaceId
                + ", timestampNanos=" + timestampNanos
                + ", data=" + HexFormat.of().formatHex(data)
                + ", originalLength=" + Integer.toUnsignedString(originalLength)
                + ", comment=" + comment
                + ", flags=0x" + Integer.toHexString(flags) + "]";
    }
}
