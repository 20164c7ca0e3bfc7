package io.earshot.source.feed;

import static io.earshot.source.feed.FeedHarness.await;
import static io.earshot.source.feed.FeedHarness.fast;
import static io.earshot.testkit.feed.FeedBodies.item;
import static io.earshot.testkit.feed.FeedBodies.rss;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.earshot.source.SourceState;
import io.earshot.testkit.feed.FakeFeedServer;
import io.earshot.testkit.feed.FeedBodies;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Errors back off and are reported per feed; one broken feed never stops the others; stop is prompt. */
class FeedSourceFailureTest {

    private static final Duration OFTEN = Duration.ofMillis(40);

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(FeedSource.class);
    private final FeedHarness.Cursors cursors = new FeedHarness.Cursors();
    private final FeedHarness.RecordingSink sink = new FeedHarness.RecordingSink(cursors);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() throws InterruptedException {
        FeedHarness.stopAll();
        logger.detachAppender(logs);
    }

    @Test
    void broken_feeds_are_reported_each_on_its_own_and_never_stop_the_good_one() throws Exception {
        try (FakeFeedServer server = FakeFeedServer.start()) {
            server.serve("/good.xml", rss("Good", item("1", "Still here")));
            server.serve("/html.xml", FeedBodies.htmlErrorPage().getBytes(StandardCharsets.UTF_8), "text/html");
            server.serve("/bomb.xml", FeedBodies.billionLaughs());
            server.serve("/cut.xml", rss("Cut", item("1", "x")).substring(0, 120));
            URI dead = FeedHarness.deadUrl("/feed.xml");
            List<URI> feeds = List.of(
                    server.url("/missing.xml"),
                    server.url("/html.xml"),
                    server.url("/bomb.xml"),
                    server.url("/cut.xml"),
                    dead,
                    server.url("/good.xml"));
            FeedSource source = new FeedSource(fast(feeds, OFTEN), cursors);
            FeedHarness.Running running = new FeedHarness.Running(source, sink);

            assertThat(server.awaitRequests("/good.xml", 3, FeedHarness.WAIT)).isTrue();
            await(
                    "every broken feed failing twice",
                    () -> source.feeds().stream()
                                    .filter(feed -> feed.errors() >= 2)
                                    .count()
                            == 5);
            assertThat(source.status().state()).isEqualTo(SourceState.CONNECTED);
            running.stopAndJoin();

            assertThat(sink.created()).containsExactly("Still here");
            List<FeedStatus> statuses = source.feeds();
            assertThat(statuses)
                    .extracting(FeedStatus::state)
                    .containsExactly(
                            SourceState.RETRYING,
                            SourceState.RETRYING,
                            SourceState.RETRYING,
                            SourceState.RETRYING,
                            SourceState.RETRYING,
                            SourceState.CONNECTED);
            assertThat(statuses)
                    .extracting(status -> status.lastError().orElse(""))
                    .containsExactly(
                            "HTTP 404",
                            "not a feed: got an HTML page",
                            "XML DOCTYPE declarations with entities are not allowed (possible XML bomb)",
                            statuses.get(3).lastError().orElseThrow(),
                            "connection refused",
                            "");
            assertThat(statuses.get(3).lastError())
                    .hasValueSatisfying(error -> assertThat(error).startsWith("broken XML at line"));
            long errors = statuses.stream().mapToLong(FeedStatus::errors).sum();
            assertThat(source.status().errors()).isEqualTo(errors);
            assertThat(source.status().lastError()).isPresent();
            assertThat(logs.list)
                    .anySatisfy(event -> assertThat(event.getFormattedMessage())
                            .startsWith("feeds-test: " + server.url("/html.xml")
                                    + ": not a feed: got an HTML page; retrying in "));
        }
    }

    @Test
    void failures_back_off_and_a_recovered_feed_goes_back_to_its_interval() throws Exception {
        try (FakeFeedServer server = FakeFeedServer.start()) {
            server.serve("/flaky.xml", rss("Flaky", item("1", "Finally")));
            server.fail("/flaky.xml", 500, 4);
            FeedConfig config = fast(List.of(server.url("/flaky.xml")), Duration.ofHours(1))
                    .withBackoff(Duration.ofMillis(40), Duration.ofSeconds(10));
            FeedSource source = new FeedSource(config, cursors);
            long started = System.nanoTime();
            FeedHarness.Running running = new FeedHarness.Running(source, sink);
            await("the feed after four failures", () -> sink.created().size() == 1);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(source.status().state()).isEqualTo(SourceState.CONNECTED);
            Thread.sleep(100);
            running.stopAndJoin();

            // waits of at least 20, 40, 80 and 160 ms (each in [ceiling/2, ceiling]) before the fifth request
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(server.requests("/flaky.xml")).hasSize(5);
            assertThat(source.status().errors()).isEqualTo(4);
            assertThat(source.feeds().getFirst().lastError()).hasValue("HTTP 500");
            assertThat(logs.list)
                    .anySatisfy(event ->
                            assertThat(event.getFormattedMessage()).contains("is back after 4 failed fetch(es)"));
        }
    }

