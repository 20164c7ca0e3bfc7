package io.earshot.bench;

import io.earshot.domain.Author;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.lucene.PostAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Real tweet text (SemEval sentiment set, ../shared/data) and what the benchmark draws from it: the words,
 * word pairs and hashtags people actually write, invented brand names that no tweet contains, and posts
 * built from the tweets with brand mentions planted in them.
 */
final class BenchCorpus {

    static final String DATA = "data/sentiment/semeval-2013-2016-train.tsv";
    private static final Pattern HASHTAG = Pattern.compile("#([A-Za-z][A-Za-z0-9_]{2,30})");
    private static final String[] SYLLABLES = {
        "ka", "zo", "rin", "tek", "vo", "lux", "mi", "ra", "nor", "quil", "bex", "dra", "fin", "gor", "hal", "jen",
        "pax", "sul", "tor", "vex", "wyn", "yul", "zan", "cor", "dex", "el", "fy", "gra", "ix", "lo", "mun", "ost"
    };

    final List<String> tweets;
    /** Words that are neither rare nor among the most frequent, most frequent first. */
    final List<String> words;
    /** Pairs of consecutive words seen several times. */
    final List<String[]> pairs;

    final List<String> hashtags;
    final List<String> brands;

    private BenchCorpus(
            List<String> tweets, List<String> words, List<String[]> pairs, List<String> hashtags, List<String> brands) {
        this.tweets = tweets;
        this.words = words;
        this.pairs = pairs;
        this.hashtags = hashtags;
        this.brands = brands;
    }

    static BenchCorpus load(int brandCount, Random random) {
        List<String> tweets = readTweets(locate());
        Map<String, Integer> wordCounts = new HashMap<>();
        Map<String, Integer> pairCounts = new HashMap<>();
        Map<String, Integer> tagCounts = new HashMap<>();
        Analyzer analyzer = PostAnalyzer.words();
        for (String tweet : tweets) {
            List<String> tokens = tokens(analyzer, tweet);
            for (int i = 0; i < tokens.size(); i++) {
                wordCounts.merge(tokens.get(i), 1, Integer::sum);
                if (i > 0) {
                    pairCounts.merge(tokens.get(i - 1) + " " + tokens.get(i), 1, Integer::sum);
                }
            }
            Matcher tag = HASHTAG.matcher(tweet);
            while (tag.find()) {
                tagCounts.merge(tag.group(1).toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(wordCounts.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<String> words = new ArrayList<>();
        Set<String> top = new HashSet<>();
        for (int rank = 0; rank < ranked.size(); rank++) {
            Map.Entry<String, Integer> entry = ranked.get(rank);
            if (rank < 300) {
                top.add(entry.getKey()); // function words and the like: topics are not made of them
            } else if (entry.getValue() >= 5 && entry.getKey().matches("[a-z]{4,}")) {
                words.add(entry.getKey());
            }
        }
        List<String[]> pairs = new ArrayList<>();
        pairCounts.entrySet().stream()
                .filter(entry -> entry.getValue() >= 4)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(entry -> entry.getKey().split(" "))
                .filter(pair -> pair[0].matches("[a-z]{3,}") && pair[1].matches("[a-z]{3,}"))
                .filter(pair -> !(top.contains(pair[0]) && top.contains(pair[1])))
                .forEach(pairs::add);
        List<String> hashtags = tagCounts.entrySet().stream()
                .filter(entry -> entry.getValue() >= 3)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
        Set<String> brands = new HashSet<>();
        while (brands.size() < brandCount) {
            StringBuilder name = new StringBuilder();
            // 2 or 3 syllables give ~33,000 names; longer ones only when more are needed
            int syllables = 2 + random.nextInt(brandCount > 20_000 ? 3 : 2);
            for (int i = 0; i < syllables; i++) {
                name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            if (!wordCounts.containsKey(name.toString())) {
                brands.add(name.toString());
            }
        }
        List<String> brandList = new ArrayList<>(brands);
        brandList.sort(Comparator.naturalOrder());
        java.util.Collections.shuffle(brandList, random);
        return new BenchCorpus(tweets, words, pairs, hashtags, brandList);
    }

    /**
     * {@code count} posts from the tweets in order (cycling), about a third with one or two brand mentions
     * planted in varied forms ({@code Brand}, {@code brand's}, {@code #brand}, {@code @brand.social}), some
     * with a link to a brand's site; most tagged English, on Bluesky or Mastodon.
     */
    List<Post> posts(int count, Random random) {
        List<Post> posts = new ArrayList<>(count);
        Instant now = Instant.parse("2025-06-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            String text = tweets.get(i % tweets.size());
            Post.Builder post;
            Network network = random.nextBoolean() ? Network.BLUESKY : Network.MASTODON;
            String author = "user" + random.nextInt(50_000);
            post = Post.builder(
                    new PostKey(network, "post" + i), Author.of(network, "id-" + author, author + ".social"), now);
            int planted = random.nextInt(100) < 35 ? 1 + random.nextInt(2) : 0;
            for (int p = 0; p < planted; p++) {
                String brand = brands.get(random.nextInt(brands.size()));
                text = plant(text, mention(brand, random), random);
                if (random.nextInt(8) == 0) {
                    post.link("https://www." + brand + ".com/blog/post-" + random.nextInt(100) + "?utm_source=social");
                }
            }
            post.text(text).lang(random.nextInt(10) < 9 ? "en" : "es");
            posts.add(post.build());
        }
        return posts;
    }

    private static String mention(String brand, Random random) {
        String capitalised = Character.toUpperCase(brand.charAt(0)) + brand.substring(1);
        return switch (random.nextInt(8)) {
            case 0 -> "#" + brand;
            case 1 -> "@" + brand + ".social";
            case 2 -> capitalised + "'s";
            case 3 -> brand.toUpperCase(Locale.ROOT);
            case 4, 5 -> capitalised;
            default -> brand;
        };
    }

    private static String plant(String text, String word, Random random) {
        String[] parts = text.split(" ");
        int at = random.nextInt(parts.length + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i <= parts.length; i++) {
            if (i == at) {
                out.append(word).append(' ');
            }
            if (i < parts.length) {
                out.append(parts[i]).append(' ');
            }
        }
        return out.toString().strip();
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static List<String> readTweets(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> tweets = new ArrayList<>(lines.size());
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.split("\t", 3);
                if (columns.length == 3 && !columns[2].isBlank()) {
                    tweets.add(columns[2]);
                }
            }
            return tweets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tweets at " + file, e);
        }
    }

    /** The tweets file: under {@code -Dearshot.shared}, else in a {@code shared} folder beside a parent folder. */
    static Path locate() {
        String configured = System.getProperty("earshot.shared");
        if (configured != null) {
            return Path.of(configured).resolve(DATA);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(DATA);
            if (Files.isReadable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find " + DATA + " in a shared/ folder above "
                + Path.of("").toAbsolutePath() + "; pass -Dearshot.shared=/path/to/shared");
    }
}
