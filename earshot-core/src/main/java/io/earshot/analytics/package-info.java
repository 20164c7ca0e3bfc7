/**
 * Analytics over archived mentions: how many, when, by whom, about what, and whether a change is real.
 *
 * <p>{@link io.earshot.analytics.MentionAnalytics} is the port; the embedded home implements it over the
 * Lucene archive's doc values ({@code LuceneMentionArchive.analytics()}), so aggregates never load stored
 * posts. Every aggregate takes an {@link io.earshot.analytics.AnalyticsScope}: topics (a mention of two of
 * them counts once), a half-open time range and optional filters (sentiment, emotion, network, language and
 * a query in the topic query language).
 *
 * <ul>
 *   <li>volume: mentions per minute, hour or day in a time zone, optionally split by a
 *       {@link io.earshot.analytics.Dimension};
 *   <li>share of voice: {@code totalsByTopic} per brand and competitor topic: mentions, positive mentions,
 *       reach (sum of known author follower counts);
 *   <li>top: authors, hashtags, links, domains, terms by count or engagement;
 *   <li>trending: {@link io.earshot.analytics.TrendScore}, a Poisson z-score against a volume-scaled baseline;
 *   <li>compare: {@link io.earshot.analytics.Comparison} with the tests of
 *       {@link io.earshot.analytics.Significance} (Poisson rate test, two-proportion z-test) and p-values.
 * </ul>
 */
package io.earshot.analytics;
