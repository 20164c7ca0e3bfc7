package io.earshot.alert;

import io.earshot.enrich.sentiment.SentimentLabel;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.OptionalDouble;

/** When a rule fires. Each condition is one {@link AlertKind}. */
public sealed interface Condition {

    AlertKind kind();

    /** Each new mention in scope, once per rule, gathered into one notification when many arrive together. */
    record EveryMatch() implements Condition {
        @Override
        public AlertKind kind() {
            return AlertKind.EVERY_MATCH;
        }
    }

    /**
     * A summary of the mentions since the last digest, most engaging first, sent hourly (at {@code at}'s
     * minute), daily (at {@code at}) or weekly (on {@code day} at {@code at}) in {@code zone}; nothing is sent
     * for a period without mentions.
     */
    record Digest(Frequency frequency, LocalTime at, ZoneId zone, DayOfWeek day, int top) implements Condition {
        public Digest {
            Objects.requireNonNull(frequency, "frequency");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(day, "day");
            if (top < 1 || top > Fatigue.MAX_MENTIONS_PER_NOTIFICATION) {
                throw new IllegalArgumentException(
                        "a digest's top must be 1 to " + Fatigue.MAX_MENTIONS_PER_NOTIFICATION + ", got " + top);
            }
        }

        @Override
        public AlertKind kind() {
            return AlertKind.DIGEST;
        }
    }

    /** How often a digest goes out. */
    enum Frequency {
        HOURLY,
        DAILY,
        WEEKLY
    }

    /**
     * The number of mentions in the last {@code window} is unusually high against a baseline that knows the
     * hour of the day and the day of the week. Fires once when it starts, then at most once per
     * {@code cooldown} with a "still going" update while it lasts.
     */
    record VolumeSpike(Duration window, Sensitivity sensitivity, int minVolume, Duration cooldown)
            implements Condition {
        public VolumeSpike {
            requireWindow(window);
            Objects.requireNonNull(sensitivity, "sensitivity");
            requireCooldown(cooldown);
            if (minVolume < 1) {
                throw new IllegalArgumentException("min_volume must be at least 1, got " + minVolume);
            }
        }

        @Override
        public AlertKind kind() {
            return AlertKind.VOLUME_SPIKE;
        }
    }

    /**
     * The share of {@code direction} (negative or positive) mentions in the last {@code window} rose
     * significantly over its share in the week before (a one-sided two-proportion z-test), by at least
     * {@code minShift} (0.10 = ten percentage points).
     */
    record SentimentShift(
            SentimentLabel direction,
            Duration window,
            Sensitivity sensitivity,
            int minVolume,
            double minShift,
            Duration cooldown)
            implements Condition {
        public SentimentShift {
            Objects.requireNonNull(direction, "direction");
            if (direction == SentimentLabel.NEUTRAL) {
                throw new IllegalArgumentException("a sentiment shift watches negative or positive mentions");
            }
            requireWindow(window);
            Objects.requireNonNull(sensitivity, "sensitivity");
            requireCooldown(cooldown);
            if (minVolume < 1) {
                throw new IllegalArgumentException("min_volume must be at least 1, got " + minVolume);
            }
            if (!(minShift >= 0 && minShift < 1)) {
                throw new IllegalArgumentException("min_shift is a share between 0 and 1, got " + minShift);
            }
        }

        @Override
        public AlertKind kind() {
            return AlertKind.SENTIMENT_SHIFT;
        }
    }

    /**
     * A mention by an author with at least {@code minFollowers} followers, or with an influence score of at
     * least {@code minScore} (0–100) when influence scores are known; either suffices.
     */
    record Influencer(long minFollowers, OptionalDouble minScore) implements Condition {
        public Influencer {
            Objects.requireNonNull(minScore, "minScore");
            if (minFollowers < 0) {
                throw new IllegalArgumentException("min_followers cannot be negative");
            }
            if (minFollowers == 0 && minScore.isEmpty()) {
                throw new IllegalArgumentException("an influencer rule needs min_followers or min_score");
            }
            if (minScore.isPresent() && !(minScore.getAsDouble() >= 0 && minScore.getAsDouble() <= 100)) {
                throw new IllegalArgumentException("min_score is 0 to 100, got " + minScore.getAsDouble());
            }
        }

        @Override
        public AlertKind kind() {
            return AlertKind.INFLUENCER;
        }
    }

    private static void requireWindow(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.compareTo(Duration.ofMinutes(5)) < 0
                || window.compareTo(Duration.ofHours(24)) > 0
                || window.toSecondsPart() != 0) {
            throw new IllegalArgumentException(
                    "window must be whole minutes from 5 minutes to 24 hours (e.g. \"60m\"), got " + window);
        }
    }

    private static void requireCooldown(Duration cooldown) {
        Objects.requireNonNull(cooldown, "cooldown");
        if (cooldown.isNegative() || cooldown.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("cooldown must be 0 to 7 days, got " + cooldown);
        }
    }
}
