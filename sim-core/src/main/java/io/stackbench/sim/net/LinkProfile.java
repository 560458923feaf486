package io.stackbench.sim.net;

/**
 * How a segment carries frames: one-way latency, bandwidth (serialization delay and a transmit
 * queue limit per interface), MTU, and seeded loss.
 *
 * @param latencyNanos one-way propagation delay added to every frame
 * @param bandwidthBitsPerSecond serialization rate; 0 means frames take no time to send
 * @param mtu largest IP packet, in bytes, that the link carries; longer frames are dropped
 * @param queueLimitBytes bytes an interface may have waiting to be serialized before it drops
 * @param loss probability in [0, 1) that a frame is lost on the wire
 */
public record LinkProfile(long latencyNanos, long bandwidthBitsPerSecond, int mtu, int queueLimitBytes, double loss) {

    public static final int ETHERNET_MTU = 1500;
    public static final int ETHERNET_HEADER_LENGTH = 14;
    public static final int DEFAULT_QUEUE_LIMIT_BYTES = 256 * 1024;

    /** A perfect link: 1 µs latency, no bandwidth limit, MTU 1500, no loss. */
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
        if (!(loss >= 0.0 && loss < 1.0)) {
            throw new IllegalArgumentException("loss must be in [0, 1), got " + loss);
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
        return new LinkProfile(latencyNanos, bandwidthBitsPerSecond, mtu, queueLimitBytes, newLoss);
    }
}
