package io.earshot.embedded.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Network;
import io.earshot.influence.AuthorInfluence;
import io.earshot.influence.Components;
import io.earshot.influence.InfluenceStore;
import io.earshot.influence.InfluenceStore.DailyScore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteInfluenceStoreTest {

    @TempDir
    Path dir;

    private static AuthorInfluence scored(String account, double score) {
        return new AuthorInfluence(
                Network.BLUESKY, account, score, new Components(OptionalLong.empty(), 0, 1, 1, 1, 1, 1, 1));
    }

    @Test
    void dailyScoresAreKeptOldestFirstAndADayIsReplacedWhenRecordedAgain() {
        try (SqliteStateStore state = SqliteStateStore.open(dir)) {
            InfluenceStore store = state.influence();
            store.recordDay(LocalDate.parse("2026-11-01"), List.of(scored("alice", 40), scored("bob", 10)));
            store.recordDay(LocalDate.parse("2026-11-02"), List.of(scored("alice", 45)));
            store.recordDay(LocalDate.parse("2026-11-02"), List.of(scored("alice", 50)));

            assertThat(store.history(Network.BLUESKY, "alice", 90))
                    .containsExactly(
                            new DailyScore(LocalDate.parse("2026-11-01"), 40),
                            new DailyScore(LocalDate.parse("2026-11-02"), 50));
            assertThat(store.history(Network.BLUESKY, "alice", 1)).hasSize(1);
            assertThat(store.history(Network.MASTODON, "alice", 90)).isEmpty();
        }
    }

    @Test
    void exclusionForgetsTheHistoryAndSurvivesARestart() {
        try (SqliteStateStore state = SqliteStateStore.open(dir)) {
            state.influence().recordDay(LocalDate.parse("2026-11-01"), List.of(scored("alice", 40)));
            state.influence().exclude(Network.BLUESKY, "alice", Instant.parse("2026-11-02T00:00:00Z"));
            state.influence().exclude(Network.BLUESKY, "alice", Instant.parse("2026-11-03T00:00:00Z"));
            assertThat(state.influence().history(Network.BLUESKY, "alice", 90)).isEmpty();
        }
        try (SqliteStateStore state = SqliteStateStore.open(dir)) {
            assertThat(state.influence().excluded()).containsExactly("bluesky:alice");
        }
    }
}
