package io.earshot.embedded.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKey;
import io.earshot.domain.InteractionKind;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import io.earshot.topic.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the SQLite state store promises beyond the port contracts: its file, its errors, its threads. */
class SqliteStateStoreTest {

    @TempDir
    Path dir;

    @Test
    void keepsEverythingInStateDbInWalMode() throws Exception {
        try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("data"))) {
            store.create("t", "q");
            assertThat(store.file())
                    .isEqualTo(dir.resolve("data").resolve("state.db").toAbsolutePath());
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/state.db"));
                Statement statement = connection.createStatement()) {
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
                assertThat(mode.next()).isTrue();
                assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
            }
            // versions are text in Flyway's table ("7" > "10"): compare them as numbers; every feature adds one
            try (ResultSet version = statement.executeQuery(
                    "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
                assertThat(version.next()).isTrue();
                assertThat(version.getInt(1)).isGreaterThanOrEqualTo(10);
            }
        }
    }

    @Test
    void timesComeFromTheClockToTheMillisecond() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T12:00:00.123456789Z"), ZoneOffset.UTC);
        try (SqliteStateStore store = SqliteStateStore.open(dir, clock)) {
            Topic topic = store.create("t", "q");
            assertThat(topic.createdAt()).isEqualTo(Instant.parse("2025-03-01T12:00:00.123Z"));
            assertThat(store.get(topic.id())).contains(topic);
        }
    }

    @Test
    void interactionTimesAreKeptToTheMillisecond() {
        Interaction like = new Interaction(
                new InteractionKey(Network.BLUESKY, "did:plc:x/app.bsky.feed.like/1"),
                InteractionKind.LIKE,
                "did:plc:x",
                "did:plc:y",
                Optional.of(new PostKey(Network.BLUESKY, "did:plc:y:3k")),
                Instant.parse("2025-03-01T12:00:00.123456Z"));
        try (SqliteStateStore store = SqliteStateStore.open(dir)) {
            store.record(like);
            assertThat(store.remove(like.key()).orElseThrow().at())
                    .isEqualTo(Instant.parse("2025-03-01T12:00:00.123Z"));
        }
    }

    @Test
    void aDataFolderThatCannotBeCreatedIsReportedWithThePath() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        assertThatThrownBy(() -> SqliteStateStore.open(file.resolve("data")))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining(file.resolve("data").resolve("state.db").toString())
                .hasMessageContaining("create the data folder");
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedWithThePath() throws Exception {
        Path state =
                Files.writeString(dir.resolve("state.db"), "this is not an SQLite database, but it is long enough");
        assertThatThrownBy(() -> SqliteStateStore.open(dir))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining(state.toAbsolutePath().toString())
                .hasMessageContaining("failed");
    }

    @Test
    void operationsAfterCloseSayWhatFailedAndWhere() {
        SqliteStateStore store = SqliteStateStore.open(dir);
        store.close();
        store.close();
        assertThatThrownBy(() -> store.commit("jetstream", "1"))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("commit the cursor of source 'jetstream'")
                .hasMessageContaining(store.file().toString());
    }

    @Test
    void manyThreadsRecordEachInteractionOnce() throws Exception {
        PostKey post = new PostKey(Network.BLUESKY, "did:plc:y:3k");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (SqliteStateStore store = SqliteStateStore.open(dir)) {
            List<Future<Integer>> counted = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                counted.add(threads.submit(() -> {
                    int recorded = 0;
                    // every thread replays the same 200 likes: only one of them may count each
                    for (int i = 0; i < 200; i++) {
                        Interaction like = new Interaction(
                                new InteractionKey(Network.BLUESKY, "like-" + i),
                                InteractionKind.LIKE,
                                "did:plc:fan" + i,
                                "did:plc:y",
                                Optional.of(post),
                                Instant.EPOCH);
                        recorded += store.record(like) ? 1 : 0;
                    }
                    return recorded;
                }));
            }
            int total = 0;
            for (Future<Integer> count : counted) {
                total += count.get();
            }
            assertThat(total).isEqualTo(200);
            assertThat(store.engagementOf(post).likes()).isEqualTo(200);
        } finally {
            threads.shutdownNow();
        }
    }
}
