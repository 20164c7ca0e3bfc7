package io.earshot.alert;

import io.earshot.analytics.Significance;

/** The little statistics the detectors need: means, variances and the normal upper tail. */
final class Statistics {

    private Statistics() {}

    /** P(Z ≥ z) for a standard normal Z: the one-sided p-value of a z-score. */
    static double upperTail(double z) {
        return Significance.normalUpperTail(z);
    }

    static double mean(double[] values, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return sum / count;
    }

    /** The sample variance (n - 1). */
    static double variance(double[] values, int count, double mean) {
        if (count < 2) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += (values[i] - mean) * (values[i] - mean);
        }
        return sum / (count - 1);
    }
}
