package io.earshot.inbox.metrics;

/**
 * The exact two-sided sign test: under "a reply changes nothing", each person's sentiment is as likely to go up
 * as down, so the number who improved among those who changed is Binomial(n, 1/2). Ties (no change) are dropped,
 * as the test prescribes. It assumes nothing about the shape of the differences, which suits a three-level
 * sentiment scale.
 */
public final class SignTest {

    private SignTest() {}

    /** The two-sided p-value for {@code up} increases and {@code down} decreases (1 when there are none). */
    public static double pValue(int up, int down) {
        int n = up + down;
        if (n == 0) {
            return 1.0;
        }
        int k = Math.min(up, down);
        double tail = 0;
        for (int i = 0; i <= k; i++) {
            tail += Math.exp(logChoose(n, i) - n * Math.log(2));
        }
        return Math.min(1.0, 2 * tail);
    }

    private static double logChoose(int n, int k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    private static double logFactorial(int n) {
        double sum = 0;
        for (int i = 2; i <= n; i++) {
            sum += Math.log(i);
        }
        return sum;
    }
}
