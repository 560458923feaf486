package io.stackbench.stack.tcp;

/**
 * The ACK throttling of RFC 5961 §7 for one connection: at most {@link #LIMIT} challenge ACKs in
 * each one-second interval. The budget is per connection, not per stack, because a stack-wide
 * budget is the side channel of CVE-2016-5696: an off-path attacker who counts the challenge ACKs
 * left learns whether a guessed 4-tuple exists.
 */
final class ChallengeAckLimiter {

    /** Challenge ACKs per connection per second, the default of Apple's net.inet.tcp.challengeack_limit. */
    static final int LIMIT = 10;

    static final long INTERVAL = 1_000_000_000L;

    private long intervalStart = -INTERVAL;
    private int sent;

    /** Returns true, and counts one, when a challenge ACK may go out at {@code now}. */
    boolean tryAcquire(long now) {
        if (now - intervalStart >= INTERVAL) {
            intervalStart = now;
            sent = 0;
        }
        if (sent >= LIMIT) {
            return false;
        }
        sent++;
        return true;
    }
}
