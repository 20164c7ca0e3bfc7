package io.earshot.analytics;

/**
 * How {@code trending} scores a value: a <b>Poisson z-score</b> of its count in the window against the count
 * expected from the baseline, with the baseline scaled by overall volume so that a busier day does not make
 * every word trend.
 *
 * <pre>
 * expected = (baselineCount + 0.5) × windowMentions / baselineMentions
 * score    = (count − expected) / √expected
 * </pre>
 *
 * The 0.5 (additive smoothing) keeps values new in the window from dividing by zero while still ranking them
 * by their count. When the baseline holds no mentions at all, the window's length ratio stands in for the
 * volume ratio.
 */
public final class TrendScore {

    static final double SMOOTHING = 0.5;

    private TrendScore() {}

    /** The count expected in the window from {@code baselineCount}, scaled by {@code volumeRatio}. */
    public static double expected(long baselineCount, double volumeRatio) {
        return (baselineCount + SMOOTHING) * volumeRatio;
    }

    public static double score(long count, double expected) {
        return (count - expected) / Math.sqrt(expected);
    }

    /**
     * Window mentions over baseline mentions; when the baseline is empty, window length over baseline length.
     */
    public static double volumeRatio(long windowMentions, long baselineMentions, double lengthRatio) {
        return baselineMentions == 0 ? lengthRatio : (double) Math.max(windowMentions, 1) / baselineMentions;
    }
}
