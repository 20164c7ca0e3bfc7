package io.earshot.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.archive.MentionArchive;
import io.earshot.archive.MentionSearch;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import io.earshot.embedded.archive.LuceneMentionArchive;
import io.earshot.embedded.state.SqliteSentimentCorrections;
import io.earshot.embedded.state.SqliteStateStore;
import io.earshot.ingest.IngestPipeline;
import io.earshot.match.MonitorTopicMatcher;
import io.earshot.source.bluesky.JetstreamConfig;
import io.earshot.source.bluesky.JetstreamSource;
import io.earshot.testkit.jetstream.FakeJetstreamServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A slow archive slows the source down: what the source has read but not stored stays bounded. */
class BackpressureTest {

    private static final int POSTS = 4_000;
    private static final int BATCH = 200;
    private static final int QUEUE = 2;

    @TempDir
    Path data;

    @Test
    void aSlowDownstreamHoldsTheSourceBack() throws Exception {
        try (FakeJetstreamServer jetstream = FakeJetstreamServer.replaying(SyntheticStream.postsWithOneLikeEach(POSTS))
                        .start();
                SqliteStateStore state = SqliteStateStore.open(data);
                SqliteSentimentCorrections corrections = SqliteSentimentCorrections.open(data, Clock.systemUTC());
                MentionArchive archive =
                        new SlowArchive(LuceneMentionArchive.open(data.resolve("archive")), Duration.ofMillis(100));
                MonitorTopicMatcher matcher = new MonitorTopicMatcher()) {
            IngestPipeline pipeline = Pipelines.over(
                    archive,
                    matcher,
                    state,
                    corrections,
                    new IngestPipeline.Settings(QUEUE, BATCH, Duration.ofMillis(100), Duration.ofMillis(50)));
            pipeline.start();
            JetstreamSource source = new JetstreamSource(
                    JetstreamConfig.defaults()
                            .withEndpoints(List.of(jetstream.uri()))
                            .withBatching(BATCH, Duration.ofMillis(20)),
                    state);
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    source.run(pipeline.sink());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long maxUnstored = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < deadline) {
                long received = source.status().events();
                long stored = pipeline.counters().snapshot().get("posts_stored") * 2; // each post comes with one like
                maxUnstored = Math.max(maxUnstored, received - stored);
                Thread.sleep(10);
            }
            long receivedAfter3s = source.status().events();
            source.stop();
            reader.join(Duration.ofSeconds(10));
            pipeline.close();
            // the archive takes >= 100 ms per batch of <= 200 events, so 3 s cannot have taken in the whole stream
            assertThat(receivedAfter3s).isLessThan(POSTS * 2L);
            // bounded: the queue's batches, the one being stored, the one being assembled, and the socket's request
            // window
            assertThat(maxUnstored).isLessThanOrEqualTo((long) (QUEUE + 3) * BATCH + 2L * BATCH);
        }
    }

    /** The real archive, made slow on writes, like a disk under load. */
    private record SlowArchive(MentionArchive delegate, Duration delay) implements MentionArchive {
        @Override
        public void upsert(Collection<Mention> mentions) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delegate.upsert(mentions);
        }

        @Override
        public void delete(Collection<PostKey> keys) {
            delegate.delete(keys);
        }

        @Override
        public long deleteByAuthor(Network network, String authorId) {
            return delegate.deleteByAuthor(network, authorId);
        }

        @Override
        public boolean updateEngagement(PostKey key, Engagement engagement) {
            return delegate.updateEngagement(key, engagement);
        }

        @Override
        public Optional<Mention> get(PostKey key) {
            return delegate.get(key);
        }

        @Override
        public Optional<Mention> newestBy(Network network, String authorId) {
            return delegate.newestBy(network, authorId);
        }

        @Override
        public boolean contains(PostKey key) {
            return delegate.contains(key);
        }

        @Override
        public MentionPage search(MentionSearch search) {
            return delegate.search(search);
        }

        @Override
        public void forEachSince(Instant since, Consumer<Mention> visitor) {
            delegate.forEachSince(since, visitor);
        }

        @Override
        public long purgeUnmatchedBefore(Instant cutoff) {
            return delegate.purgeUnmatchedBefore(cutoff);
        }

        @Override
        public void refresh() {
            delegate.refresh();
        }

        @Override
        public void commit() {
            delegate.commit();
        }

        @Override
        public long size() {
            return delegate.size();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
