package io.earshot.source.feed;

import static io.earshot.source.feed.FeedHarness.await;
import static io.earshot.source.feed.FeedHarness.fast;
import static io.earshot.testkit.feed.FeedBodies.item;
import static io.earshot.testkit.feed.FeedBodies.rss;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Network;
import io.earshot.source.SourceBatch;
import io.earshot.source.SourceEvent;
import io.earshot.source.SourceState;
import io.earshot.source.SourceStatus;
import io.earshot.testkit.feed.FakeFeedServer;
import io.earshot.testkit.feed.FakeFeedServer.FeedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Polling against a loopback feed server: entries, conditional GET, edits, the cursor across restarts. */
class FeedSourceTest {

    private static final Duration OFTEN = Duration.ofMillis(40);

    private final FeedHarness.Cursors cursors = new FeedHarness.Cursors();
    private final FeedHarness.RecordingSink sink = new FeedHarness.RecordingSink(cursors);

    @AfterEach
    void stopSources() throws InterruptedException {
        FeedHarness.stopAll();
    }

    @Test
    void the_first_poll_gets_the_entries_and_the_next_ones_send_validators_and_get_304() throws Exception {
        try (FakeFeedServer server = FakeFeedServer.start()) {
            server.serve("/news.xml", rss("News", item("1", "First"), item("2", "Second")));
            FeedSource source = new FeedSource(fast(List.of(server.url("/news.xml")), OFTEN), cursors);
            FeedHarness.Running running = new FeedHarness.Running(source, sink);

            await("two 304s", () -> source.feeds().getFirst().notModified() >= 2);
            running.stopAndJoin();

            List<FeedRequest> requests = server.requests("/news.xml");
            assertThat(requests.getFirst().ifNoneMatch()).isEmpty();
            assertThat(requests.getFirst().ifModifiedSince()).isEmpty();
            assertThat(requests.getFirst().status()).isEqualTo(200);
            assertThat(requests.getFirst().userAgent()).startsWith("Earshot");
            for (FeedRequest later : requests.subList(1, requests.size())) {
                assertThat(later.ifNoneMatch()).isPresent();
                assertThat(later.ifModifiedSince()).isPresent();
                assertThat(later.status()).isEqualTo(304);
            }
            assertThat(sink.created()).containsExactly("First", "Second");
            assertThat(sink.batches).hasSize(1);
            SourceEvent.PostCreated first =
                    (SourceEvent.PostCreated) sink.events().getFirst();
            assertThat(first.post().key().network()).isEqualTo(Network.FEED);
            assertThat(first.post().url()).hasValue("https://example.com/1");
            assertThat(first.post().text()).isEqualTo("First in detail");
            assertThat(first.post().langs()).containsExactly("en-US");
            assertThat(first.post().author().handle()).hasValue("News");

            SourceStatus status = source.status();
            assertThat(status.state()).isEqualTo(SourceState.STOPPED);
            assertThat(status.type()).isEqualTo("feed");
            assertThat(status.endpoint()).isEqualTo(server.url("/news.xml").toString());
            assertThat(status.events()).isEqualTo(2);
            assertThat(status.errors()).isZero();
            FeedStatus feed = source.feeds().getFirst();
            assertThat(status.skipped()).containsEntry(FeedBoard.NOT_MODIFIED, feed.notModified());
            assertThat(status.lastEventAt()).isPresent();
            assertThat(status.cursor())
                    .hasValueSatisfying(cursor -> assertThat(cursor)
                            .contains(server.url("/news.xml").toString())
                            .contains("etag"));
            assertThat(feed.title()).hasValue("News");
            assertThat(feed.fetches()).isGreaterThanOrEqualTo(feed.notModified() + 1);
            assertThat(feed.entries()).isEqualTo(2);
            assertThat(feed.lastSuccessAt()).isPresent();
            assertThat(feed.nextFetchAt()).isPresent();
        }
    }

    @Test
    void a_new_version_delivers_only_its_new_and_changed_entries() throws Exception {
        try (FakeFeedServer server = FakeFeedServer.start()) {
            server.serve("/news.xml", rss("News", item("1", "First"), item("2", "Second")));
            FeedSource source = new FeedSource(fast(List.of(server.url("/news.xml")), OFTEN), cursors);
            FeedHarness.Running running = new FeedHarness.Running(source, sink);
            await("the first version", () -> sink.created().size() == 2);

            server.serve(
                    "/news.xml", rss("News", item("3", "Third"), item("2", "Second, corrected"), item("1", "First")));
            await("the second version", () -> sink.created().size() == 3);
            running.stopAndJoin();

            assertThat(sink.created()).containsExactly("First", "Second", "Third");
            assertThat(sink.edited()).containsExactly("Second, corrected");
            assertThat(source.status().skipped()).containsEntry(FeedBoard.UNCHANGED, 1L);
            SourceEvent.PostEdited edited = sink.events().stream()
                    .filter(SourceEvent.PostEdited.class::isInstance)
                    .map(SourceEvent.PostEdited.class::cast)
                    .findFirst()
                    .orElseThrow();
            SourceEvent.PostCreated original =
                    (SourceEvent.PostCreated) sink.events().get(1);
            assertThat(edited.post().key()).isEqualTo(original.post().key());
            assertThat(edited.post().createdAt())
                    .as("an undated entry keeps the date it was first seen with")
                    .isEqualTo(original.post().createdAt());
        }
    }

