package io.earshot.bench.influence;

import io.earshot.domain.InteractionKind;
import io.earshot.domain.Network;
import io.earshot.graph.Edge;
import io.earshot.influence.InfluenceSettings;
import io.earshot.influence.InfluenceSnapshot;
import io.earshot.influence.InteractionStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What influence scoring costs on a real interaction stream: a full computation of every account (the median of
 * three), and an incremental update (one new repost between accounts of the stream, until the reposted account's
 * new score can be read; the median of 1,000).
 *
 * <pre>{@code
 * earshot bench influence --graph ../shared/fixtures/graph/higgs-activity_time.txt.gz
 * }</pre>
 */
public final class InfluenceBench {

    private static final int FULL_RUNS = 3;
    private static final int UPDATES = 1_000;

    private InfluenceBench() {}

    /**
     * Runs the benchmark and returns its one JSON line; with {@code fromStore}, also a full recompute as the server
     * runs it, reading every edge from a SQLite interaction graph ({@code full_recompute_from_store_ms}).
     */
    public static String run(Path graph, boolean fromStore) {
        InteractionStream stream = InteractionStream.read(graph);
        List<InteractionStream.Line> lines = stream.lines();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the stream " + graph + " has no interactions");
        }
        Instant now = Instant.ofEpochSecond(lines.getLast().at());
        InfluenceSettings settings = InfluenceSettings.DEFAULT.withHalfLife(InfluenceSettings.EVALUATION_HALF_LIFE);
        double[] full = new double[FULL_RUNS];
        InfluenceSnapshot snapshot = null;
        for (int run = 0; run < FULL_RUNS; run++) {
            long start = System.nanoTime();
            snapshot = InfluenceSnapshot.of(stream, now, settings);
            full[run] = (System.nanoTime() - start) / 1e6;
        }
        double[] update = new double[UPDATES];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < UPDATES; i++) {
            InteractionStream.Line from = lines.get(random.nextInt(lines.size()));
            InteractionStream.Line to = lines.get(random.nextInt(lines.size()));
            Edge edge = new Edge(
                    Network.BLUESKY,
                    from.from(),
                    to.to(),
                    InteractionKind.REPOST,
                    now.plusSeconds(i),
                    Optional.empty());
            long start = System.nanoTime();
            snapshot.add(edge);
            snapshot.of(Network.BLUESKY, edge.to()).orElseThrow();
            update[i] = (System.nanoTime() - start) / 1e6;
        }
        String figures = String.format(
                Locale.ROOT,
                "{\"nodes\": %d, \"edges\": %d, \"full_recompute_ms\": %.0f, \"incremental_update_ms\": %.3f",
                snapshot.accounts(),
                lines.size(),
                median(full),
                median(update));
        if (fromStore) {
            figures += String.format(
                    Locale.ROOT,
                    ", \"full_recompute_from_store_ms\": %.0f",
                    StoreRecompute.millis(graph, settings, FULL_RUNS));
        }
        return figures + "}";
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
