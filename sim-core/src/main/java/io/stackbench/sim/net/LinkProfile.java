package io.stackbench.sim.net;

/**
 * How a segment carries frames: one-way latency, bandwidth (serialization delay and a transmit
 * queue limit per interface), MTU, and seeded impairments.
 *
 * <p>Each impairment is drawn per frame from the segment's own random stream. An impairment whose
 * probability or delay is 0 draws nothing, so a link without impairments draws exactly as a
 * link with loss alone.
 *
 * @param latencyNanos one-way propagation delay added to every frame
 * @param bandwidthBitsPerSecond serialization rate; 0 means frames take no time to send
 * @param mtu largest IP packet, in bytes, that the link carries; longer frames are dropped
 * @param queueLimitBytes bytes an interface may have waiting to be serialized before it drops
 * @param loss probability in [0, 1) that a frame is lost on the wire
 * @param duplication probability in [0, 1) that the link delivers a frame twice
 * @param reordering probability in [0, 1) that the link holds a frame back by {@code reorderDelayNanos},
 *     so that later frames overtake it
 * @param reorderDelayNanos how long a frame chosen for reordering is held back
 * @param corruption probability in [0, 1) that the link flips bytes after the Ethernet header
 * @param jitterNanos upper bound (exclusive) of a uniform extra delay added to each frame; 0 adds none
 */
public record LinkProfile(long latencyNanos, long bandwidthBitsPerSecond, int mtu, int queueLimitBytes, double loss,
        double duplication, double reordering, long reorderDelayNanos, double corruption, long jitterNanos) {

    public static final int ETHERNET_MTU = 1500;
    public static final int ETHERNET_HEADER_LENGTH = 14;
    public static final int DEFAULT_QUEUE_LIMIT_BYTES = 256 * 1024;

    /** A perfect link: 1 µs latency, no bandwidth limit, MTU 1500, no impairments. */
    public static final LinkProfile DEFAULT = new LinkProfile(1_000, 0, ETHERNET_MTU, DEFAULT_QUEUE_LIMIT_BYTES, 0.0);

    public LinkProfile {
        if (latencyNanos < 0) {
            throw new IllegalArgumentException("latency must not be negative, got " + latencyNanos + " ns");
        }
        if (bandwidthBitsPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth must not be negative, got " + bandwidthBitsPerSecond + " bit/s");
        }
        if (mtu < 68 || mtu > 65_535) {
            throw new IllegalArgumentException("MTU must be in 68..65535, got " + mtu);
        }
        if (queueLimitBytes <= 0) {
            throw new IllegalArgumentException("queue limit must be positive, got " + queueLimitBytes + " bytes");
        }
        requireProbability("loss", loss);
        requireProbability("duplication", duplication);
        requireProbability("reordering", reordering);
        requireProbability("corruption", corruption);
        if (reorderDelayNanos < 0) {
            throw new IllegalArgumentException("reorder delay must not be negative, got " + reorderDelayNanos + " ns");
        }
        if (jitterNanos < 0) {
            throw new IllegalArgumentException("jitter must not be negative, got " + jitterNanos + " ns");
        }
    }

    /** Creates a profile without duplication, reordering, corruption or jitter. */
    public LinkProfile(long latencyNanos, long bandwidthBitsPerSecond, int mtu, int queueLimitBytes, double loss) {
        this(latencyNanos, bandwidthBitsPerSecond, mtu, queueLimitBytes, loss, 0.0, 0.0, 0, 0.0, 0);
    }

    private static void requireProbability(String name, double value) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
    }

    /** Returns the time to serialize {@code bytes} octets, or 0 on an unlimited link. */
    public long serializationNanos(int bytes) {
        if (bandwidthBitsPerSecond == 0) {
            return 0;
        }
        return Math.multiplyExact((long) bytes, 8L * 1_000_000_000L) / bandwidthBitsPerSecond;
    }

    public LinkProfile withLoss(double newLoss) {
        return new LinkProfile(latencyNanos, bandwidthBitsPerSecond, mtu, queueLimitBytes, newLoss,
                duplication, reordering, reorderDelayNanos, corruption, jitterNanos);
    }

    public LinkProfile withDuplication(double newDuplication) {
        return new LinkProfile(latencyNanos, bandwidthBitsPerSecond, mtu, queueLimitBytes, loss,
                newDuplication, reordering, reorderDelayNanos, corruption, jitterNanos);
    }

    public LinkProfile withReordering(double newReordering, long newReorderDelayNanos) {
        return new LinkProfile(latencyNanos, bandwidthBitsPerSecond, mtu, queueLimitBytes, loss,
                duplication, newReordering, newReorderDelayNanos, corruption, jitterNanos);
    }

    public LinkProfile withCorruption(double newCorruption) {
        return new LinkProfile(latencyNanos, bandwidthBitsPerSecond, mtu, queueLimitBytes, loss,
                duplication, reordering, reorderDelayNanos, newCorruption, jitterNanos);
    }

    public LinkProfile withJitter(long newJitterNanos) {
        return new LinkProfile(latencyNanos, bandwidthBitsPerSecond, mtu, queueLimitBytes, loss,
                duplication, reordering, reorderDelayNanos, corruption, newJitterNanos);
    }
}
