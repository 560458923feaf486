package io.stackbench.sim.capture;

/** The timestamp unit of a classic pcap file, chosen by its magic number. */
public enum TimestampResolution {
    /** Magic 0xa1b2c3d4: the second fraction counts microseconds. */
    MICROSECOND(0xa1b2c3d4, 1_000),
    /** Magic 0xa1b23c4d: the second fraction counts nanoseconds. */
    NANOSECOND(0xa1b23c4d, 1);

    private final int magic;
    private final int nanosPerUnit;

    TimestampResolution(int magic, int nanosPerUnit) {
        this.magic = magic;
        this.nanosPerUnit = nanosPerUnit;
    }

    /** Returns the magic number that starts a file of this resolution. */
    public int magic() {
        return magic;
    }

    /** Returns the nanoseconds in one unit of the second fraction. */
    public int nanosPerUnit() {
        return nanosPerUnit;
    }
}
