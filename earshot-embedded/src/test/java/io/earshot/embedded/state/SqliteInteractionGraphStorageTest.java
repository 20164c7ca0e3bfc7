package io.earshot.embedded.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKey;
import io.earshot.domain.InteractionKind;
import io.earshot.domain.Network;
import io.earshot.graph.InteractionGraph;
import io.earshot.graph.InteractionGraph.Direction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the SQLite graph promises beyond the contract: bulk removals in chunks, a tidy dictionary, indexed queries. */
class SqliteInteractionGraphStorageTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private static Interaction follow(int i, String actor, String subject, long second) {
        return new Interaction(
                new InteractionKey(Network.BLUESKY, actor + "/app.bsky.graph.follow/" + i),
                InteractionKind.FOLLOW,
                actor,
                subject,
                Optional.empty(),
                T0.plusSeconds(second));
    }

    private long query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void removalsLargerThanAChunkRemoveEverythingAndKeepCountsExact() throws Exception {
        int n = SqliteInteractionGraph.CHUNK * 2 + 123;
        try (SqliteStateStore state = SqliteStateStore.open(dir)) {
            InteractionGraph graph = state.graph();
            List<Interaction> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                batch.add(follow(i, "did:plc:fan" + i, "did:plc:star", i % 2 == 0 ? 0 : 100));
                batch.add(follow(i, "did:plc:star", "did:plc:other" + (i % 1000), 200));
            }
            assertThat(graph.add(batch)).isEqualTo(2 * n);

            assertThat(graph.removeBefore(T0.plusSeconds(100))).isEqualTo((n + 1) / 2);
            assertThat(graph.count()).isEqualTo(2 * n - (n + 1) / 2);
            assertThat(graph.removeAccount(Network.BLUESKY, "did:plc:star")).isEqualTo(2 * n - (n + 1) / 2);
            assertThat(graph.count()).isZero();
            assertThat(graph.edgesOf(Network.BLUESKY, "did:plc:star", Direction.OUT, 10))
                    .isEmpty();
        }
        assertThat(query("SELECT COUNT(*) FROM graph_edges")).isZero();
        assertThat(query("SELECT SUM(edges) FROM graph_counts")).isZero();
    }

    @Test
    void retentionForgetsAccountsThatNoEdgeNamesAnyMore() throws Exception {
        try (SqliteStateStore state = SqliteStateStore.open(dir)) {
            InteractionGraph graph = state.graph();
            List<Interaction> batch = new ArrayList<>();
            for (int i = 0; i < 25_000; i++) {
                batch.add(follow(i, "did:plc:fan" + i, "did:plc:star" + (i % 10), i < 20_000 ? 0 : 100));
            }
            graph.add(batch);
            assertThat(query("SELECT COUNT(*) FROM graph_accounts")).isEqualTo(25_010);

            graph.removeBefore(T0.plusSeconds(50));
            assertThat(query("SELECT COUNT(*) FROM graph_accounts")).isEqualTo(5_010);

            // numbers cached before the sweep are not reused for the accounts it deleted
            graph.add(List.of(follow(-1, "did:plc:fan1", "did:plc:star1", 300)));
            assertThat(graph.edgesOf(Network.BLUESKY, "did:plc:fan1", Direction.OUT, 10))
                    .hasSize(1);
        }
    }

    @Test
    void aStateFileFromBeforeTheGraphGetsItOnOpen() {
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + dir.resolve("state.db"), null, null)
                .locations("classpath:db/migration")
                .target("3")
                .load()
                .migrate();
        try (SqliteStateStore state = SqliteStateStore.open(dir)) {
            assertThat(state.graph().add(List.of(follow(1, "did:plc:a", "did:plc:b", 0))))
                    .isEqualTo(1);
            assertThat(state.graph().count()).isEqualTo(1);
        }
    }

    @Test
    void queriesUseTheirIndexesAndNeverSort() throws Exception {
        try (SqliteStateStore state = SqliteStateStore.open(dir)) {
            state.graph().add(List.of(follow(1, "did:plc:a", "did:plc:b", 0)));
        }
        String since = plan(SqliteInteractionGraph.SELECT_EDGES
                + "WHERE e.at >= 1 AND (e.at, e.id) > (1, 2) ORDER BY e.at, e.id LIMIT 10");
        assertThat(since).contains("graph_edges_by_time").doesNotContain("TEMP B-TREE");
        String in =
                plan(SqliteInteractionGraph.SELECT_EDGES + "WHERE e.to_id = 1 ORDER BY e.at DESC, e.id DESC LIMIT 10");
        assertThat(in).contains("graph_edges_by_to").doesNotContain("TEMP B-TREE");
        String out = plan(
                SqliteInteractionGraph.SELECT_EDGES + "WHERE e.from_id = 1 ORDER BY e.at DESC, e.id DESC LIMIT 10");
        assertThat(out).contains("graph_edges_by_from").doesNotContain("TEMP B-TREE");
        assertThat(plan("DELETE FROM graph_edges WHERE record_id = 5")).contains("graph_edges_by_record");
    }

    private String plan(String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (rows.next()) {
                plan.append(rows.getString("detail")).append('\n');
            }
        }
        return plan.toString();
    }
}
