package io.stackbench.sim.capture;

/**
 * Counters of one interface at one time, written as a pcapng Interface Statistics Block.
 *
 * @param interfaceId    index of the interface in {@link Capture#interfaces()}
 * @param timestampNanos when the counters were taken, on the same time base as the frames
 * @param received       the {@code isb_ifrecv} option: frames the interface received, or
 *                       {@link #UNKNOWN} when the block has no such option
 * @param dropped        the {@code isb_ifdrop} option: frames the interface dropped, or
 *                       {@link #UNKNOWN} when the block has no such option
 * @param startNanos     the {@code isb_starttime} option: when counting began, on the frames' time
 *                       base, or {@link #UNKNOWN} when the block has no such option
 * @param endNanos       the {@code isb_endtime} option: when counting ended, on the frames' time
 *                       base, or {@link #UNKNOWN} when the block has no such option
 */
public record InterfaceStatistics(int interfaceId, long timestampNanos, long received, long dropped, long startNanos,
        long endNanos) {

    /**
     * Marks a counter or time that the block does not carry. The options are unsigned 64-bit
     * values, so a count or raw time of 2^64 - 1 reads as this too.
     */
    public static final long UNKNOWN = -1L;

    public InterfaceStatistics {
        if (interfaceId < 0) {
            throw new IllegalArgumentException("interface id " + interfaceId + " is negative");
        }
    }

    /** Creates counters without {@code isb_starttime} and {@code isb_endtime}. */
    public InterfaceStatistics(int interfaceId, long timestampNanos, long received, long dropped) {
        this(interfaceId, timestampNanos, received, dropped, UNKNOWN, UNKNOWN);
    }
}
