package io.earshot.bench;

import io.earshot.domain.Post;
import io.earshot.domain.TopicMatch;
import io.earshot.match.CompiledTopicMatcher;
import io.earshot.query.QueryNode;
import io.earshot.query.QueryParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.lucene.monitor.Monitor;

/**
 * The matching benchmark of issue 3: N generated listening topics ({@link TopicMix}) against M posts built
 * from real tweets ({@link BenchCorpus}), measuring Earshot's engine and, in the same run, the naive baseline
 * (Lucene Monitor, default presearcher, one post at a time), and checking that both find the same matches.
 *
 * <pre>{@code
 * java -cp ... io.earshot.bench.MatchBench --topics 10000 --posts 200000 --threads 2
 * {"topics": 10000, "posts": 200000, "earshot_posts_per_sec": ..., "baseline_posts_per_sec": ..., ...}
 * }</pre>
 *
 * <p>Options beyond the CLI's: {@code --batch B} (posts per match call, default 1000), {@code --engine}
 * {@code compiled} (default), {@code monitor} or {@code monitor-multipass} (Lucene Monitor in batches, to
 * compare presearchers), {@code --baseline-seconds S} (the baseline runs until all posts or S seconds,
 * default 60), {@code --seed}.
 */
public final class MatchBench {

    record Options(int topics, int posts, int threads, int batch, String engine, double baselineSeconds, long seed) {}

    private MatchBench() {}

    /** Runs the benchmark as {@code earshot bench match} does, and returns its JSON line. */
    public static String run(int topics, int posts, int threads) {
        return run(new Options(topics, posts, threads, 1_000, "compiled", 60, 42));
    }

