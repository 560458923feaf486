package io.stackbench.stack.tcp;

import io.stackbench.sim.random.DeterministicRandom;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Initial sequence numbers per RFC 6528 §3: ISN = M + F(localip, localport, remoteip, remoteport,
 * secretkey), where M is a timer that ticks every 4 microseconds and F is SHA-256 keyed with a
 * secret, truncated to 32 bits.
 *
 * <p>The 16-byte secret is drawn from the node's random stream when the first connection needs it,
 * not at boot, so a node that never uses TCP draws exactly what it drew before TCP existed.
 */
final class IsnGenerator {

    /** The RFC 6528 timer M ticks once every 4 µs. */
    static final long TICK_NANOS = 4_000;

    private static final byte[] TIMESTAMP_LABEL = "TSval".getBytes(StandardCharsets.US_ASCII);

    private final DeterministicRandom random;
    private byte[] secretKey;

    IsnGenerator(DeterministicRandom random) {
        this.random = random;
    }

    long next(ConnectionId id, long nowNanos) {
        long m = nowNanos / TICK_NANOS;
        return SequenceNumbers.add(m & 0xffff_ffffL, keyedHash(id, null));
    }

    /**
     * Returns the offset of the connection's RFC 7323 timestamp clock: the same keyed hash with a
     * label in front of the 4-tuple, so it reveals nothing about the ISN.
     */
    long timestampOffset(ConnectionId id) {
        return keyedHash(id, TIMESTAMP_LABEL);
    }

    private long keyedHash(ConnectionId id, byte[] label) {
        if (secretKey == null) {
            secretKey = new byte[16];
            random.nextBytes(secretKey);
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        sha256.update(secretKey);
        if (label != null) {
            sha256.update(label);
        }
        sha256.update(id.localAddress().getAddress());
        sha256.update(ports(id.localPort()));
        sha256.update(id.remoteAddress().getAddress());
        sha256.update(ports(id.remotePort()));
        return ByteBuffer.wrap(sha256.digest()).getInt() & 0xffff_ffffL;
    }

    private static byte[] ports(int port) {
        return new byte[] {(byte) (port >> 8), (byte) port};
    }

}