    @Test
    void a_feed_without_validators_is_fetched_in_full_but_gives_nothing_twice() throws Exception {
        try (FakeFeedServer server = FakeFeedServer.start()) {
            server.serve("/plain.xml", rss("Plain", item("1", "Only")));
            server.validation("/plain.xml", FakeFeedServer.Validation.NONE);
            FeedSource source = new FeedSource(fast(List.of(server.url("/plain.xml")), OFTEN), cursors);
            FeedHarness.Running running = new FeedHarness.Running(source, sink);

            assertThat(server.awaitRequests("/plain.xml", 3, FeedHarness.WAIT)).isTrue();
            running.stopAndJoin();

            assertThat(server.requests("/plain.xml")).allSatisfy(request -> {
                assertThat(request.status()).isEqualTo(200);
                assertThat(request.ifNoneMatch()).isEmpty();
            });
            assertThat(sink.created()).containsExactly("Only");
            assertThat(sink.batches)
                    .as("no empty batches for versions that changed nothing")
                    .hasSize(1);
            assertThat(sink.batches.getFirst().cursor()).hasValue("{\"feeds\":{}}");
        }
    }

    @Test
    void last_modified_alone_is_enough_for_a_304() throws Exception {
        try (FakeFeedServer server = FakeFeedServer.start()) {
            server.serve("/dated.xml", rss("Dated", item("1", "Only")));
            server.validation("/dated.xml", FakeFeedServer.Validation.LAST_MODIFIED_ONLY);
            FeedSource source = new FeedSource(fast(List.of(server.url("/dated.xml")), OFTEN), cursors);
            FeedHarness.Running running = new FeedHarness.Running(source, sink);

            assertThat(server.awaitRequests("/dated.xml", 2, FeedHarness.WAIT)).isTrue();
            running.stopAndJoin();

            FeedRequest second = server.requests("/dated.xml").get(1);
            assertThat(second.ifNoneMatch()).isEmpty();
            assertThat(second.ifModifiedSince()).isPresent();
            assertThat(second.status()).isEqualTo(304);
        }
    }

    @Test
    void after_a_restart_the_committed_validators_make_the_first_fetch_a_304() throws Exception {
        try (FakeFeedServer server = FakeFeedServer.start()) {
            server.serve("/news.xml", rss("News", item("1", "First")));
            FeedConfig config = fast(List.of(server.url("/news.xml")), Duration.ofHours(1));
            FeedHarness.Running first = new FeedHarness.Running(new FeedSource(config, cursors), sink);
            await("the first run's entries", () -> sink.created().size() == 1);
            first.stopAndJoin();

            FeedHarness.Running second = new FeedHarness.Running(new FeedSource(config, cursors), sink);
            assertThat(server.awaitRequests("/news.xml", 2, FeedHarness.WAIT)).isTrue();
            second.stopAndJoin();

            FeedRequest resumed = server.requests("/news.xml").get(1);
            assertThat(resumed.ifNoneMatch()).isPresent();
            assertThat(resumed.status()).isEqualTo(304);
            assertThat(sink.created()).containsExactly("First");
        }
    }

    @Test
    void the_cursor_covers_every_feed_delivered_so_far() throws Exception {
        try (FakeFeedServer server = FakeFeedServer.start()) {
            server.serve("/a.xml", rss("A", item("a1", "A one")));
            server.serve("/b.xml", rss("B", item("b1", "B one")));
            FeedSource source = new FeedSource(
                    fast(List.of(server.url("/a.xml"), server.url("/b.xml")), Duration.ofHours(1)), cursors);
            FeedHarness.Running running = new FeedHarness.Running(source, sink);
            await("both feeds", () -> sink.batches.size() == 2);
            running.stopAndJoin();

            SourceBatch last = sink.batches.getLast();
            assertThat(last.sourceId()).isEqualTo("feeds-test");
            assertThat(last.cursor())
                    .hasValueSatisfying(cursor -> assertThat(cursor)
                            .contains(server.url("/a.xml").toString())
                            .contains(server.url("/b.xml").toString()));
            assertThat(cursors.get("feeds-test")).isEqualTo(last.cursor());
            assertThat(source.status().endpoint()).isEqualTo("2 feeds");
        }
    }

    @Test
    void each_feed_keeps_its_own_interval() throws Exception {
        try (FakeFeedServer server = FakeFeedServer.start()) {
            server.serve("/often.xml", rss("Often", item("1", "x")));
            server.serve("/rarely.xml", rss("Rarely", item("1", "y")));
            FeedConfig config = fast(List.of(server.url("/often.xml"), server.url("/rarely.xml")), Duration.ofHours(1));
            config = config.withFeeds(List.of(
                    config.feeds().get(0).withInterval(Duration.ofMillis(20)),
                    config.feeds().get(1)));
            FeedHarness.Running running = new FeedHarness.Running(new FeedSource(config, cursors), sink);

            assertThat(server.awaitRequests("/often.xml", 5, FeedHarness.WAIT)).isTrue();
            running.stopAndJoin();
            assertThat(server.requests("/rarely.xml")).hasSize(1);
        }
    }

    @Test
    void stop_returns_promptly_while_waiting_for_the_next_poll() throws Exception {
        try (FakeFeedServer server = FakeFeedServer.start()) {
            server.serve("/news.xml", rss("News", item("1", "First")));
            FeedHarness.Running running = new FeedHarness.Running(
                    new FeedSource(fast(List.of(server.url("/news.xml")), Duration.ofHours(1)), cursors), sink);
            await("the first poll", () -> sink.created().size() == 1);

            assertThat(running.stopAndJoin()).isLessThan(Duration.ofSeconds(1));
            assertThat(running.source.status().state()).isEqualTo(SourceState.STOPPED);
        }
    }
}
