package io.earshot.alert;

import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.enrich.Enrichment;
import io.earshot.enrich.emotion.EmotionLabel;
import io.earshot.enrich.sentiment.SentimentLabel;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which mentions a rule looks at: mentions of any of its topics that pass every filter given. An empty set
 * means "any". The extra query ({@code filter}) is in the topic language and is matched by the engine.
 *
 * @param topics the topics, at least one
 * @param filter an extra query the post must also match, e.g. {@code -giveaway lang:en}
 * @param sentiments the sentiment (a person's correction wins) must be one of these
 * @param emotions the emotion must be one of these (a post with no clear emotion passes none)
 * @param languages ISO 639-1 codes
 * @param networks the networks
 * @param minFollowers the author must have at least this many followers (authors of unknown audience do not
 *     pass)
 */
public record RuleScope(
        List<Long> topics,
        Optional<String> filter,
        Set<SentimentLabel> sentiments,
        Set<EmotionLabel> emotions,
        Set<String> languages,
        Set<Network> networks,
        OptionalLong minFollowers) {

    public RuleScope {
        topics = List.copyOf(topics);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one topic id in \"topics\"");
        }
        Objects.requireNonNull(filter, "filter");
        sentiments = Set.copyOf(sentiments);
        emotions = Set.copyOf(emotions);
        languages = languages.stream()
                .map(lang -> lang.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        networks = Set.copyOf(networks);
        Objects.requireNonNull(minFollowers, "minFollowers");
    }

    /** Mentions of these topics, with no other filter. */
    public static RuleScope ofTopics(List<Long> topics) {
        return new RuleScope(topics, Optional.empty(), Set.of(), Set.of(), Set.of(), Set.of(), OptionalLong.empty());
    }

    /** Whether a mention passes the topic and field filters ({@link #filter} is checked by the engine). */
    public boolean admits(Mention mention) {
        if (mention.topicIds().stream().noneMatch(topics::contains)) {
            return false;
        }
        if (!networks.isEmpty() && !networks.contains(mention.post().key().network())) {
            return false;
        }
        if (!sentiments.isEmpty()
                && mention.sentiment().filter(sentiments::contains).isEmpty()) {
            return false;
        }
        if (!emotions.isEmpty()
                && mention.enrichment()
                        .flatMap(Enrichment::emotion)
                        .filter(emotion -> emotions.contains(emotion.label()))
                        .isEmpty()) {
            return false;
        }
        if (!languages.isEmpty() && languages(mention).stream().noneMatch(languages::contains)) {
            return false;
        }
        if (minFollowers.isPresent()) {
            OptionalLong followers = mention.post().author().followers();
            return followers.isPresent() && followers.getAsLong() >= minFollowers.getAsLong();
        }
        return true;
    }

    /** The network's tags reduced to their language ({@code en-US} is {@code en}), else the detected one. */
    private static List<String> languages(Mention mention) {
        List<String> tags = mention.post().langs().isEmpty()
                ? mention.enrichment().map(Enrichment::lang).stream().toList()
                : mention.post().langs();
        return tags.stream()
                .map(tag -> tag.toLowerCase(Locale.ROOT).split("[-_]", 2)[0])
                .toList();
    }
}
