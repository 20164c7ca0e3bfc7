package io.earshot.analytics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Aggregates over archived mentions: volume over time, totals per topic, top values, trending values and
 * summaries for comparisons. Implementations count from per-document columns (Lucene doc values), never by
 * loading stored posts, so the answers stay fast over millions of mentions.
 */
public interface MentionAnalytics {

    /** The most buckets one volume series may have. */
    int MAX_BUCKETS = 10_000;

    /**
     * Mentions per bucket, buckets starting at {@code scope.from()} truncated to the interval in {@code zone}
     * and every bucket reported (zeros included); split by {@code split} when given.
     */
    VolumeSeries volume(AnalyticsScope scope, Interval interval, ZoneId zone, Optional<Dimension> split);

    /** Per topic of {@code scope}: mentions, positive mentions and reach (see {@link TopicTotals}). */
    List<TopicTotals> totalsByTopic(AnalyticsScope scope);

    /** The {@code limit} most frequent (or most engaging) values of {@code facet}. */
    List<RankedValue> top(AnalyticsScope scope, Facet facet, Rank rank, int limit);

    /**
     * Values of {@code facet} rising fastest in {@code scope} against {@code baseline} (the same filters over
     * an earlier range), scored by {@link TrendScore}; values seen fewer than {@code minCount} times in the
     * window are left out.
     */
    List<TrendingValue> trending(AnalyticsScope scope, Instant baselineFrom, Facet facet, int minCount, int limit);

    /** Mentions in scope by sentiment: what {@link Comparison} compares. */
    Summary summary(AnalyticsScope scope);

    /**
     * A volume series. {@code counts} maps each split value ({@code "all"} when unsplit) to one count per
     * bucket, in the order of {@code bucketStarts}.
     */
    record VolumeSeries(List<Instant> bucketStarts, Map<String, long[]> counts, long total) {}

    /**
     * One topic's totals.
     *
     * @param reach the sum of the followers of the authors of the mentions, counted once per mention, over
     *     mentions whose author's follower count is known ({@code reachKnown} of them)
     */
    record TopicTotals(long topicId, long mentions, long positive, long negative, long reach, long reachKnown) {}

    /** A ranked value: how many mentions carry it, and their summed engagement. */
    record RankedValue(String value, long mentions, long engagement) {}

    /**
     * A trending value: its count in the window, in the baseline, the count expected from the baseline, and
     * its score.
     */
    record TrendingValue(String value, long count, long baselineCount, double expected, double score) {}

    /** Mentions in a scope, by sentiment; {@code mentions} includes those with no sentiment yet. */
    record Summary(long mentions, long positive, long neutral, long negative) {
        public long withSentiment() {
            return positive + neutral + negative;
        }
    }
}
