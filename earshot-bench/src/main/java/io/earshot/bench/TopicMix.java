package io.earshot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Listening topics as people write them: brands with their handles and hashtags, industry words and phrases,
 * exclusions, proximity, prefix wildcards, field filters, exact case and the odd fuzzy word. The shares are
 * printed by {@link #DESCRIPTION} so a reader of the numbers knows what was measured.
 */
final class TopicMix {

    static final String DESCRIPTION = "30% brand OR-lists (name, \"name app\", @handle, #tag), 15% industry OR-of-words"
            + " with NOT, 12% phrases, 8% AND-NOT, 10% NEAR/ONEAR, 10% prefix wildcards, 5% hashtags,"
            + " 4% field filters (lang, network, site, links), 3% exact:, 3% fuzzy ~1";

    private final BenchCorpus corpus;
    private final Random random;

    TopicMix(BenchCorpus corpus, Random random) {
        this.corpus = corpus;
        this.random = random;
    }

    List<String> topics(int count) {
        List<String> topics = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            topics.add(topic(i));
        }
        return topics;
    }

    private String topic(int index) {
        String brand = corpus.brands.get(index % corpus.brands.size());
        int kind = random.nextInt(100);
        if (kind < 30) {
            return "(" + brand + " OR \"" + brand + " app\" OR @" + brand + ".social OR #" + brand + ")";
        } else if (kind < 45) {
            return "(" + word() + " OR " + word() + " OR " + word() + ") NOT " + word();
        } else if (kind < 57) {
            String[] pair = pair();
            String[] other = pair();
            return "\"" + pair[0] + " " + pair[1] + "\" OR \"" + other[0] + " " + other[1] + "\"";
        } else if (kind < 65) {
            return word() + " " + word() + " NOT (" + word() + " OR " + word() + ")";
        } else if (kind < 75) {
            return random.nextBoolean()
                    ? word() + " NEAR/5 (" + word() + " OR " + word() + ")"
                    : brand + " ONEAR/3 (" + word() + " OR " + word() + " OR " + word() + ")";
        } else if (kind < 85) {
            String stem = word();
            stem = stem.substring(0, Math.min(stem.length(), 4 + random.nextInt(3)));
            return random.nextBoolean() ? stem + "*" : "(" + stem + "* OR " + brand + "*) NOT " + word();
        } else if (kind < 90) {
            return "#" + hashtag() + " OR #" + hashtag();
        } else if (kind < 94) {
            return switch (random.nextInt(4)) {
                case 0 -> "(" + brand + " OR " + word() + ") lang:en";
                case 1 -> "(" + word() + " OR " + word() + ") network:mastodon";
                case 2 -> "site:" + brand + ".com";
                default -> "links:" + brand + ".com/blog";
            };
        } else if (kind < 97) {
            return "exact:\"" + Character.toUpperCase(brand.charAt(0)) + brand.substring(1) + "\"";
        } else {
            String word = word();
            return (word.length() >= 6 ? word : brand) + "~1";
        }
    }

    private String word() {
        // skewed toward the frequent end, as real topics name things people talk about
        int bound = corpus.words.size();
        int rank = (int) (bound * Math.pow(random.nextDouble(), 2.0));
        return corpus.words.get(Math.min(rank, bound - 1));
    }

    private String[] pair() {
        return corpus.pairs.get(random.nextInt(Math.min(corpus.pairs.size(), 5_000)));
    }

    private String hashtag() {
        return corpus.hashtags.get(random.nextInt(Math.min(corpus.hashtags.size(), 2_000)));
    }
}