    @Test
    void a_busy_server_is_left_alone_for_as_long_as_it_asks() throws Exception {
        try (FakeFeedServer server = FakeFeedServer.start()) {
            server.serve("/busy.xml", rss("Busy", item("1", "Later")));
            server.fail("/busy.xml", 503, 1, Optional.of(Duration.ofSeconds(1)));
            FeedSource source = new FeedSource(fast(List.of(server.url("/busy.xml")), OFTEN), cursors);
            long started = System.nanoTime();
            FeedHarness.Running running = new FeedHarness.Running(source, sink);
            await("the feed after the wait", () -> sink.created().size() == 1);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            running.stopAndJoin();

            assertThat(took)
                    .as("Retry-After: 1, while the backoff is 20 ms")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
            assertThat(source.feeds().getFirst().lastError()).hasValue("HTTP 503");
            assertThat(logs.list)
                    .anySatisfy(event -> assertThat(event.getFormattedMessage()).endsWith("HTTP 503; retrying in 1 s"));
        }
    }

    @Test
    void an_endless_or_oversized_body_is_cut_off_at_the_limit() throws Exception {
        try (FakeFeedServer server = FakeFeedServer.start()) {
            server.endless("/endless.xml");
            server.serve("/big.xml", rss("Big", item("1", "x".repeat(300_000))));
            FeedConfig config = fast(List.of(server.url("/endless.xml"), server.url("/big.xml")), OFTEN)
                    .withMaxBodyBytes(256 << 10);
            FeedSource source = new FeedSource(config, cursors);
            FeedHarness.Running running = new FeedHarness.Running(source, sink);
            await("both feeds refused", () -> source.feeds().stream().allMatch(feed -> feed.errors() >= 1));
            running.stopAndJoin();

            assertThat(source.feeds())
                    .allSatisfy(feed -> assertThat(feed.lastError()).hasValue("too large: over 256 KiB"));
            assertThat(sink.events()).isEmpty();
        }
    }

    @Test
    void a_feed_that_answers_too_slowly_times_out() throws Exception {
        try (FakeFeedServer server = FakeFeedServer.start()) {
            server.serve("/slow.xml", rss("Slow", item("1", "x")));
            server.slow("/slow.xml", Duration.ofSeconds(3));
            FeedConfig config =
                    fast(List.of(server.url("/slow.xml")), OFTEN).withRequestTimeout(Duration.ofMillis(200));
            FeedSource source = new FeedSource(config, cursors);
            FeedHarness.Running running = new FeedHarness.Running(source, sink);
            await("a timeout", () -> source.status().errors() >= 1);
            running.stopAndJoin();

            assertThat(source.feeds().getFirst().lastError()).hasValue("timed out after 200 ms");
            assertThat(sink.events()).isEmpty();
        }
    }

    @Test
    void stop_interrupts_a_fetch_in_progress() throws Exception {
        try (FakeFeedServer server = FakeFeedServer.start()) {
            server.serve("/slow.xml", rss("Slow", item("1", "x")));
            server.slow("/slow.xml", Duration.ofSeconds(3));
            FeedConfig config =
                    fast(List.of(server.url("/slow.xml")), OFTEN).withRequestTimeout(Duration.ofSeconds(10));
            FeedHarness.Running running = new FeedHarness.Running(new FeedSource(config, cursors), sink);
            await("the fetch to start", () -> running.source.feeds().getFirst().fetches() == 1);
            Thread.sleep(50);

            assertThat(running.stopAndJoin()).isLessThan(Duration.ofSeconds(1));
            assertThat(running.source.status().errors()).isZero();
        }
    }

    @Test
    void a_stored_cursor_that_is_not_ours_is_ignored_with_a_warning() throws Exception {
        try (FakeFeedServer server = FakeFeedServer.start()) {
            server.serve("/news.xml", rss("News", item("1", "First")));
            cursors.commit("feeds-test", "1725000000000000");
            FeedHarness.Running running = new FeedHarness.Running(
                    new FeedSource(fast(List.of(server.url("/news.xml")), Duration.ofHours(1)), cursors), sink);
            await("the feed", () -> sink.created().size() == 1);
            running.stopAndJoin();

            assertThat(server.requests("/news.xml").getFirst().ifNoneMatch()).isEmpty();
            assertThat(logs.list)
                    .anySatisfy(event ->
                            assertThat(event.getFormattedMessage()).contains("stored cursor is not a feed cursor"));
        }
    }
}
