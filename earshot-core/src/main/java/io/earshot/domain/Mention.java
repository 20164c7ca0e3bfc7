package io.earshot.domain;

import io.earshot.enrich.Enrichment;
import io.earshot.enrich.sentiment.SentimentLabel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A post as Earshot keeps it: the post, the topics it matched (empty for posts kept only for backfill),
 * its engagement counters, what Earshot heard in it (sentiment, emotion, language, entities) and a
 * person's correction of the sentiment, which wins everywhere.
 */
public record Mention(
        Post post,
        List<TopicMatch> matches,
        Engagement engagement,
        Optional<Enrichment> enrichment,
        Optional<SentimentLabel> sentimentCorrection) {

    public Mention {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(engagement, "engagement");
        Objects.requireNonNull(enrichment, "enrichment");
        Objects.requireNonNull(sentimentCorrection, "sentimentCorrection");
        matches = List.copyOf(matches);
    }

    /** A mention not (yet) enriched. */
    public Mention(Post post, List<TopicMatch> matches, Engagement engagement) {
        this(post, matches, engagement, Optional.empty(), Optional.empty());
    }

    public PostKey key() {
        return post.key();
    }

    public List<Long> topicIds() {
        return matches.stream().map(TopicMatch::topicId).toList();
    }

    public boolean matchedAnyTopic() {
        return !matches.isEmpty();
    }

    /** The sentiment to use: a person's correction when there is one, else the model's label. */
    public Optional<SentimentLabel> sentiment() {
        return sentimentCorrection.or(
                () -> enrichment.map(heard -> heard.sentiment().label()));
    }

    public Mention withEngagement(Engagement newEngagement) {
        return new Mention(post, matches, newEngagement, enrichment, sentimentCorrection);
    }

    public Mention withMatches(List<TopicMatch> newMatches) {
        return new Mention(post, newMatches, engagement, enrichment, sentimentCorrection);
    }

    public Mention withEnrichment(Enrichment heard) {
        return new Mention(post, matches, engagement, Optional.of(heard), sentimentCorrection);
    }

    public Mention withSentimentCorrection(Optional<SentimentLabel> correction) {
        return new Mention(post, matches, engagement, enrichment, correction);
    }
}
