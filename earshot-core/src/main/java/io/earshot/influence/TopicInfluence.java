package io.earshot.influence;

import io.earshot.archive.MentionArchive;
import io.earshot.archive.MentionSearch;
import io.earshot.domain.Author;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.enrich.sentiment.SentimentLabel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Influence on a subject (PeerIndex's topic authority): who matters for a set of topics — one topic, or the
 * topics of a project — and who speaks well or ill of it again and again (advocates and detractors).
 *
 * <p>The topic graph is the part of the interaction graph around the topics' mentions: interactions about a
 * mention (reposts, quotes, replies of it), and interactions between accounts that wrote mentions. The same
 * scoring (rules included) runs on that part alone, so topic authority is network authority among the people who
 * talk about the subject.
 */
public final class TopicInfluence {

    /** How many of each topic's newest mentions are read (the subject's recent conversation). */
    static final int MENTIONS_PER_TOPIC = 5_000;

    private final MentionArchive archive;
    private final InfluenceService influence;

    public TopicInfluence(MentionArchive archive, InfluenceService influence) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.influence = Objects.requireNonNull(influence, "influence");
    }

    /** An author's influence on the topics. */
    public record TopicAuthor(
            AuthorInfluence overall,
            double topicScore,
            double topicAuthority,
            double topicAmplification,
            int mentions) {}

    /** An author who repeatedly spoke well (advocate) or ill (detractor) of the topics. */
    public record Voice(
            Network network,
            String accountId,
            Optional<String> handle,
            int positive,
            int negative,
            int mentions,
            double influence,
            double weight) {}

    /** The authors with the most influence on the topics, best first. */
    public List<TopicAuthor> top(Collection<Long> topicIds, int limit) {
        List<Mention> mentions = mentions(topicIds);
        InfluenceSnapshot overall = influence.snapshot();
        Set<Integer> posts = new HashSet<>();
        Set<Integer> authors = new HashSet<>();
        Map<Integer, Integer> mentionCounts = new LinkedHashMap<>();
        for (Mention mention : mentions) {
            Author author = mention.post().author();
            if (influence.isExcluded(author.network(), author.id())) {
                continue;
            }
            overall.postNumber(mention.key()).ifPresent(posts::add);
            OptionalInt number = overall.accountNumber(author.network(), author.id());
            if (number.isPresent()) {
                authors.add(number.getAsInt());
                mentionCounts.merge(number.getAsInt(), 1, Integer::sum);
            }
        }
        InfluenceSnapshot topic = overall.restrictedTo(posts, authors);
        List<TopicAuthor> ranked = new ArrayList<>();
        for (AuthorInfluence scored : topic.top(Integer.MAX_VALUE)) {
            influence.influence(scored.network(), scored.accountId()).ifPresent(found -> {
                int number = overall.accountNumber(found.network(), found.accountId())
                        .orElse(-1);
                ranked.add(new TopicAuthor(
                        found,
                        scored.score(),
                        scored.components().networkAuthority(),
                        scored.components().amplification(),
                        mentionCounts.getOrDefault(number, 0)));
            });
            if (ranked.size() == limit) {
                break;
            }
        }
        return ranked;
    }

    /**
     * Advocates ({@code positive = true}) or detractors: authors with at least two mentions of that sentiment
     * and more of it than of the other, ranked by {@code (those − the others) × (1 + influence / 50)}, so a
     * voice with a score of 100 weighs three times one nobody amplifies.
     */
    public List<Voice> voices(Collection<Long> topicIds, boolean positive, int limit) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Author> authors = new LinkedHashMap<>();
        for (Mention mention : mentions(topicIds)) {
            Author author = mention.post().author();
            if (influence.isExcluded(author.network(), author.id())) {
                continue;
            }
            String key = InfluenceStore.key(author.network(), author.id());
            authors.merge(key, author, (old, recent) -> recent.handle().isPresent() ? recent : old);
            int[] tally = counts.computeIfAbsent(key, ignored -> new int[3]);
            tally[2]++;
            mention.sentiment().ifPresent(label -> {
                if (label == SentimentLabel.POSITIVE) {
                    tally[0]++;
                } else if (label == SentimentLabel.NEGATIVE) {
                    tally[1]++;
                }
            });
        }
        List<Voice> voices = new ArrayList<>();
        counts.forEach((key, tally) -> {
            int these = positive ? tally[0] : tally[1];
            int others = positive ? tally[1] : tally[0];
            if (these >= 2 && these > others) {
                Author author = authors.get(key);
                double score = influence.score(author.network(), author.id()).orElse(0);
                voices.add(new Voice(
                        author.network(),
                        author.id(),
                        author.handle(),
                        tally[0],
                        tally[1],
                        tally[2],
                        score,
                        (these - others) * (1 + score / 50)));
            }
        });
        voices.sort(Comparator.comparingDouble(Voice::weight).reversed().thenComparing(Voice::accountId));
        return voices.size() > limit ? List.copyOf(voices.subList(0, limit)) : voices;
    }

    private List<Mention> mentions(Collection<Long> topicIds) {
        List<Mention> mentions = new ArrayList<>();
        for (long topicId : new HashSet<>(topicIds)) {
            Optional<String> cursor = Optional.empty();
            int read = 0;
            do {
                MentionArchive.MentionPage page = archive.search(new MentionSearch(
                        Optional.of(topicId), Optional.empty(), true, MentionSearch.MAX_LIMIT, cursor));
                mentions.addAll(page.items());
                read += page.items().size();
                cursor = page.next();
            } while (cursor.isPresent() && read < MENTIONS_PER_TOPIC);
        }
        return mentions;
    }
}
