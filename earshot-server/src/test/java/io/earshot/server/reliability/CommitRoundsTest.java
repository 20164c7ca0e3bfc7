package io.earshot.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.archive.MentionArchive;
import io.earshot.archive.MentionSearch;
import io.earshot.domain.Author;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive is refreshed and committed on a thread of its own: the writer goes on while a commit runs, a
 * cursor is committed only after the commit that covers its batch, and a failed commit fails its batches' futures
 * while their cursors and news wait for the next commit that succeeds. The archive is real; only its commit can be
 * held or made to fail.
 */
class CommitRoundsTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path data;

    @Test
    void theWriterGoesOnWhileACommitRunsAndCursorsFollowTheirCommits() throws Exception {
        try (Pipelines.AcmeStores stores = Pipelines.AcmeStores.open(data)) {
            SqliteStateStore state = stores.state();
            HeldCommits archive = new HeldCommits(stores.archive());
            IngestPipeline pipeline =
                    stores.pipeline(archive, new IngestPipeline.Settings(8, 100, Duration.ZERO, Duration.ZERO));
            Recorder written = new Recorder();
            Recorder durable = new Recorder();
            pipeline.addListener(written, IngestPipeline.Moment.WRITTEN);
            pipeline.addListener(durable);
            pipeline.start();
            try {
                CompletableFuture<Void> first = pipeline.submit(batch("c1", post("p1", "acme one")));
                assertThat(archive.commitStarted.await(20, TimeUnit.SECONDS))
                        .as("the first commit runs")
                        .isTrue();

                CompletableFuture<Void> second = pipeline.submit(batch("c2", post("p2", "acme two")));
                awaitSize(written.mentions, 2);
                assertThat(written.mentions)
                        .as("written while the first commit is held")
                        .extracting(mention -> mention.key().id())
                        .containsExactly("bluesky:p1", "bluesky:p2");
                assertThat(first).isNotDone();
                assertThat(second).isNotDone();
                assertThat(durable.mentions).isEmpty();
                assertThat(state.get("bench")).as("no cursor before its commit").isEmpty();

                archive.release.countDown();
                CompletableFuture.allOf(first, second).get(20, TimeUnit.SECONDS);
                assertThat(state.get("bench")).contains("c2");
                awaitSize(durable.mentions, 2); // told right after the futures complete
                assertThat(durable.mentions)
                        .extracting(mention -> mention.key().id())
                        .containsExactly("bluesky:p1", "bluesky:p2");
                assertThat(archive.search(MentionSearch.mentions(10)).total())
                        .as("searchable once durable")
                        .isEqualTo(2);
            } finally {
                archive.release.countDown();
                pipeline.close();
            }
        }
    }

    @Test
    void aFailedCommitFailsItsBatchesAndTheNextCommitCarriesTheirCursorsAndNews() throws Exception {
        try (Pipelines.AcmeStores stores = Pipelines.AcmeStores.open(data)) {
            SqliteStateStore state = stores.state();
            HeldCommits archive = new HeldCommits(stores.archive());
            archive.release.countDown();
            archive.failures.set(1);
            IngestPipeline pipeline =
                    stores.pipeline(archive, new IngestPipeline.Settings(8, 100, Duration.ZERO, Duration.ZERO));
            Recorder durable = new Recorder();
            pipeline.addListener(durable);
            pipeline.start();
            try {
                CompletableFuture<Void> first = pipeline.submit(batch("c1", post("p1", "acme one")));
                assertThatThrownBy(() -> first.get(20, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasMessageContaining("disk full");
                assertThat(state.get("bench"))
                        .as("not committed with a failed commit")
                        .isEmpty();
                assertThat(durable.mentions).isEmpty();

                CompletableFuture<Void> second =
                        pipeline.submit(new SourceBatch("other", List.of(), Optional.of("o1")));
                second.get(20, TimeUnit.SECONDS);
                assertThat(state.get("bench"))
                        .as("carried to the commit that succeeded")
                        .contains("c1");
                assertThat(state.get("other")).contains("o1");
                awaitSize(durable.mentions, 1); // told right after the futures complete
                assertThat(durable.mentions)
                        .extracting(mention -> mention.key().id())
                        .containsExactly("bluesky:p1");
                assertThat(archive.get(new PostKey(Network.BLUESKY, "p1")))
                        .map(Mention::engagement)
                        .contains(Engagement.NONE);
            } finally {
                pipeline.close();
            }
        }
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static SourceBatch batch(String cursor, Post post) {
        return new SourceBatch("bench", List.of(new SourceEvent.PostCreated(post)), Optional.of(cursor));
    }

    private static Post post(String id, String text) {
        Author author =
                new Author(Network.BLUESKY, "did:plc:a", Optional.of("a.test"), Optional.empty(), OptionalLong.empty());
        return Post.builder(new PostKey(Network.BLUESKY, id), author, AT)
                .text(text)
                .lang("en")
                .build();
    }

    private static final class Recorder implements MentionListener {
        final List<Mention> mentions = new CopyOnWriteArrayList<>();

        @Override
        public void mentionsStored(List<Mention> stored) {
            mentions.addAll(stored);
        }
    }

    /** The real archive, whose commits wait for {@link #release} and fail while {@link #failures} lasts. */
    private static final class HeldCommits extends ForwardingArchive {
        final CountDownLatch commitStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger failures = new AtomicInteger();

        HeldCommits(MentionArchive archive) {
            super(archive);
        }

        @Override
        public void commit() {
            commitStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("disk full");
            }
            super.commit();
        }

        @Override
        public void close() {
            // the test closes the real archive
        }
    }
}
