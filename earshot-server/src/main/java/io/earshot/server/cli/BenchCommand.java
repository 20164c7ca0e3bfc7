package io.earshot.server.cli;

import io.earshot.bench.MatchBench;
import io.earshot.bench.analytics.AnalyticsBench;
import io.earshot.bench.enrich.EnrichBench;
import io.earshot.bench.influence.InfluenceBench;
import io.earshot.server.alert.AlertLatencyBench;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code earshot bench …}: the benchmarks whose figures are in docs/benchmarks.md. Each prints one JSON line. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run a benchmark and print its result as one JSON line.",
        subcommands = {
            BenchCommand.Match.class,
            BenchCommand.Enrich.class,
            BenchCommand.Influence.class,
            BenchCommand.Alerts.class,
            BenchCommand.Analytics.class
        })
final class BenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "match",
            mixinStandardHelpOptions = true,
            description =
                    "Topic matching: Earshot's engine against Lucene Monitor (default presearcher, one post at a time) on real tweets.")
    static final class Match implements Callable<Integer> {
        @Option(
                names = "--topics",
                paramLabel = "N",
                defaultValue = "10000",
                description = "Generated topics (default 10000).")
        private int topics;

        @Option(
                names = "--posts",
                paramLabel = "M",
                defaultValue = "100000",
                description = "Posts built from real tweets (default 100000).")
        private int posts;

        @Option(
                names = "--threads",
                paramLabel = "T",
                defaultValue = "1",
                description = "Matching threads (default 1).")
        private int threads;

        @Override
        public Integer call() {
            if (topics < 1 || posts < 1 || threads < 1) {
                throw new IllegalArgumentException("--topics, --posts and --threads must be at least 1");
            }
            System.out.println(MatchBench.run(topics, posts, threads));
            return 0;
        }
    }

    @Command(
            name = "enrich",
            mixinStandardHelpOptions = true,
            description =
                    "Enrichment: posts per second for sentiment alone and for everything, one thread and all cores, on real tweets.")
    static final class Enrich implements Callable<Integer> {
        @Option(names = "--seconds", defaultValue = "3", description = "Seconds per measurement (default 3).")
        private double seconds;

        @Override
        public Integer call() {
            System.out.println(EnrichBench.run(seconds, Runtime.getRuntime().availableProcessors())
                    .json());
            return 0;
        }
    }

    @Command(
            name = "influence",
            mixinStandardHelpOptions = true,
            description = "Influence scoring: a full computation and an incremental update on an interaction stream.")
    static final class Influence implements Callable<Integer> {
        @Mixin
        private GraphOption graph;

        @Option(
                names = "--from-store",
                description = "Also time a recompute as the server runs it, from a SQLite graph (adds a minute).")
        private boolean fromStore;

        @Override
        public Integer call() {
            System.out.println(InfluenceBench.run(graph.file, fromStore));
            return 0;
        }
    }

    @Command(
            name = "alerts",
            mixinStandardHelpOptions = true,
            description = "Alert latency: ingest at a steady rate with an every_match webhook rule to a local receiver;"
                    + " mention-ingested to webhook-received p50/p99 and throughput.")
    static final class Alerts implements Callable<Integer> {
        @Option(names = "--rate", defaultValue = "10000", description = "Posts per second (default 10000).")
        private int rate;

        @Option(names = "--seconds", defaultValue = "20", description = "How long to ingest, timed (default 20).")
        private int seconds;

        @Option(
                names = "--warmup",
                defaultValue = "5",
                description = "Seconds ingested first, at the same rate, without timing (default 5).")
        private int warmup;

        @Option(
                names = "--mention-share",
                defaultValue = "1",
                description = "Share of the posts that mention the topic, the rest match nothing (default 1: every"
                        + " post).")
        private double mentionShare;

        @Override
        public Integer call() throws Exception {
            System.out.println(
                    AlertLatencyBench.run(new AlertLatencyBench.Settings(rate, seconds, warmup, mentionShare)));
            return 0;
        }
    }

    @Command(
            name = "analytics",
            mixinStandardHelpOptions = true,
            description = "Analytics: p50/p95 of each analytics query over N synthetic mentions in an archive on disk.")
    static final class Analytics implements Callable<Integer> {
        @Option(
                names = "--mentions",
                paramLabel = "N",
                defaultValue = "1000000",
                description = "Synthetic mentions written first (default 1000000).")
        private int mentions;

        @Option(names = "--repetitions", defaultValue = "30", description = "Timed runs per query (default 30).")
        private int repetitions;

        @Option(
                names = "--dir",
                paramLabel = "FOLDER",
                defaultValue = "${java.io.tmpdir}",
                description = "Where the temporary archive is written, then deleted (default: the temp folder).")
        private Path dir;

        @Override
        public Integer call() {
            if (mentions < 1 || repetitions < 1) {
                throw new IllegalArgumentException("--mentions and --repetitions must be at least 1");
            }
            System.out.println(AnalyticsBench.run(mentions, repetitions, dir));
            return 0;
        }
    }
}
