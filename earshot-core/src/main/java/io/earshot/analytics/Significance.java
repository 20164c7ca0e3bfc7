package io.earshot.analytics;

/**
 * The two tests {@code compare} reports, both two-sided.
 *
 * <ul>
 *   <li>{@link #poissonRateTest}: are two mention rates (counts over exposure times) different? The
 *       conditional (binomial) test: given {@code n = a + b}, under equal rates {@code b} is
 *       Binomial(n, tb / (ta + tb)). Exact up to {@value #EXACT_LIMIT} mentions in all, normal approximation
 *       above.
 *   <li>{@link #twoProportionZTest}: are two shares (e.g. of negative mentions) different? The pooled
 *       two-proportion z-test.
 * </ul>
 */
public final class Significance {

    static final int EXACT_LIMIT = 200_000;

    private Significance() {}

    /** A test's name, statistic (z, or the observed count for the exact test) and two-sided p-value. */
    public record Test(String name, double statistic, double pValue) {}

    public static Test poissonRateTest(long a, double exposureA, long b, double exposureB) {
        if (exposureA <= 0 || exposureB <= 0) {
            throw new IllegalArgumentException("exposures must be positive");
        }
        long n = a + b;
        double p = exposureB / (exposureA + exposureB);
        String name = "poisson-rate (conditional binomial)";
        if (n == 0) {
            return new Test(name, 0, 1);
        }
        if (n > EXACT_LIMIT) {
            double z = (b - n * p) / Math.sqrt(n * p * (1 - p));
            return new Test(name + ", normal approximation", z, normalTwoSided(z));
        }
        double observed = logBinomialPmf(n, b, p);
        double total = 0;
        for (long k = 0; k <= n; k++) {
            double log = logBinomialPmf(n, k, p);
            // the relative tolerance counts ties as at least as extreme, as R's binom.test does
            if (log <= observed + 1e-7) {
                total += Math.exp(log);
            }
        }
        double z = (b - n * p) / Math.sqrt(n * p * (1 - p));
        return new Test(name + ", exact", z, Math.min(1, total));
    }

    /** Share {@code x2 / n2} against {@code x1 / n1}; z is positive when the second share is larger. */
    public static Test twoProportionZTest(long x1, long n1, long x2, long n2) {
        String name = "two-proportion z-test (pooled)";
        if (n1 == 0 || n2 == 0) {
            return new Test(name, 0, 1);
        }
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return new Test(name, 0, 1);
        }
        double z = ((double) x2 / n2 - (double) x1 / n1) / se;
        return new Test(name, z, normalTwoSided(z));
    }

    /** P(Z ≥ z) for a standard normal Z: the one-sided p-value of a z-score (the alert detectors use it too). */
    public static double normalUpperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    static double normalTwoSided(double z) {
        return Math.min(1, erfc(Math.abs(z) / Math.sqrt(2)));
    }

    /** Complementary error function (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double poly = 0;
        for (int i = ERFC.length - 1; i >= 0; i--) {
            poly = poly * t + ERFC[i];
        }
        double r = t * Math.exp(-z * z + poly);
        return x >= 0 ? r : 2 - r;
    }

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

    static double logBinomialPmf(long n, long k, double p) {
        if (p <= 0) {
            return k == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return k == n ? 0 : Double.NEGATIVE_INFINITY;
        }
        return logGamma(n + 1.0)
                - logGamma(k + 1.0)
                - logGamma(n - k + 1.0)
                + k * Math.log(p)
                + (n - k) * Math.log1p(-p);
    }

    private static final double[] LANCZOS = {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7
    };

    /** ln Γ(x) for x ≥ 0.5 (Lanczos, g = 7). */
    static double logGamma(double x) {
        double sum = LANCZOS[0];
        double shifted = x - 1;
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (shifted + i);
        }
        double t = shifted + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
