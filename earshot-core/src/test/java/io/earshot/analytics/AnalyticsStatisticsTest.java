package io.earshot.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The tests {@code compare} reports, checked against values computed with R. */
class AnalyticsStatisticsTest {

    @Test
    void poissonRateTestIsTheExactConditionalBinomialTest() {
        // R: binom.test(20, 30, 0.5)$p.value = 0.09873715
        Significance.Test test = Significance.poissonRateTest(10, 1, 20, 1);
        assertThat(test.pValue()).isCloseTo(0.09873715, within(1e-6));
        assertThat(test.name()).contains("exact");
        // R: binom.test(30, 40, 2/3)$p.value = 0.31586, unequal exposures (1 day vs 2 days)
        assertThat(Significance.poissonRateTest(10, 1, 30, 2).pValue()).isCloseTo(0.31586, within(1e-4));
        assertThat(Significance.poissonRateTest(0, 1, 0, 1).pValue()).isEqualTo(1);
    }

    @Test
    void largeCountsUseTheNormalApproximation() {
        Significance.Test test = Significance.poissonRateTest(150_000, 1, 151_000, 1);
        assertThat(test.name()).contains("normal approximation");
        // z = 500 / sqrt(301000 / 4) = 1.8227
        assertThat(test.statistic()).isCloseTo(1.8227, within(1e-3));
        assertThat(test.pValue()).isCloseTo(0.06835, within(1e-4));
    }

    @Test
    void twoProportionZTestIsPooled() {
        // R: prop.test(c(30, 45), c(100, 100), correct = FALSE)$p.value = 0.02846
        Significance.Test test = Significance.twoProportionZTest(30, 100, 45, 100);
        assertThat(test.statistic()).isCloseTo(2.1909, within(1e-3));
        assertThat(test.pValue()).isCloseTo(0.02846, within(1e-4));
        assertThat(Significance.twoProportionZTest(0, 0, 1, 2).pValue()).isEqualTo(1);
    }

    @Test
    void aComparisonReportsRatesPerDayChangeAndSignificance() {
        Comparison comparison = Comparison.of(
                new MentionAnalytics.Summary(10, 3, 4, 3),
                Duration.ofDays(1),
                new MentionAnalytics.Summary(20, 4, 4, 12),
                Duration.ofDays(1));
        assertThat(comparison.volume().a()).isEqualTo(10);
        assertThat(comparison.volume().b()).isEqualTo(20);
        assertThat(comparison.volume().relative()).isEqualTo(1.0);
        assertThat(comparison.volume().significant()).isFalse();
        assertThat(comparison.negativeShare().a()).isEqualTo(0.3);
        assertThat(comparison.negativeShare().b()).isEqualTo(0.6);
        assertThat(comparison.negativeShare().test().name()).contains("two-proportion");
    }

    @Test
    void trendScoreIsAPoissonZScoreAgainstTheVolumeScaledBaseline() {
        double ratio = TrendScore.volumeRatio(300, 100, 1.0 / 7);
        assertThat(ratio).isEqualTo(3.0);
        double expected = TrendScore.expected(1, ratio);
        assertThat(expected).isEqualTo(4.5);
        assertThat(TrendScore.score(9, expected)).isCloseTo(4.5 / Math.sqrt(4.5), within(1e-12));
        assertThat(TrendScore.volumeRatio(5, 0, 0.25)).isEqualTo(0.25);
    }
}
