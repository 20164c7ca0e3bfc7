package io.earshot.alert;

import io.earshot.alert.MinuteSeries.Counts;
import io.earshot.enrich.sentiment.SentimentLabel;
import java.util.Optional;

/**
 * The spike and shift tests, on a rule's {@link MinuteSeries}. Pure functions of the series and the clock,
 * so they are checked on synthetic series with planted anomalies (see {@code docs/alerts.md}).
 *
 * <h2>Volume spike</h2>
 *
 * <p>The window's count {@code c} is compared with the same window of time one to four weeks earlier (which
 * knows both the hour of the day and the day of the week) when at least two such weeks were watched; else with
 * the same window one to seven days earlier (hour of the day) when at least three days were; else with the
 * windows of the preceding 24 hours (at least four). The expected value {@code μ} is the mean of those
 * samples; {@code z} compares {@code c} with {@code μ} on the square-root scale, where Poisson counts are near
 * normal even when small: {@code z = 2(√(c + 3/8) − √(μ + 3/8)) / √(d (1 + 1/n))}, with {@code d} the samples'
 * overdispersion (variance over mean, at least 1) and {@code n} their number (the baseline is an estimate too). It is a spike when {@code c ≥ min_volume},
 * {@code z ≥ } the sensitivity's z and {@code c ≥ } its ratio {@code × μ}.
 *
 * <h2>Sentiment shift</h2>
 *
 * <p>The share of negative (or positive) mentions in the window against the share in the seven days before
 * it, by a one-sided two-proportion z-test with the pooled share; it fires when the window has
 * {@code min_volume} mentions, the share rose by at least {@code min_shift} and {@code z} reaches the
 * sensitivity's z. A baseline of fewer than 30 mentions is not a baseline.
 */
public final class Detectors {

    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final int MIN_BASELINE_MENTIONS = 30;

    private Detectors() {}

    /** Reads the window of {@code windowMinutes} that ends at {@code nowMinute} (exclusive). */
    public static Reading volume(
            MinuteSeries series, long nowMinute, int windowMinutes, Sensitivity sensitivity, int minVolume) {
        long from = nowMinute - windowMinutes;
        long count = series.sum(from, nowMinute).total();
        double[] samples = new double[7];
        int n = shifted(series, from, nowMinute, 7L * MINUTES_PER_DAY, 4, samples);
        String baseline = "the same " + windowMinutes + " minutes of the week, " + n + " weeks before";
        if (n < 2) {
            n = shifted(series, from, nowMinute, MINUTES_PER_DAY, 7, samples);
            baseline = "the same " + windowMinutes + " minutes of the day, " + n + " days before";
            if (n < 3) {
                n = shifted(
                        series, from, nowMinute, windowMinutes, Math.min(7, MINUTES_PER_DAY / windowMinutes), samples);
                baseline = "the " + n + " windows of " + windowMinutes + " minutes before";
                if (n < 4) {
                    return Reading.learning(count, "learning: not enough watched history for a baseline yet");
                }
            }
        }
        double mean = Statistics.mean(samples, n);
        // counts are at least as noisy as a Poisson process; more when the samples say so (overdispersion)
        double dispersion = mean > 0 ? Math.max(1, Statistics.variance(samples, n, mean) / mean) : 1;
        // on the square-root scale Poisson counts are near normal with variance 1/4 (Anscombe), even small
        // ones, whose long upper tail the plain z-score underrates; (1 + 1/n) allows for the baseline being
        // an estimate itself
        double z = 2 * (Math.sqrt(count + 0.375) - Math.sqrt(mean + 0.375)) / Math.sqrt(dispersion * (1 + 1.0 / n));
        double ratio = count / Math.max(mean, 0.5);
        boolean anomalous = count >= minVolume && z >= sensitivity.minZ() && ratio >= sensitivity.minRatio();
        return new Reading(
                count,
                mean,
                z,
                Statistics.upperTail(z),
                count,
                anomalous,
                anomalous ? Optional.of(severity(z, ratio, sensitivity)) : Optional.empty(),
                baseline);
    }

    /** Reads the share of {@code direction} mentions in the window against the week before it. */
    public static Reading share(
            MinuteSeries series,
            long nowMinute,
            int windowMinutes,
            SentimentLabel direction,
            Sensitivity sensitivity,
            int minVolume,
            double minShift) {
        long from = nowMinute - windowMinutes;
        Counts window = series.sum(from, nowMinute);
        long baselineFrom = Math.max(from - 7L * MINUTES_PER_DAY, series.coveredFrom());
        Counts before = series.sum(baselineFrom, from);
        if (before.total() < MIN_BASELINE_MENTIONS) {
            return Reading.learning(
                    window.total(),
                    "learning: " + before.total() + " mentions in the week before, " + MIN_BASELINE_MENTIONS
                            + " needed for a baseline");
        }
        double n1 = window.total();
        double n0 = before.total();
        double p1 = n1 == 0 ? 0 : window.of(direction) / n1;
        double p0 = before.of(direction) / n0;
        double pooled = (window.of(direction) + before.of(direction)) / (n1 + n0);
        double se = Math.sqrt(pooled * (1 - pooled) * (1 / Math.max(n1, 1) + 1 / n0));
        double z = se == 0 ? 0 : (p1 - p0) / se;
        boolean anomalous = window.total() >= minVolume && p1 - p0 >= minShift && z >= sensitivity.minZ();
        double ratio = p1 / Math.max(p0, 0.01);
        return new Reading(
                p1,
                p0,
                z,
                Statistics.upperTail(z),
                window.total(),
                anomalous,
                anomalous ? Optional.of(severity(z, ratio, sensitivity)) : Optional.empty(),
                "the " + direction.id() + " share of " + before.total() + " mentions in the "
                        + Math.round((from - baselineFrom) / (double) MINUTES_PER_DAY * 10) / 10.0
                        + " days before");
    }

    /** Critical at twice the sensitivity's z and three times the expected value; warning at 1.5 times its z. */
    static Severity severity(double z, double ratio, Sensitivity sensitivity) {
        if (z >= 2 * sensitivity.minZ() && ratio >= 3) {
            return Severity.CRITICAL;
        }
        return z >= 1.5 * sensitivity.minZ() ? Severity.WARNING : Severity.INFO;
    }

    /** Fills {@code samples} with the window's counts {@code step} minutes earlier, up to {@code max} times. */
    private static int shifted(MinuteSeries series, long from, long to, long step, int max, double[] samples) {
        int n = 0;
        for (int k = 1; k <= max && n < samples.length; k++) {
            long f = from - k * step;
            long t = to - k * step;
            if (!series.covers(f, t, to)) {
                break;
            }
            samples[n++] = series.sum(f, t).total();
        }
        return n;
    }
}
