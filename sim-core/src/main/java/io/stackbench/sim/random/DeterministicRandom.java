package io.stackbench.sim.random;

import java.nio.charset.StandardCharsets;

/**
 * A seeded SplitMix64 generator whose output is fixed by this class alone, so a scenario draws the
 * same numbers on every JVM version and machine (the JDK documents {@code SplittableRandom}'s
 * determinism per seed but not its algorithm across releases).
 *
 * <p>{@link #forComponent(long, String)} derives one independent stream per component name from
 * the scenario seed, so adding a node never changes what another node draws.
 */
public final class DeterministicRandom {

    private static final long GOLDEN_GAMMA = 0x9e37_79b9_7f4a_7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    public DeterministicRandom(long seed) {
        this.state = seed;
    }

    /** Returns the stream of component {@code name} under scenario seed {@code seed}. */
    public static DeterministicRandom forComponent(long seed, String name) {
        return new DeterministicRandom(mix64(seed ^ mix64(fnv1a64(name))));
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** Returns a uniform value in [0, bound). */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        while (true) {
            long r = nextLong() >>> 1;
            if (r < limit) {
                return r % bound;
            }
        }
    }

    /** Returns a uniform value in [0, bound). */
    public int nextInt(int bound) {
        return (int) nextLong(bound);
    }

    /** Returns a uniform value in [0.0, 1.0). */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Fills {@code bytes} with random octets. */
    public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i += 8) {
            long r = nextLong();
            for (int j = 0; j < 8 && i + j < bytes.length; j++) {
                bytes[i + j] = (byte) (r >>> (8 * j));
            }
        }
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58_476d_1ce4_e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d0_49bb_1331_11ebL;
        return z ^ (z >>> 31);
    }

    static long fnv1a64(String text) {
        long hash = 0xcbf2_9ce4_8422_2325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x0000_0100_0000_01b3L;
        }
        return hash;
    }
}
