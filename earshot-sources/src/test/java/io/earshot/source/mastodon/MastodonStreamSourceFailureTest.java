package io.earshot.source.mastodon;

import static io.earshot.source.mastodon.MastodonHarness.await;
import static io.earshot.source.mastodon.MastodonHarness.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.earshot.source.SourceBatch;
import io.earshot.source.SourceEvent;
import io.earshot.source.SourceState;
import io.earshot.testkit.mastodon.FakeMastodonServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Token problems, rate limits, server errors, garbage, silence, stopping, backpressure. */
class MastodonStreamSourceFailureTest {

    private static final MastodonStream EARSHOT = new MastodonStream.Hashtag("earshot");

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(MastodonStreamSource.class);
    private final MastodonHarness.Cursors cursors = new MastodonHarness.Cursors();
    private final MastodonHarness.RecordingSink sink = new MastodonHarness.RecordingSink(cursors);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() throws InterruptedException {
        MastodonHarness.stopAll();
        logger.detachAppender(logs);
    }

    @Test
    void a_rejected_token_fails_the_source_with_what_to_do_and_stops_trying() throws Exception {
        try (FakeMastodonServer server =
                FakeMastodonServer.builder().token("right").start()) {
            MastodonConfig config = fastConfig(server, EARSHOT).withToken(Optional.of("wrong"));
            MastodonStreamSource source = MastodonHarness.source(config, cursors);
            MastodonHarness.Running running = new MastodonHarness.Running(source, sink);
            running.thread.join(MastodonHarness.WAIT);

            assertThat(running.thread.isAlive()).as("run() returned by itself").isFalse();
            assertThat(running.failure.get()).isNull();
            assertThat(source.status().state()).isEqualTo(SourceState.FAILED);
            assertThat(source.status().lastError())
                    .hasValue(server.uri() + " (/api/v1/streaming/hashtag) refused the access token (HTTP 401: The"
                            + " access token is invalid): it is invalid, expired or revoked; create a new one"
                            + " (Preferences > Development > New application, scope read:statuses) and set it for"
                            + " source 'mastodon-test'");
            assertThat(server.requests()).hasSize(1);
            assertThat(logs.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                assertThat(event.getFormattedMessage()).contains("HTTP 401").doesNotContain("wrong");
            });
        }
    }

    @Test
    void a_missing_token_and_a_forbidden_scope_say_so() throws Exception {
        try (FakeMastodonServer server = FakeMastodonServer.builder().start()) {
            MastodonStreamSource anonymous =
                    MastodonHarness.source(fastConfig(server, EARSHOT).withToken(Optional.empty()), cursors);
            new MastodonHarness.Running(anonymous, sink).thread.join(MastodonHarness.WAIT);
            assertThat(anonymous.status().state()).isEqualTo(SourceState.FAILED);
            assertThat(anonymous.status().lastError())
                    .hasValueSatisfying(error -> assertThat(error).contains("needs an access token (HTTP 401"));

            server.respondNext(403, 1);
            MastodonStreamSource forbidden = MastodonHarness.source(fastConfig(server, EARSHOT), cursors);
            new MastodonHarness.Running(forbidden, sink).thread.join(MastodonHarness.WAIT);
            assertThat(forbidden.status().state()).isEqualTo(SourceState.FAILED);
            assertThat(forbidden.status().lastError())
                    .hasValueSatisfying(error -> assertThat(error)
                            .contains("refused access (HTTP 403: injected failure): the token needs the scope"
                                    + " read:statuses"));
        }
    }

    @Test
    void a_rate_limit_is_waited_out_as_the_instance_asks() throws Exception {
        try (FakeMastodonServer server = FakeMastodonServer.builder().start()) {
            server.respondNext(429, 1);
            MastodonStreamSource source = MastodonHarness.source(fastConfig(server, EARSHOT), cursors);
            long started = System.nanoTime();
            MastodonHarness.Running running = new MastodonHarness.Running(source, sink);
            assertThat(server.awaitOpenStreams(1, MastodonHarness.WAIT)).isTrue();
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            running.stopAndJoin();

            assertThat(waited)
                    .as("Retry-After: 1, while the backoff is 10 ms")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
            assertThat(source.status().lastError())
                    .hasValueSatisfying(error -> assertThat(error).contains("is rate-limiting us (HTTP 429"));
            assertThat(logs.list)
                    .anySatisfy(event -> assertThat(event.getFormattedMessage()).endsWith("retrying in 1s"));
        }
    }

    @Test
    void server_errors_and_a_failing_back_fill_are_retried_until_they_pass() throws Exception {
        try (FakeMastodonServer server = FakeMastodonServer.builder()
                .timeline(TestStatuses.numbered(1, 3, "earshot"))
                .start()) {
            server.refuseStreams(502);
            MastodonStreamSource source = MastodonHarness.source(fastConfig(server, EARSHOT), cursors);
            MastodonHarness.Running running = new MastodonHarness.Running(source, sink);
            await("three refusals", () -> source.status().errors() >= 3);
            assertThat(source.status().state()).isEqualTo(SourceState.RETRYING);
            assertThat(source.status().lastError())
                    .hasValue(server.uri() + " (/api/v1/streaming/hashtag) answered HTTP 502: injected failure");

            server.acceptStreams();
            server.failTimelines(500, 2); // the stream opens, its back-fill fails, twice
            await("the back-fill", () -> sink.postIds().size() >= 3);
            running.stopAndJoin();
            assertThat(sink.postIds()).hasSize(3);
            assertThat(logs.list)
                    .anySatisfy(event -> assertThat(event.getFormattedMessage())
                            .contains("(/api/v1/timelines/tag/earshot) answered HTTP 500"));
        }
    }

    @Test
    void garbage_events_are_counted_and_the_stream_goes_on() throws Exception {
        try (FakeMastodonServer server = FakeMastodonServer.builder().start()) {
            MastodonConfig config = fastConfig(server, EARSHOT).withBackfill(Duration.ZERO, 0);
            MastodonStreamSource source =
                    new MastodonStreamSource(config, cursors, new MastodonStatusMapper(server.uri(), 4096));
            MastodonHarness.Running running = new MastodonHarness.Running(source, sink);
            assertThat(server.awaitOpenStreams(1, MastodonHarness.WAIT)).isTrue();

            List<String> good = TestStatuses.numbered(1, 2, "earshot");
            server.publish(good.get(0));
            server.sendEvent("update", "{not json");
            server.sendEvent("update", "{\"id\":\"5\"}");
            server.sendEvent("delete", "not an/id");
            server.sendEvent("update", "x".repeat(10_000)); // over the 4 KiB limit: dropped while it arrives
            server.sendEvent("filters_changed", "");
            server.sendRaw("this line is no SSE field\n: a comment\n\n");
            server.sendRaw("event: update\ndata: {\"half\": \n"); // an event the next one's blank line ends
            server.sendRaw("\n");
            server.publish(good.get(1));
            await("the second good status", () -> sink.postIds().size() >= 2);
            await("five errors", () -> source.status().errors() >= 5);
            running.stopAndJoin();

            String host = server.uri().getAuthority();
            assertThat(sink.postIds()).containsExactly(host + ":1000001", host + ":1000002");
            assertThat(source.status().errors()).isEqualTo(5);
            assertThat(source.status().skipped()).containsEntry("event:filters_changed", 1L);
            assertThat(server.streamsOpened()).as("no reconnect needed").isEqualTo(1);
            assertThat(logs.list)
                    .anySatisfy(
                            event -> assertThat(event.getFormattedMessage()).contains("rejected event: invalid JSON"));
        }
    }

    @Test
    void stop_returns_promptly_while_connected_while_backing_off_and_before_starting() throws Exception {
        try (FakeMastodonServer server =
                FakeMastodonServer.builder().heartbeat(Duration.ofMillis(20)).start()) {
            MastodonStreamSource connected = MastodonHarness.source(fastConfig(server, EARSHOT), cursors);
            MastodonHarness.Running running = new MastodonHarness.Running(connected, sink);
            await("connected", () -> connected.status().state() == SourceState.CONNECTED);
            assertThat(running.stopAndJoin()).isLessThan(Duration.ofMillis(500));
            assertThat(connected.status().state()).isEqualTo(SourceState.STOPPED);
            await("the server saw the stream close", () -> server.openStreams() == 0);
        }

        MastodonConfig unreachable = MastodonConfig.of(MastodonHarness.deadInstance(), EARSHOT, Optional.of("t"))
                .withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(60));
        MastodonStreamSource backingOff = MastodonHarness.source(unreachable, cursors);
        MastodonHarness.Running waiting = new MastodonHarness.Running(backingOff, sink);
        await("retrying", () -> backingOff.status().state() == SourceState.RETRYING);
        assertThat(backingOff.status().lastError())
                .hasValueSatisfying(error -> assertThat(error).startsWith("cannot reach " + unreachable.instance()));
        assertThat(waiting.stopAndJoin()).isLessThan(Duration.ofMillis(500));

        MastodonStreamSource neverStarted = MastodonHarness.source(unreachable, cursors);
        neverStarted.stop();
        long started = System.nanoTime();
        neverStarted.run(sink);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        assertThat(neverStarted.status().state()).isEqualTo(SourceState.STOPPED);
    }

    @Test
    void a_blocked_sink_stops_the_source_from_reading_more() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        MastodonHarness.RecordingSink blocking = new MastodonHarness.RecordingSink(cursors) {
            @Override
            public void accept(SourceBatch batch) throws InterruptedException {
                if (first.getAndSet(false)) {
                    blocked.countDown();
                    release.await();
                }
                super.accept(batch);
            }
        };
        try (FakeMastodonServer server = FakeMastodonServer.builder().start()) {
            MastodonConfig config =
                    fastConfig(server, EARSHOT).withBackfill(Duration.ZERO, 0).withBatching(4, Duration.ofMillis(5));
            MastodonStreamSource source = MastodonHarness.source(config, cursors);
            MastodonHarness.Running running = new MastodonHarness.Running(source, blocking);
            assertThat(server.awaitOpenStreams(1, MastodonHarness.WAIT)).isTrue();
            List<String> statuses = TestStatuses.numbered(1, 200, "earshot");
            statuses.forEach(server::publish);
            assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(600); // longer than the liveness limit: a blocked sink is not a silent server

            assertThat(source.status().events())
                    .as("mapped while the sink is blocked")
                    .isLessThanOrEqualTo(4 + 6);
            release.countDown();
            await("the rest once the sink takes again", () -> blocking.postIds().size() >= 200);
            running.stopAndJoin();
            assertThat(server.streamsOpened()).isEqualTo(1);
            assertThat(blocking.events())
                    .filteredOn(e -> e instanceof SourceEvent.PostCreated)
                    .hasSize(200);
        }
    }
}
