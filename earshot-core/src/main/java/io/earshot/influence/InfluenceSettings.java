package io.earshot.influence;

import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of influence scoring. {@link #DEFAULT} is what an install uses; every figure in docs/influence.md
 * says which settings produced it.
 *
 * @param halfLife how fast the fading half of an interaction's weight halves (recency)
 * @param lastingShare the share of an interaction's weight that does not fade while the graph keeps the edge (0
 *     to 1): old evidence still counts, recent evidence counts up to twice as much
 * @param reciprocalDiscount the weight of a repost or quote when the other account reposts or quotes back (a
 *     ring of two: "you amplify me, I amplify you")
 * @param perSourceCap the most one account can add to another's amplification, in reposts (a fan who reposts
 *     everything counts as {@code perSourceCap} reposts, not hundreds)
 * @param burstPerHour amplifications received in one hour beyond which more count logarithmically
 * @param highFrequencyPerDay interactions a day beyond which an account is likely automated: each of its
 *     interactions then weighs {@code highFrequencyPerDay / its rate}
 * @param damping the PageRank damping factor of network authority
 * @param authorityBoost how much network authority multiplies amplification: {@code 1 + boost × ln(authority)}
 * @param reachWeight the weight of {@code log10(1 + followers)} in the score
 */
public record InfluenceSettings(
        Duration halfLife,
        double lastingShare,
        double reciprocalDiscount,
        double perSourceCap,
        int burstPerHour,
        double highFrequencyPerDay,
        double damping,
        double authorityBoost,
        double reachWeight) {

    /**
     * A seven-day half-life over the graph's 90-day window; the other values are those that did best on the
     * Higgs evaluation (docs/influence.md), which ran with a two-hour half-life over its one-week stream.
     */
    public static final InfluenceSettings DEFAULT =
            new InfluenceSettings(Duration.ofDays(7), 0.4, 0.5, 3.0, 100, 500.0, 0.85, 0.05, 0.5);

    /** The half-life of {@code earshot eval influence}: a week-long news event plays out in hours. */
    public static final Duration EVALUATION_HALF_LIFE = Duration.ofHours(2);

    public InfluenceSettings {
        Objects.requireNonNull(halfLife, "halfLife");
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("the half-life must be positive, got " + halfLife);
        }
        requireShare("lastingShare", lastingShare);
        requireShare("reciprocalDiscount", reciprocalDiscount);
        requireShare("damping", damping);
        if (perSourceCap <= 0 || burstPerHour < 1 || highFrequencyPerDay <= 0) {
            throw new IllegalArgumentException("perSourceCap, burstPerHour and highFrequencyPerDay must be positive");
        }
        if (authorityBoost < 0 || reachWeight < 0) {
            throw new IllegalArgumentException("authorityBoost and reachWeight may not be negative");
        }
    }

    public InfluenceSettings withHalfLife(Duration newHalfLife) {
        return new InfluenceSettings(
                newHalfLife,
                lastingShare,
                reciprocalDiscount,
                perSourceCap,
                burstPerHour,
                highFrequencyPerDay,
                damping,
                authorityBoost,
                reachWeight);
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
        }
    }
}