    public static void main(String[] args) {
        int topics = 10_000;
        int posts = 100_000;
        int threads = 1;
        int batch = 1_000;
        String engine = "compiled";
        double baselineSeconds = 60;
        long seed = 42;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--topics" -> topics = Integer.parseInt(value);
                case "--posts" -> posts = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--batch" -> batch = Integer.parseInt(value);
                case "--engine" -> engine = value;
                case "--baseline-seconds" -> baselineSeconds = Double.parseDouble(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.println(run(new Options(topics, posts, threads, batch, engine, baselineSeconds, seed)));
    }

    static String run(Options options) {
        Random random = new Random(options.seed());
        BenchCorpus corpus = BenchCorpus.load(Math.max(100, options.topics()), random);
        List<String> texts = new TopicMix(corpus, random).topics(options.topics());
        List<QueryNode> topics =
                texts.stream().map(text -> QueryParser.parse(text).root()).toList();
        List<Post> posts = corpus.posts(options.posts(), random);

        long registerStart = System.nanoTime();
        Function<List<Post>, List<long[]>> engine;
        AutoCloseable closeable;
        switch (options.engine()) {
            case "compiled" -> {
                CompiledTopicMatcher matcher = new CompiledTopicMatcher();
                for (int i = 0; i < topics.size(); i++) {
                    matcher.put(i, topics.get(i));
                }
                engine = batch -> ids(matcher.match(batch));
                closeable = matcher;
            }
            case "monitor", "monitor-multipass" -> {
                Monitor monitor =
                        MonitorEngines.monitor(topics, options.engine().equals("monitor-multipass"));
                engine = batch -> MonitorEngines.matchBatch(monitor, batch);
                closeable = monitor;
            }
            default -> throw new IllegalArgumentException("unknown engine " + options.engine());
        }
        double registerSeconds = (System.nanoTime() - registerStart) / 1e9;

        // warm up the JIT on a slice, then measure every post
        engine.apply(posts.subList(0, Math.min(posts.size(), 20_000)));
        Measured measured = measure(engine, posts, options);
        long heapMb = usedHeapMb();
        close(closeable);

        Baseline baseline = baseline(topics, posts, options.baselineSeconds());
        int differing = 0;
        long engineMatchesOnBaselinePosts = 0;
        for (int i = 0; i < baseline.matches().size(); i++) {
            engineMatchesOnBaselinePosts += measured.matches().get(i).length;
            if (!Arrays.equals(baseline.matches().get(i), measured.matches().get(i))) {
                if (differing++ < 5) {
                    System.err.printf(
                            "differs on post %d: engine %s, baseline %s%n  %s%n",
                            i,
                            Arrays.toString(measured.matches().get(i)),
                            Arrays.toString(baseline.matches().get(i)),
                            posts.get(i).text());
                }
            }
        }
        double speedup = measured.postsPerSecond() / baseline.postsPerSecond();
        return String.format(
                Locale.ROOT,
                "{\"topics\": %d, \"posts\": %d, \"threads\": %d, \"batch\": %d, \"engine\": \"%s\","
                        + " \"earshot_posts_per_sec\": %.0f, \"earshot_posts_per_cpu_sec\": %.0f,"
                        + " \"baseline_posts_per_sec\": %.0f, \"speedup\": %.1f,"
                        + " \"p99_batch_ms\": %.1f, \"matches\": %d, \"baseline_matches\": %d,"
                        + " \"baseline_posts\": %d, \"earshot_matches_on_baseline_posts\": %d,"
                        + " \"posts_differing\": %d, \"heap_mb\": %d, \"register_sec\": %.1f}",
                options.topics(),
                options.posts(),
                options.threads(),
                options.batch(),
                options.engine(),
                measured.postsPerSecond(),
                measured.postsPerCpuSecond(),
                baseline.postsPerSecond(),
                speedup,
                measured.p99BatchMillis(),
                measured.totalMatches(),
                baseline.totalMatches(),
                baseline.matches().size(),
                engineMatchesOnBaselinePosts,
                differing,
                heapMb,
                registerSeconds);
    }

    /** {@code postsPerCpuSecond}: posts per second of CPU time the matching threads got (steadier on a busy box). */
    record Measured(
            List<long[]> matches,
            double postsPerSecond,
            double postsPerCpuSecond,
            double p99BatchMillis,
            long totalMatches) {}

    record Baseline(List<long[]> matches, double postsPerSecond, long totalMatches) {}

    private static Measured measure(Function<List<Post>, List<long[]>> engine, List<Post> posts, Options options) {
        int batches = (posts.size() + options.batch() - 1) / options.batch();
        List<List<long[]>> results = new ArrayList<>(Collections.nCopies(batches, null));
        double[] batchMillis = new double[batches];
        AtomicInteger next = new AtomicInteger();
        AtomicLong cpuNanos = new AtomicLong();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < options.threads(); t++) {
                workers.add(pool.submit(() -> {
                    long cpuStart = cpu.getCurrentThreadCpuTime();
                    for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                        long batchStart = System.nanoTime();
                        List<Post> batch =
                                posts.subList(b * options.batch(), Math.min(posts.size(), (b + 1) * options.batch()));
                        results.set(b, engine.apply(batch));
                        batchMillis[b] = (System.nanoTime() - batchStart) / 1e6;
                    }
                    cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the benchmark failed", e);
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<long[]> matches = new ArrayList<>(posts.size());
        results.forEach(matches::addAll);
        long total = matches.stream().mapToLong(ids -> ids.length).sum();
        double[] sorted = batchMillis.clone();
        Arrays.sort(sorted);
        double p99 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)];
        return new Measured(matches, posts.size() / seconds, posts.size() / (cpuNanos.get() / 1e9), p99, total);
    }

    /** Lucene Monitor, default presearcher, one post at a time, until every post or the time limit. */
    private static Baseline baseline(List<QueryNode> topics, List<Post> posts, double maxSeconds) {
        Monitor monitor = MonitorEngines.monitor(topics, false);
        try {
            for (int i = 0; i < Math.min(200, posts.size()); i++) {
                MonitorEngines.matchOne(monitor, posts.get(i)); // JIT warm-up
            }
            List<long[]> matches = new ArrayList<>();
            long start = System.nanoTime();
            long deadline = start + (long) (maxSeconds * 1e9);
            for (Post post : posts) {
                matches.add(MonitorEngines.matchOne(monitor, post));
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long total = matches.stream().mapToLong(ids -> ids.length).sum();
            return new Baseline(matches, matches.size() / seconds, total);
        } finally {
            close(monitor);
        }
    }

    private static List<long[]> ids(List<List<TopicMatch>> matches) {
        List<long[]> out = new ArrayList<>(matches.size());
        for (List<TopicMatch> forPost : matches) {
            out.add(forPost.stream().mapToLong(TopicMatch::topicId).sorted().toArray());
        }
        return out;
    }

    private static long usedHeapMb() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
