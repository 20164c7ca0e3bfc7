package io.earshot.bench.graph;

import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKey;
import io.earshot.domain.InteractionKind;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import io.earshot.embedded.state.SqliteStateStore;
import io.earshot.graph.InteractionGraph;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Replays a real interaction stream into the SQLite interaction graph of a fresh state store and prints what it
 * cost: edges per second added in batches, the same again as a replay (every edge already there), a full read
 * in pages, a retention run, and the size of the database file.
 *
 * <p>The stream is the Higgs format, {@code userA userB unix_seconds RT|MT|RE} (retweet, mention, reply). Its
 * numeric users become Bluesky-shaped DIDs and its interactions Bluesky-shaped record keys and post keys, so the
 * database is as large as the same edges from the Bluesky firehose would make it.
 *
 * <pre>{@code
 * java -cp ... io.earshot.bench.graph.GraphReplayBench [--graph FILE] [--batch 1000] [--data DIR]
 * }</pre>
 */
public final class GraphReplayBench {

    private static final String DEFAULT_GRAPH = "../shared/fixtures/graph/higgs-activity_time.txt.gz";
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    private GraphReplayBench() {}

    public static void main(String[] args) throws Exception {
        Path graphFile = Path.of(DEFAULT_GRAPH);
        int batchSize = 1_000;
        Optional<Path> dataDir = Optional.empty();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--graph" -> graphFile = Path.of(args[i + 1]);
                case "--batch" -> batchSize = Integer.parseInt(args[i + 1]);
                case "--data" -> dataDir = Optional.of(Path.of(args[i + 1]));
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + args[i] + "; options: --graph FILE, --batch N, --data DIR");
            }
        }
        List<Interaction> interactions = read(graphFile);
        Path dir = dataDir.orElse(Files.createTempDirectory("earshot-graph-bench"));
        try {
            run(interactions, batchSize, dir);
        } finally {
            if (dataDir.isEmpty()) {
                delete(dir);
            }
        }
    }

    private static void run(List<Interaction> interactions, int batchSize, Path dir) throws SQLException {
        Timer add = new Timer();
        Timer replay = new Timer();
        Timer scan = new Timer();
        Timer retention = new Timer();
        long added;
        long scanned;
        long stored;
        long expired;
        try (SqliteStateStore state = SqliteStateStore.open(dir)) {
            InteractionGraph graph = state.graph();
            added = add.time(() -> replay(graph, interactions, batchSize));
            long again = replay.time(() -> replay(graph, interactions, batchSize));
            if (again != 0) {
                throw new IllegalStateException("a replay added " + again + " edges: adding is not idempotent");
            }
            scanned = scan.time(() -> {
                long[] count = {0};
                graph.forEachSince(Instant.EPOCH, edge -> count[0]++);
                return count[0];
            });
            stored = graph.count();
            System.out.println("edges by kind: " + graph.countsByKind());
        }
        Path file = dir.resolve("state.db");
        long bytes = size(file);
        System.out.println(breakdown(file));
        try (SqliteStateStore state = SqliteStateStore.open(dir)) {
            // the median time: half of the stream falls out of the window
            List<Instant> times =
                    interactions.stream().map(Interaction::at).sorted().toList();
            Instant cutoff = times.get(times.size() / 2);
            expired = retention.time(() -> state.graph().removeBefore(cutoff));
        }
        System.out.printf(
                Locale.ROOT,
                "{\"interactions\": %d, \"batch\": %d, \"edges\": %d, \"db_bytes\": %d, \"bytes_per_edge\": %.1f,"
                        + " \"add\": %s, \"replay\": %s, \"scan\": %s, \"retention_removed\": %d,"
                        + " \"retention_sec\": %.2f, \"retention_cpu_sec\": %.2f}%n",
                interactions.size(),
                batchSize,
                stored,
                bytes,
                (double) bytes / stored,
                add.rates(added),
                replay.rates(interactions.size()),
                scan.rates(scanned),
                expired,
                retention.wall,
                retention.cpu);
    }

    /** Wall and CPU time of this thread: the machine may be shared, and wall time then also measures the others. */
    private static final class Timer {
        double wall;
        double cpu;

        long time(LongSupplierWithSql work) throws SQLException {
            long start = System.nanoTime();
            long startCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long result = work.get();
            cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - startCpu) / 1e9;
            wall = (System.nanoTime() - start) / 1e9;
            return result;
        }

        String rates(long edges) {
            return String.format(
                    Locale.ROOT, "{\"edges_per_sec\": %.0f, \"edges_per_cpu_sec\": %.0f}", edges / wall, edges / cpu);
        }
    }

    @FunctionalInterface
    private interface LongSupplierWithSql {
        long get() throws SQLException;
    }

    private static long replay(InteractionGraph graph, List<Interaction> interactions, int batchSize) {
        long added = 0;
        for (int from = 0; from < interactions.size(); from += batchSize) {
            added += graph.add(interactions.subList(from, Math.min(interactions.size(), from + batchSize)));
        }
        return added;
    }

    /** Reads the stream, turning each line into the interaction the Bluesky mapper would have made of it. */
    public static List<Interaction> read(Path file) {
        List<Interaction> interactions = new ArrayList<>(600_000);
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            long number = 0;
            while ((line = lines.readLine()) != null) {
                String[] fields = line.trim().split(" ");
                if (fields.length != 4) {
                    continue;
                }
                number++;
                interactions.add(interaction(
                        did(Long.parseLong(fields[0])),
                        did(Long.parseLong(fields[1])),
                        Instant.ofEpochSecond(Long.parseLong(fields[2])),
                        fields[3],
                        number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("read the interaction stream " + file, e);
        }
        return interactions;
    }

    private static Interaction interaction(String from, String to, Instant at, String type, long number) {
        String rkey = tid(at, number);
        return switch (type) {
            case "RT" ->
                new Interaction(
                        new InteractionKey(Network.BLUESKY, from + "/app.bsky.feed.repost/" + rkey),
                        InteractionKind.REPOST,
                        from,
                        to,
                        Optional.of(new PostKey(Network.BLUESKY, to + ":" + tid(at.minusSeconds(3600), number))),
                        at);
            case "RE" ->
                new Interaction(
                        new InteractionKey(Network.BLUESKY, from + "/app.bsky.feed.post/" + rkey),
                        InteractionKind.REPLY,
                        from,
                        to,
                        Optional.of(new PostKey(Network.BLUESKY, to + ":" + tid(at.minusSeconds(600), number))),
                        at);
            case "MT" ->
                new Interaction(
                        new InteractionKey(Network.BLUESKY, from + "/app.bsky.feed.post/" + rkey + "#mention:" + to),
                        InteractionKind.MENTION,
                        from,
                        to,
                        Optional.empty(),
                        at);
            default -> throw new IllegalArgumentException("unknown interaction type '" + type + "'");
        };
    }

    /** A did:plc of the usual length (24 base32 characters), the same for the same user. */
    private static String did(long user) {
        SplittableRandom random = new SplittableRandom(user * 0x9E3779B97F4A7C15L);
        StringBuilder did = new StringBuilder("did:plc:");
        for (int i = 0; i < 24; i++) {
            did.append(BASE32.charAt(random.nextInt(32)));
        }
        return did.toString();
    }

    /** A record key shaped like a Bluesky TID: 13 base32 characters of microseconds and a clock id. */
    private static String tid(Instant at, long number) {
        long micros = at.getEpochSecond() * 1_000_000 + (number % 1_000_000);
        long value = (micros << 10) | (number & 0x3FF);
        StringBuilder tid = new StringBuilder();
        for (int i = 12; i >= 0; i--) {
            tid.append(BASE32.charAt((int) ((value >>> (5 * i)) & 31)));
        }
        return tid.toString();
    }

    private static String breakdown(Path file) throws SQLException {
        StringBuilder out = new StringBuilder("bytes by table and index:");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name, SUM(pgsize) FROM dbstat "
                        + "WHERE name LIKE 'graph%' OR name LIKE 'sqlite_autoindex_graph%' "
                        + "GROUP BY name ORDER BY 2 DESC")) {
            while (rows.next()) {
                out.append(String.format(Locale.ROOT, "%n  %-40s %,d", rows.getString(1), rows.getLong(2)));
            }
        } catch (SQLException e) {
            return "bytes by table and index: not available (" + e.getMessage() + ")";
        }
        return out.toString();
    }

    private static long size(Path file) {
        try {
            long size = Files.size(file);
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            return Files.exists(wal) ? size + Files.size(wal) : size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
