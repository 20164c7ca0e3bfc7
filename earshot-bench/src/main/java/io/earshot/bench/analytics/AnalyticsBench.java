package io.earshot.bench.analytics;

import io.earshot.analytics.AnalyticsScope;
import io.earshot.analytics.Dimension;
import io.earshot.analytics.Facet;
import io.earshot.analytics.Interval;
import io.earshot.analytics.MentionAnalytics;
import io.earshot.analytics.Rank;
import io.earshot.domain.Author;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.domain.Span;
import io.earshot.domain.TopicMatch;
import io.earshot.embedded.archive.LuceneMentionArchive;
import io.earshot.enrich.Enrichment;
import io.earshot.enrich.emotion.Emotion;
import io.earshot.enrich.emotion.EmotionLabel;
import io.earshot.enrich.entity.Entities;
import io.earshot.enrich.sentiment.Sentiment;
import io.earshot.enrich.sentiment.SentimentLabel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The analytics benchmark of issue 6: p50 and p95 latency of each analytics query over N synthetic mentions in
 * an archive on disk. Prints one JSON line.
 *
 * <p>The mentions span 30 days, newest at a fixed instant; 20 topics with skewed volume (topic 1, the "brand",
 * has about a third of them; one mention in ten matches two topics); 50,000 authors drawn with a Zipf law,
 * 70% with a known follower count; 8 to 15 words from a 20,000-word Zipf vocabulary; a hashtag on 30% and a
 * link on 15% of posts; sentiment, emotion (40%), language (4) and network (2) at random. The archive is
 * written in batches of 10,000, committed and left with the segments Lucene made (no force-merge), as a
 * server's archive would be.
 *
 * <p>Each query runs {@code 3} times to warm up, then {@code repetitions} times timed.
 */
public final class AnalyticsBench {

    static final Instant NEWEST = Instant.parse("2026-01-31T00:00:00Z");
    static final Duration SPAN = Duration.ofDays(30);
    static final int TOPICS = 20;
    static final int AUTHORS = 50_000;
    static final int VOCABULARY = 20_000;
    static final int HASHTAGS = 500;
    static final int DOMAINS = 2_000;

    private AnalyticsBench() {}

