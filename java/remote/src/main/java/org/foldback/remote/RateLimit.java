package org.foldback.remote;

/** A token bucket: {@code burst} messages at once, refilled at {@code perSecond}. One client's; synchronized by its owner. */
final class RateLimit {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    RateLimit(double perSecond, int burst, long now) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = now;
    }

    /** Whether a message arriving at {@code now} (System.nanoTime) may be handled. */
    boolean take(long now) {
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
