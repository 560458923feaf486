package io.stackbench.sim.capture;

import java.io.IOException;

/** Raised when a capture file is malformed; the message names the byte offset and the fault. */
public final class CaptureFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    public CaptureFormatException(long offset, String reason) {
        super("malformed capture file at byte offset " + offset + ": " + reason);
        this.offset = offset;
    }

    /** Returns the byte offset from the start of the file where the fault was found. */
    public long offset() {
        return offset;
    }
}
