package io.earshot.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.archive.MentionArchive;
import io.earshot.domain.Mention;
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
import java.util.Collection;
import java.util.List;
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
    private static final class SlowArchive extends ForwardingArchive {
        private final Duration delay;

        SlowArchive(MentionArchive delegate, Duration delay) {
            super(delegate);
            this.delay = delay;
        }

        @Override
        public void upsert(Collection<Mention> mentions) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.upsert(mentions);
        }
    }
}