    /** Writes {@code mentions} mentions under {@code folder} (a new folder inside it) and times the queries. */
    public static String run(int mentions, int repetitions, Path folder) {
        Path dir;
        try {
            Files.createDirectories(folder);
            dir = Files.createTempDirectory(folder, "analytics-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (LuceneMentionArchive archive = LuceneMentionArchive.open(dir)) {
            long start = System.nanoTime();
            write(archive, mentions);
            double writeSeconds = (System.nanoTime() - start) / 1e9;
            Map<String, double[]> timings = time(archive, repetitions);
            StringBuilder json = new StringBuilder();
            json.append(String.format(
                    Locale.ROOT,
                    "{\"mentions\": %d, \"write_seconds\": %.1f, \"index_mb\": %.0f, \"repetitions\": %d,"
                            + " \"cores\": %d, \"queries_ms\": {",
                    mentions,
                    writeSeconds,
                    size(dir) / 1e6,
                    repetitions,
                    Runtime.getRuntime().availableProcessors()));
            String separator = "";
            double worstP95 = 0;
            for (Map.Entry<String, double[]> entry : timings.entrySet()) {
                double[] ms = entry.getValue();
                Arrays.sort(ms);
                double p95 = percentile(ms, 0.95);
                worstP95 = Math.max(worstP95, p95);
                json.append(String.format(
                        Locale.ROOT,
                        "%s\"%s\": {\"p50\": %.1f, \"p95\": %.1f}",
                        separator,
                        entry.getKey(),
                        percentile(ms, 0.5),
                        p95));
                separator = ", ";
            }
            json.append(String.format(Locale.ROOT, "}, \"worst_p95_ms\": %.1f}", worstP95));
            return json.toString();
        } finally {
            delete(dir);
        }
    }

    private static Map<String, double[]> time(LuceneMentionArchive archive, int repetitions) {
        MentionAnalytics analytics = archive.analytics();
        Instant week = NEWEST.minus(Duration.ofDays(7));
        Instant monthAgo = NEWEST.minus(SPAN);
        AnalyticsScope brandWeek = AnalyticsScope.of(List.of(1L), week, NEWEST);
        List<Long> all = new ArrayList<>();
        for (long t = 1; t <= TOPICS; t++) {
            all.add(t);
        }
        AnalyticsScope everythingMonth = AnalyticsScope.of(all, monthAgo, NEWEST.plusSeconds(1));
        AnalyticsScope sovWeek = AnalyticsScope.of(List.of(1L, 2L, 3L, 4L, 5L), week, NEWEST);
        AnalyticsScope brandDay = AnalyticsScope.of(List.of(1L), NEWEST.minus(Duration.ofDays(1)), NEWEST);
        Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
        queries.put(
                "volume_hour_brand_7d",
                () -> analytics.volume(brandWeek, Interval.HOUR, ZoneOffset.UTC, Optional.empty()));
        queries.put(
                "volume_hour_split_sentiment_brand_7d",
                () -> analytics.volume(brandWeek, Interval.HOUR, ZoneOffset.UTC, Optional.of(Dimension.SENTIMENT)));
        queries.put(
                "volume_day_paris_all_30d",
                () -> analytics.volume(everythingMonth, Interval.DAY, ZoneId.of("Europe/Paris"), Optional.empty()));
        queries.put(
                "volume_minute_split_lang_brand_1d",
                () -> analytics.volume(brandDay, Interval.MINUTE, ZoneOffset.UTC, Optional.of(Dimension.LANG)));
        queries.put("share_of_voice_5_topics_7d", () -> analytics.totalsByTopic(sovWeek));
        queries.put("top_authors_count_brand_7d", () -> analytics.top(brandWeek, Facet.AUTHORS, Rank.COUNT, 10));
        queries.put(
                "top_hashtags_engagement_brand_7d",
                () -> analytics.top(brandWeek, Facet.HASHTAGS, Rank.ENGAGEMENT, 10));
        queries.put("top_domains_count_brand_7d", () -> analytics.top(brandWeek, Facet.DOMAINS, Rank.COUNT, 10));
        queries.put("top_terms_count_brand_7d", () -> analytics.top(brandWeek, Facet.TERMS, Rank.COUNT, 10));
        queries.put("top_terms_count_all_30d", () -> analytics.top(everythingMonth, Facet.TERMS, Rank.COUNT, 10));
        queries.put(
                "trending_terms_brand_1d_vs_7d",
                () -> analytics.trending(brandDay, brandDay.from().minus(Duration.ofDays(7)), Facet.TERMS, 3, 10));
        queries.put(
                "compare_brand_7d_vs_previous_7d",
                () -> List.of(
                        analytics.summary(brandWeek),
                        analytics.summary(brandWeek.during(week.minus(Duration.ofDays(7)), week))));
        Map<String, double[]> timings = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<Object>> query : queries.entrySet()) {
            for (int i = 0; i < 3; i++) {
                query.getValue().get();
            }
            double[] ms = new double[repetitions];
            for (int i = 0; i < repetitions; i++) {
                long start = System.nanoTime();
                query.getValue().get();
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            timings.put(query.getKey(), ms);
        }
        // as on a live server: a write and a refresh before each query, so the values' global numbering
        // (built once per reader) is rebuilt every time
        double[] ms = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            archive.upsert(List.of(liveMention(i)));
            archive.refresh();
            long start = System.nanoTime();
            analytics.top(brandWeek, Facet.TERMS, Rank.COUNT, 10);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        timings.put("top_terms_count_brand_7d_after_a_refresh", ms);
        // the same as the server runs it: the numbering is rebuilt in the background and queries may answer from a
        // reader up to 2 s old; writes and refreshes go on between queries, as ingest refreshes several times a second
        archive.keepAnalyticsWarm(Duration.ofSeconds(2));
        analytics.top(brandWeek, Facet.TERMS, Rank.COUNT, 10);
        pause(1_000);
        double[] warm = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            archive.upsert(List.of(liveMention(repetitions + i)));
            archive.refresh();
            pause(250);
            long start = System.nanoTime();
            analytics.top(brandWeek, Facet.TERMS, Rank.COUNT, 10);
            warm[i] = (System.nanoTime() - start) / 1e6;
        }
        timings.put("top_terms_count_brand_7d_after_a_refresh_kept_warm", warm);
        return timings;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void write(LuceneMentionArchive archive, int count) {
        SplittableRandom random = new SplittableRandom(6);
        Zipf words = new Zipf(VOCABULARY, 1.05);
        Zipf authors = new Zipf(AUTHORS, 1.0);
        Zipf tags = new Zipf(HASHTAGS, 1.0);
        Zipf domains = new Zipf(DOMAINS, 1.0);
        Zipf topics = new Zipf(TOPICS, 1.2);
        String[] languages = {"en", "en", "en", "fr", "es", "de"};
        SentimentLabel[] sentiments = SentimentLabel.values();
        EmotionLabel[] emotions = EmotionLabel.values();
        long spanMillis = SPAN.toMillis();
        List<Mention> batch = new ArrayList<>(10_000);
        for (int i = 0; i < count; i++) {
            // oldest first, as posts arrive
            Instant at = NEWEST.minusMillis(spanMillis - (long) ((double) i / count * spanMillis));
            int authorIndex = authors.sample(random);
            Network network = authorIndex % 3 == 0 ? Network.MASTODON : Network.BLUESKY;
            Author author = new Author(
                    network,
                    "author" + authorIndex,
                    Optional.empty(),
                    Optional.empty(),
                    authorIndex % 10 < 7 ? OptionalLong.of(1_000_000L / (authorIndex + 1)) : OptionalLong.empty());
            StringBuilder text = new StringBuilder();
            int length = 8 + random.nextInt(8);
            for (int w = 0; w < length; w++) {
                text.append(word(words.sample(random))).append(' ');
            }
            String lang = languages[random.nextInt(languages.length)];
            Post.Builder post =
                    Post.builder(new PostKey(network, "p" + i), author, at).lang(lang);
            if (random.nextInt(100) < 30) {
                text.append('#').append("tag").append(tags.sample(random)).append(' ');
            }
            if (random.nextInt(100) < 15) {
                String link = "https://www.site" + domains.sample(random) + ".example/a/" + random.nextInt(50);
                text.append(link);
                post.link(link);
            }
            post.text(text.toString().strip());
            List<TopicMatch> matches = new ArrayList<>(2);
            long first = topics.sample(random) + 1;
            matches.add(new TopicMatch(first, List.of(new Span(0, 3))));
            if (random.nextInt(10) == 0) {
                long second = first % TOPICS + 1;
                matches.add(new TopicMatch(second, List.of(new Span(0, 3))));
            }
            Optional<Emotion> emotion = random.nextInt(10) < 4
                    ? Optional.of(new Emotion(emotions[random.nextInt(emotions.length)], 0.8))
                    : Optional.empty();
            Enrichment heard = new Enrichment(
                    new Sentiment(sentiments[random.nextInt(sentiments.length)], 0.9), emotion, lang, Entities.NONE);
            Engagement engagement = new Engagement(random.nextInt(20), random.nextInt(5), random.nextInt(5), 0);
            batch.add(new Mention(post.build(), matches, engagement, Optional.of(heard), Optional.empty()));
            if (batch.size() == 10_000) {
                archive.upsert(batch);
                batch.clear();
            }
        }
        archive.upsert(batch);
        archive.commit();
        archive.refresh();
    }

    private static Mention liveMention(int i) {
        Author author = Author.of(Network.BLUESKY, "live");
        Post post = Post.builder(new PostKey(Network.BLUESKY, "live" + i), author, NEWEST.minusSeconds(i + 1))
                .text("kalo mine live update " + i)
                .lang("en")
                .build();
        return new Mention(post, List.of(new TopicMatch(1, List.of(new Span(0, 3)))), Engagement.NONE);
    }

    /** A pronounceable made-up word per index, so terms look like words in the output. */
    static String word(int index) {
        String[] syllables = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "do", "fi", "gu", "ha", "je"};
        StringBuilder word = new StringBuilder();
        int n = index + syllables.length;
        while (n > 0) {
            word.append(syllables[n % syllables.length]);
            n /= syllables.length;
        }
        return word.toString();
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is not worth failing the benchmark for
        }
    }

    /** Zipf-distributed indexes 0..n-1 by inverse transform over the cumulative weights. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double exponent) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, exponent);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int sample(SplittableRandom random) {
            int found = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, found >= 0 ? found : -found - 1);
        }
    }

    public static void main(String[] args) {
        int mentions = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.println(run(mentions, 30, Path.of(System.getProperty("java.io.tmpdir"))));
    }
}
