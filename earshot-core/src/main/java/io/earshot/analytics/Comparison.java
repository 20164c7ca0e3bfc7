package io.earshot.analytics;

import java.time.Duration;

/**
 * Two scopes side by side (two periods of the same topics, or two sets of topics over the same period): the
 * change in volume, tested with {@link Significance#poissonRateTest} (exposure = each scope's length), and
 * the change in the shares of positive and of negative mentions among mentions with a sentiment, tested with
 * {@link Significance#twoProportionZTest}. "Significant" means p below {@link #ALPHA}.
 */
public record Comparison(
        MentionAnalytics.Summary a,
        MentionAnalytics.Summary b,
        Duration lengthA,
        Duration lengthB,
        Change volume,
        Change positiveShare,
        Change negativeShare) {

    public static final double ALPHA = 0.05;

    /**
     * One compared quantity: its value in A and in B (mentions per day for volume, shares from 0 to 1),
     * B − A, B / A − 1 (absent as NaN when A is 0), and the test.
     */
    public record Change(
            double a, double b, double difference, double relative, Significance.Test test, boolean significant) {}

    public static Comparison of(
            MentionAnalytics.Summary a, Duration lengthA, MentionAnalytics.Summary b, Duration lengthB) {
        double daysA = lengthA.toMillis() / 86_400_000.0;
        double daysB = lengthB.toMillis() / 86_400_000.0;
        Change volume = change(
                a.mentions() / daysA,
                b.mentions() / daysB,
                Significance.poissonRateTest(a.mentions(), daysA, b.mentions(), daysB));
        Change positive = share(a.positive(), a.withSentiment(), b.positive(), b.withSentiment());
        Change negative = share(a.negative(), a.withSentiment(), b.negative(), b.withSentiment());
        return new Comparison(a, b, lengthA, lengthB, volume, positive, negative);
    }

    private static Change share(long xa, long na, long xb, long nb) {
        double shareA = na == 0 ? 0 : (double) xa / na;
        double shareB = nb == 0 ? 0 : (double) xb / nb;
        return change(shareA, shareB, Significance.twoProportionZTest(xa, na, xb, nb));
    }

    private static Change change(double a, double b, Significance.Test test) {
        return new Change(a, b, b - a, a == 0 ? Double.NaN : b / a - 1, test, test.pValue() < ALPHA);
    }
}
