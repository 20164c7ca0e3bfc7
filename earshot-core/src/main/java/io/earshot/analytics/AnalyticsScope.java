package io.earshot.analytics;

import io.earshot.query.QueryNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which mentions an aggregate counts: mentions of any of {@code topics} (a mention of two of them counts
 * once), created in {@code [from, to)}, that pass every filter given.
 *
 * @param topics topic ids, at least one
 * @param from first instant counted
 * @param to first instant not counted; after {@code from}
 * @param sentiment only this sentiment ({@code positive}, {@code neutral}, {@code negative})
 * @param emotion only this emotion ({@code anger}, {@code joy}, {@code optimism}, {@code sadness})
 * @param network only this network ({@code bluesky}, {@code mastodon}, …)
 * @param lang only this language (primary tag, {@code en})
 * @param query only posts that also match this query (the topic query language, parsed)
 */
public record AnalyticsScope(
        List<Long> topics,
        Instant from,
        Instant to,
        Optional<String> sentiment,
        Optional<String> emotion,
        Optional<String> network,
        Optional<String> lang,
        Optional<QueryNode> query) {

    public AnalyticsScope {
        topics = List.copyOf(topics);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("analytics need at least one topic");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") must be after 'from' (" + from + ")");
        }
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(query, "query");
    }

    /** Mentions of {@code topics} in {@code [from, to)}, unfiltered. */
    public static AnalyticsScope of(List<Long> topics, Instant from, Instant to) {
        return new AnalyticsScope(
                topics,
                from,
                to,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** The same scope over other topics. */
    public AnalyticsScope withTopics(List<Long> newTopics) {
        return new AnalyticsScope(newTopics, from, to, sentiment, emotion, network, lang, query);
    }

    /** The same scope over another time range. */
    public AnalyticsScope during(Instant newFrom, Instant newTo) {
        return new AnalyticsScope(topics, newFrom, newTo, sentiment, emotion, network, lang, query);
    }
}
