package io.earshot.source.bluesky.profile;

import java.time.Duration;
import java.time.Instant;

/** Paces requests: holds up to one second's worth of tokens and refills them steadily. Never waits. */
final class TokenBucket {

    private final double perSecond;
    private final double capacity;
    private double tokens;
    private Instant refilledAt;

    TokenBucket(double perSecond, Instant now) {
        this.perSecond = perSecond;
        this.capacity = Math.max(1, perSecond);
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** Takes a token if one is there. */
    synchronized boolean tryTake(Instant now) {
        if (now.isAfter(refilledAt)) {
            double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
            tokens = Math.min(capacity, tokens + seconds * perSecond);
            refilledAt = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
