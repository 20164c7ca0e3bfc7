package io.earshot.source.reply;

import java.time.Duration;

/**
 * How hard a reply is tried: {@code attempts} in all, waiting {@code firstBackoff} (doubling) after a failure
 * the network gave no time for, and at most {@code longestWait} for one the network asks for (429 Retry-After,
 * rate-limit reset): a longer wait fails the attempt, to be retried later with the same key.
 */
public record RetryPolicy(int attempts, Duration firstBackoff, Duration longestWait, Duration requestTimeout) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(20));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("a reply is tried at least once");
        }
    }

    Duration backoff(int attempt) {
        return firstBackoff.multipliedBy(1L << Math.min(10, attempt - 1));
    }
}
