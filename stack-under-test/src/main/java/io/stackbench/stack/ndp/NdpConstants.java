package io.stackbench.stack.ndp;

/** Protocol constants of RFC 4861 §10 and RFC 4862 §5.1, in nanoseconds where they are times. */
public final class NdpConstants {

    public static final long MAX_RTR_SOLICITATION_DELAY = 1_000_000_000L;
    public static final long RTR_SOLICITATION_INTERVAL = 4_000_000_000L;
    public static final int MAX_RTR_SOLICITATIONS = 3;
    public static final int MAX_MULTICAST_SOLICIT = 3;
    public static final int MAX_UNICAST_SOLICIT = 3;
    public static final long REACHABLE_TIME = 30_000_000_000L;
    public static final long RETRANS_TIMER = 1_000_000_000L;
    public static final long DELAY_FIRST_PROBE_TIME = 5_000_000_000L;
    /** RFC 4861 §6.3.2: ReachableTime is BaseReachableTime times a uniform factor in [0.5, 1.5). */
    public static final double MIN_RANDOM_FACTOR = 0.5;
    public static final double MAX_RANDOM_FACTOR = 1.5;
    public static final int DUP_ADDR_DETECT_TRANSMITS = 1;
    /** Every Neighbour Discovery message is sent with, and must arrive with, hop limit 255 (RFC 4861 §6.1, §7.1). */
    public static final int ND_HOP_LIMIT = 255;
    /** RFC 4862 §5.5.3 e): two hours, the floor under which an advertisement cannot cut a valid lifetime. */
    public static final long TWO_HOURS = 7_200_000_000_000L;
    /** 0xffffffff seconds: an infinite lifetime. */
    public static final long INFINITE_SECONDS = 0xffff_ffffL;

    /** Table bounds: exceeding one is a counted drop, never unbounded growth. */
    public static final int MAX_NEIGHBORS = 1024;
    public static final int MAX_INCOMPLETE_NEIGHBORS = 64;
    public static final int MAX_PENDING_PER_NEIGHBOR = 16;
    public static final int MAX_DEFAULT_ROUTERS = 16;
    public static final int MAX_PREFIXES = 32;
    public static final int MAX_AUTOCONFIGURED_ADDRESSES = 16;

    private NdpConstants() {
    }

    /** Converts a lifetime in seconds to an absolute expiry time, with 0xffffffff meaning never. */
    public static long expiry(long now, long seconds) {
        if (seconds >= INFINITE_SECONDS) {
            return io.stackbench.sim.spi.StackSnapshot.INFINITE;
        }
        return now + seconds * 1_000_000_000L;
    }
}
