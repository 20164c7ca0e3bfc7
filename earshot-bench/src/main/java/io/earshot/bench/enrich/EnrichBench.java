package io.earshot.bench.enrich;

import io.earshot.domain.Author;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.enrich.Enricher;
import io.earshot.enrich.sentiment.SentimentClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The enrichment benchmark of issue 5: posts per second for sentiment alone and for the full enrichment
 * (sentiment, emotion, language detection, entities), on one thread and on all cores, over real tweets
 * (the SemEval file in {@code ../shared/data}). Posts carry no language tag, so the detector runs on every
 * one (the worst case: most Bluesky posts are tagged). Prints one JSON line:
 *
 * <pre>{@code
 * java -cp ... io.earshot.bench.enrich.EnrichBench [--seconds 3] [--threads N] [--data FILE.tsv]
 * {"sentiment_posts_per_sec_one_thread": …, "sentiment_posts_per_sec_all_cores": …,
 *  "enrich_posts_per_sec_one_thread": …, "enrich_posts_per_sec_all_cores": …, "cores": 2}
 * }</pre>
 *
 * Each figure is the best of three timed passes of {@code seconds / 3} each, after a warm-up.
 */
public final class EnrichBench {

    private static final String DATA = "data/sentiment/semeval-2013-2016-train.tsv";
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    private EnrichBench() {}

    /**
     * The result, as the one JSON line the CLI prints. The {@code *_per_cpu_sec} figures divide by the
     * thread's CPU time instead of the wall clock: on a machine shared with other work they say what one
     * core does when it is not taken away.
     */
    public record Result(
            Rate sentimentOneThread, double sentimentAllCores, Rate enrichOneThread, double enrichAllCores, int cores) {
        public String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"sentiment_posts_per_sec_one_thread\": %.0f, \"sentiment_posts_per_sec_all_cores\": %.0f,"
                            + " \"enrich_posts_per_sec_one_thread\": %.0f, \"enrich_posts_per_sec_all_cores\": %.0f,"
                            + " \"cores\": %d, \"sentiment_posts_per_cpu_sec_one_thread\": %.0f,"
                            + " \"enrich_posts_per_cpu_sec_one_thread\": %.0f}",
                    sentimentOneThread.wall(),
                    sentimentAllCores,
                    enrichOneThread.wall(),
                    enrichAllCores,
                    cores,
                    sentimentOneThread.cpu(),
                    enrichOneThread.cpu());
        }
    }

    /** Posts per second of wall-clock time and per second of the threads' CPU time. */
    public record Rate(double wall, double cpu) {}

    /** Runs the benchmark over the shared tweets with {@code threads} threads for the all-cores figures. */
    public static Result run(double seconds, int threads) {
        return run(texts(locate()), seconds, threads);
    }

    public static Result run(List<String> texts, double seconds, int threads) {
        SentimentClassifier sentiment = SentimentClassifier.shipped();
        Enricher enricher = Enricher.shipped();
        List<Post> posts = posts(texts);
        Consumer<Integer> classify = i -> sentiment.classify(texts.get(i));
        Consumer<Integer> enrich = i -> enricher.enrich(posts.get(i));
        // Warm every path up before the first measurement, so that the JIT has compiled them all.
        measure(enrich, texts.size(), threads, WARM_UP_NANOS);
        measure(classify, texts.size(), threads, WARM_UP_NANOS);
        return new Result(
                rate(classify, texts.size(), 1, seconds),
                rate(classify, texts.size(), threads, seconds).wall(),
                rate(enrich, texts.size(), 1, seconds),
                rate(enrich, texts.size(), threads, seconds).wall(),
                threads);
    }

    public static void main(String[] args) {
        double seconds = 3;
        int threads = Runtime.getRuntime().availableProcessors();
        Path data = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]);
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + args[i] + "; options: --seconds S, --threads N, --data FILE.tsv");
            }
        }
        List<String> texts = texts(data == null ? locate() : data);
        System.out.println(run(texts, seconds, threads).json());
    }

    // Posts per second: a warm-up pass, then the best of three, each thread walking the texts from its own offset.
    private static Rate rate(Consumer<Integer> work, int size, int threads, double seconds) {
        long budget = (long) (seconds / 3 * 1e9);
        measure(work, size, threads, budget);
        double wall = 0;
        double cpu = 0;
        for (int pass = 0; pass < 3; pass++) {
            Rate rate = measure(work, size, threads, budget);
            wall = Math.max(wall, rate.wall());
            cpu = Math.max(cpu, rate.cpu());
        }
        return new Rate(wall, cpu);
    }

    private static Rate measure(Consumer<Integer> work, int size, int threads, long nanos) {
        ThreadMXBean cpuClock = ManagementFactory.getThreadMXBean();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<long[]>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int offset = t * (size / threads);
                done.add(pool.submit(() -> {
                    long cpuStart = cpuClock.getCurrentThreadCpuTime();
                    long count = 0;
                    int i = offset;
                    while ((count & 255) != 0 || System.nanoTime() - start < nanos) {
                        work.accept(i);
                        i = i + 1 == size ? 0 : i + 1;
                        count++;
                    }
                    return new long[] {count, cpuClock.getCurrentThreadCpuTime() - cpuStart};
                }));
            }
            long total = 0;
            long cpuNanos = 0;
            for (Future<long[]> future : done) {
                total += future.get()[0];
                cpuNanos = Math.max(cpuNanos, future.get()[1]);
            }
            return new Rate(total / ((System.nanoTime() - start) / 1e9), total / (cpuNanos * threads / 1e9));
        } catch (Exception e) {
            throw new IllegalStateException("benchmark thread failed", e);
        }
    }

    private static List<Post> posts(List<String> texts) {
        List<Post> posts = new ArrayList<>(texts.size());
        Author author = Author.of(Network.BLUESKY, "did:plc:bench");
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < texts.size(); i++) {
            posts.add(Post.builder(new PostKey(Network.BLUESKY, "b" + i), author, now)
                    .text(texts.get(i))
                    .build());
        }
        return posts;
    }

    static List<String> texts(Path tsv) {
        try {
            List<String> lines = Files.readAllLines(tsv);
            List<String> texts = new ArrayList<>(lines.size());
            for (String line : lines.subList(1, lines.size())) {
                int tab = line.lastIndexOf('\t');
                texts.add(tab >= 0 ? line.substring(tab + 1) : line);
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark tweets " + tsv, e);
        }
    }

    static Path locate() {
        String configured = System.getProperty("earshot.shared");
        if (configured != null) {
            return Path.of(configured).resolve(DATA);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared").resolve(DATA);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("benchmark data not found: pass --data FILE.tsv or -Dearshot.shared=DIR");
    }
}
