package io.earshot.bench.influence;

import io.earshot.archive.MentionArchive;
import io.earshot.bench.graph.GraphReplayBench;
import io.earshot.domain.Interaction;
import io.earshot.embedded.archive.LuceneMentionArchive;
import io.earshot.embedded.state.SqliteStateStore;
import io.earshot.influence.InfluenceService;
import io.earshot.influence.InfluenceSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A full recompute the way the server runs it: every edge read back from the SQLite interaction graph (filled
 * with the stream as the pipeline would fill it) and every account scored. The store lives in a temporary folder.
 */
final class StoreRecompute {

    private StoreRecompute() {}

    /** The median of three {@link InfluenceService#recompute()} runs, in milliseconds. */
    static double millis(Path graphFile, InfluenceSettings settings, int runs) {
        List<Interaction> interactions = GraphReplayBench.read(graphFile);
        Instant last = interactions.stream()
                .map(Interaction::at)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        Path dir = temporaryFolder();
        try (SqliteStateStore state = SqliteStateStore.open(dir);
                MentionArchive archive = LuceneMentionArchive.open(dir.resolve("archive"))) {
            for (int from = 0; from < interactions.size(); from += 1_000) {
                state.graph().add(interactions.subList(from, Math.min(interactions.size(), from + 1_000)));
            }
            InfluenceService service = new InfluenceService(
                    state.graph(), archive, state.influence(), settings, Clock.fixed(last, ZoneOffset.UTC));
            double[] times = new double[runs];
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                service.recompute();
                times[run] = (System.nanoTime() - start) / 1e6;
            }
            java.util.Arrays.sort(times);
            return times[runs / 2];
        } finally {
            delete(dir);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("earshot-influence-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the benchmark's folder " + dir, e);
        }
    }
}
