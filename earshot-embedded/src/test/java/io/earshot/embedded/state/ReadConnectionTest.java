package io.earshot.embedded.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest's per-batch lookups use a read connection: they answer while the inbox holds the main connection in a
 * transaction, and see what is committed, not what that transaction has not committed yet.
 */
class ReadConnectionTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path data;

    @Test
    void lookupsAnswerWhileTheInboxHoldsATransaction() throws Exception {
        PostKey buried = new PostKey(Network.BLUESKY, "did:plc:a:3kgone");
        PostKey alive = new PostKey(Network.BLUESKY, "did:plc:a:3kalive");
        try (SqliteStateStore state = SqliteStateStore.open(data)) {
            state.bury(List.of(buried), T0);
            state.rememberHandle(Network.BLUESKY, "did:plc:a", "a.test");
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread inbox = Thread.ofPlatform()
                    .start(() -> state.inbox().commits().together(() -> {
                        // written inside the open transaction: not visible to readers until it commits
                        state.bury(List.of(alive), T0);
                        inside.countDown();
                        try {
                            release.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
            try {
                assertThat(inside.await(20, TimeUnit.SECONDS)).isTrue();
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                    assertThat(state.buried(List.of(buried, alive))).containsExactly(buried);
                    assertThat(state.handles(Network.BLUESKY, List.of("did:plc:a")))
                            .containsEntry("did:plc:a", "a.test");
                    assertThat(state.engagementOf(List.of(alive))).isEmpty();
                });
            } finally {
                release.countDown();
                inbox.join();
            }
            assertThat(state.buried(List.of(buried, alive)))
                    .as("committed now")
                    .containsExactlyInAnyOrder(buried, alive);
        }
    }
}
