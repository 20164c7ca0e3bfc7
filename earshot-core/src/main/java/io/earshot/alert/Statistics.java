package io.earshot.alert;

/** The little statistics the detectors need: the normal distribution's upper tail. */
final class Statistics {

    private Statistics() {}

    /** P(Z ≥ z) for a standard normal Z: the one-sided p-value of a z-score. */
    static double upperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** Coefficients of the Chebyshev fit of erfc (Numerical Recipes 6.2), lowest order first. */
    private static final double[] ERFC = {
        -1.26551223,
        1.00002368,
        0.37409196,
        0.09678418,
        -0.18628806,
        0.27886807,
        -1.13520398,
        1.48851587,
        -0.82215223,
        0.17087277
    };

    /** The complementary error function, to ~1.2e-7 relative error. */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double poly = ERFC[ERFC.length - 1];
        for (int i = ERFC.length - 2; i >= 0; i--) {
            poly = ERFC[i] + t * poly;
        }
        double ans = t * Math.exp(-z * z + poly);
        return x >= 0 ? ans : 2 - ans;
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
