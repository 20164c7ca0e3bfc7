package io.earshot.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.archive.MentionSearch;
import io.earshot.domain.Author;
import io.earshot.domain.Engagement;
import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKey;
import io.earshot.domain.InteractionKind;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.embedded.archive.LuceneMentionArchive;
import io.earshot.embedded.state.SqliteStateStore;
import io.earshot.ingest.IngestPipeline;
import io.earshot.ingest.MentionListener;
import io.earshot.source.SourceBatch;
import io.earshot.source.SourceEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listeners registered for {@code WRITTEN} hear of a mention as soon as its batch is written, long before the commit
 * makes it durable; {@code DURABLE} ones only after. Between refreshes, ingest still knows what it stored: a like of
 * a post written a moment ago, not yet searchable, is counted.
 */
class ListenerMomentsTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path data;

    @Test
    void writtenListenersHearBeforeTheCommitAndDurableOnesAfter() throws Exception {
        try (Pipelines.AcmeStores stores = Pipelines.AcmeStores.open(data)) {
            SqliteStateStore state = stores.state();
            LuceneMentionArchive archive = stores.archive();
            // intervals longer than the test: nothing is refreshed or committed until close
            IngestPipeline pipeline = stores.pipeline(
                    archive, new IngestPipeline.Settings(8, 100, Duration.ofMinutes(5), Duration.ofMinutes(5)));
            Recorder written = new Recorder();
            Recorder durable = new Recorder();
            pipeline.addListener(written, IngestPipeline.Moment.WRITTEN);
            pipeline.addListener(durable);
            pipeline.start();

            Post post = post("p1", "acme launches a rocket");
            CompletableFuture<Void> stored = pipeline.submit(batch("c1", new SourceEvent.PostCreated(post)));
            CompletableFuture<Void> liked = pipeline.submit(batch("c2", new SourceEvent.InteractionAdded(like(post))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (written.mentions.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(200); // the like's batch, and time for anything that should not happen
            assertThat(written.mentions).extracting(Mention::key).containsExactly(post.key());
            assertThat(durable.mentions).as("not durable yet").isEmpty();
            assertThat(stored).as("not durable yet").isNotDone();
            assertThat(liked).isNotDone();
            assertThat(archive.search(MentionSearch.mentions(10)).items())
                    .as("not refreshed yet")
                    .isEmpty();
            assertThat(pipeline.counters().snapshot().get("interactions_counted"))
                    .as("the like of a post written but not yet searchable is counted")
                    .isEqualTo(1);

            pipeline.close();

            assertThat(stored).isCompleted();
            assertThat(liked).isCompleted();
            assertThat(durable.mentions).extracting(Mention::key).containsExactly(post.key());
            assertThat(written.mentions).as("told once").hasSize(1);
            assertThat(archive.get(post.key()).orElseThrow().engagement()).isEqualTo(new Engagement(1, 0, 0, 0));
            assertThat(state.get("bench").orElseThrow()).isEqualTo("c2");
        }
    }

    private static SourceBatch batch(String cursor, SourceEvent event) {
        return new SourceBatch("bench", List.of(event), Optional.of(cursor));
    }

    private static Post post(String id, String text) {
        Author author =
                new Author(Network.BLUESKY, "did:plc:a", Optional.of("a.test"), Optional.empty(), OptionalLong.empty());
        return Post.builder(new PostKey(Network.BLUESKY, id), author, AT)
                .text(text)
                .lang("en")
                .build();
    }

    private static Interaction like(Post post) {
        return new Interaction(
                new InteractionKey(Network.BLUESKY, "like-1"),
                InteractionKind.LIKE,
                "did:plc:b",
                post.author().id(),
                Optional.of(post.key()),
                AT.plusSeconds(1));
    }

    private static final class Recorder implements MentionListener {
        final List<Mention> mentions = new CopyOnWriteArrayList<>();

        @Override
        public void mentionsStored(List<Mention> stored) {
            mentions.addAll(stored);
        }
    }
}
