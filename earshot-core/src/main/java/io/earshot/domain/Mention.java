package io.earshot.domain;

import java.util.List;
import java.util.Objects;

/**
 * A post as Earshot keeps it: the post, the topics it matched (empty for posts kept only for backfill)
 * and its engagement counters.
 */
public record Mention(Post post, List<TopicMatch> matches, Engagement engagement) {
    public Mention {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(engagement, "engagement");
        matches = List.copyOf(matches);
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

    public Mention withEngagement(Engagement newEngagement) {
        return new Mention(post, matches, newEngagement);
    }

    public Mention withMatches(List<TopicMatch> newMatches) {
        return new Mention(post, newMatches, engagement);
    }
}
