package io.earshot.source.bluesky;

import static io.earshot.source.bluesky.SourceHarness.await;
import static io.earshot.source.bluesky.SourceHarness.deadEndpoint;
import static io.earshot.source.bluesky.SourceHarness.expectedEvents;
import static io.earshot.source.bluesky.SourceHarness.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.earshot.source.SourceBatch;
import io.earshot.source.SourceEvent;
import io.earshot.source.SourceState;
import io.earshot.testkit.jetstream.FakeJetstreamServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Unreachable endpoints, failover, stopping, backpressure, garbage, oversized messages, a failing sink. */
class JetstreamSourceFailureTest {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(JetstreamSource.class);
    private final SourceHarness.Cursors cursors = new SourceHarness.Cursors();
    private final SourceHarness.RecordingSink sink = new SourceHarness.RecordingSink(cursors);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() throws InterruptedException {
        SourceHarness.stopAll();
        logger.detachAppender(logs);
    }

    @Test
    void an_unreachable_endpoint_is_retried_with_a_clear_warning() throws Exception {
        URI dead = deadEndpoint();
        JetstreamSource source = SourceHarness.source(fastConfig(dead), cursors);
        SourceHarness.Running running = new SourceHarness.Running(source, sink);
        await("two failed attempts", () -> source.status().errors() >= 2);

        assertThat(source.status().state()).isEqualTo(SourceState.RETRYING);
        assertThat(source.status().lastError()).hasValue("cannot reach " + dead + ": connection refused");
        running.stopAndJoin();
        assertThat(source.status().state()).isEqualTo(SourceState.STOPPED);
        assertThat(warnings())
                .anySatisfy(message -> assertThat(message)
                        .matches("bluesky: cannot reach \\Q" + dead
                                + "\\E: connection refused; retrying in \\d+(ms|(\\.\\d)?s)"));
        assertThat(sink.batches).isEmpty();
    }

    @Test
    void fails_over_to_the_next_endpoint() throws Exception {
        List<String> lines = JetstreamMapperFixtureTest.lines(JetstreamMapperFixtureTest.GOLDEN);
        URI dead = deadEndpoint();
        try (FakeJetstreamServer server = FakeJetstreamServer.replaying(lines).start()) {
            JetstreamSource source = SourceHarness.source(fastConfig(dead, server.uri()), cursors);
            SourceHarness.Running running = new SourceHarness.Running(source, sink);
            List<SourceEvent> expected = expectedEvents(new JetstreamMapper(), lines);
            await("events from the second endpoint", () -> sink.events().size() >= expected.size());

            assertThat(source.status().state()).isEqualTo(SourceState.CONNECTED);
            assertThat(source.status().endpoint()).isEqualTo(server.uri().toString());
            assertThat(source.status().errors()).isEqualTo(1);
            assertThat(source.status().lastError())
                    .hasValueSatisfying(error -> assertThat(error).contains(dead.toString()));
            running.stopAndJoin();
            assertThat(sink.events()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void stop_returns_promptly_while_connected_while_backing_off_and_before_starting() throws Exception {
        try (FakeJetstreamServer server =
                FakeJetstreamServer.replaying(List.of()).start()) {
            JetstreamSource connected = SourceHarness.source(fastConfig(server.uri()), cursors);
            SourceHarness.Running running = new SourceHarness.Running(connected, sink);
            await("connected", () -> connected.status().state() == SourceState.CONNECTED);
            assertThat(running.stopAndJoin()).isLessThan(Duration.ofSeconds(1));
            assertThat(connected.status().state()).isEqualTo(SourceState.STOPPED);
        }

        JetstreamSource backingOff = SourceHarness.source(
                fastConfig(deadEndpoint()).withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(60)), cursors);
        SourceHarness.Running waiting = new SourceHarness.Running(backingOff, sink);
        await("retrying", () -> backingOff.status().state() == SourceState.RETRYING);
        assertThat(waiting.stopAndJoin()).isLessThan(Duration.ofSeconds(1));

        JetstreamSource neverStarted = SourceHarness.source(fastConfig(deadEndpoint()), cursors);
        neverStarted.stop();
        long started = System.nanoTime();
        neverStarted.run(sink);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(neverStarted.status().state()).isEqualTo(SourceState.STOPPED);
    }

    @Test
    void a_blocked_sink_stops_the_source_from_reading_more() throws Exception {
        List<String> lines = JetstreamMapperFixtureTest.lines(JetstreamMapperFixtureTest.PRODUCTION);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        SourceHarness.RecordingSink blocking = new SourceHarness.RecordingSink(cursors) {
            @Override
            public void accept(SourceBatch batch) throws InterruptedException {
                if (first.getAndSet(false)) {
                    blocked.countDown();
                    release.await();
                }
                super.accept(batch);
            }
        };
        try (FakeJetstreamServer server = FakeJetstreamServer.replaying(lines).start()) {
            JetstreamSource source =
                    SourceHarness.source(fastConfig(server.uri()).withBatching(10, Duration.ofMillis(50)), cursors);
            SourceHarness.Running running = new SourceHarness.Running(source, blocking);
            assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300); // the server has sent everything by now; only flow control holds it back

            assertThat(source.messagesReceived()).isLessThanOrEqualTo(10);

            release.countDown();
            int expected = expectedEvents(new JetstreamMapper(), lines).size();
            await("the rest once the sink takes again", () -> blocking.events().size() >= expected);
            running.stopAndJoin();
        }
    }

    @Test
    void garbage_binary_and_oversized_messages_are_counted_and_the_stream_goes_on() throws Exception {
        List<String> golden = JetstreamMapperFixtureTest.lines(JetstreamMapperFixtureTest.GOLDEN);
        String oversized = golden.getFirst().replace("\"kind\"", "\"pad\":\"" + "x".repeat(100_000) + "\",\"kind\"");
        List<String> lines = new ArrayList<>(golden.subList(0, 5));
        lines.add("not json");
        lines.add("{\"did\":\"did:plc:x\",\"time_us\":1,");
        lines.add(oversized);
        lines.addAll(golden.subList(5, 10));
        JetstreamMapper small = new JetstreamMapper(64 * 1024);

        for (boolean fragmented : new boolean[] {false, true}) {
            SourceHarness.Cursors freshCursors = new SourceHarness.Cursors();
            SourceHarness.RecordingSink freshSink = new SourceHarness.RecordingSink(freshCursors);
            // a binary frame after the 7th message: between the truncated line and the oversized one
            FakeJetstreamServer.Builder builder =
                    FakeJetstreamServer.replaying(lines).binaryFrameEvery(7);
            try (FakeJetstreamServer server = (fragmented ? builder.fragmentInto(4096) : builder).start()) {
                JetstreamSource source = SourceHarness.source(fastConfig(server.uri()), freshCursors, small);
                SourceHarness.Running running = new SourceHarness.Running(source, freshSink);
                List<SourceEvent> expected = expectedEvents(small, golden);
                await("the good events", () -> freshSink.events().size() >= expected.size());
                await("four errors counted", () -> source.status().errors() >= 4);
                running.stopAndJoin();

                assertThat(freshSink.events()).containsExactlyElementsOf(expected);
                assertThat(source.status().errors()).isEqualTo(4);
                assertThat(source.status().lastError())
                        .hasValueSatisfying(error -> assertThat(error).contains("over the limit"));
                assertThat(server.subscriptions()).as("no reconnect needed").hasSize(1);
            }
        }
        assertThat(warnings()).anySatisfy(message -> assertThat(message).contains("rejected message: invalid JSON"));
    }

    @Test
    void a_connection_that_goes_silent_is_replaced() throws Exception {
        try (SilentWebSocketServer silent = new SilentWebSocketServer()) {
            JetstreamSource source = SourceHarness.source(fastConfig(silent.uri()), cursors);
            SourceHarness.Running running = new SourceHarness.Running(source, sink);
            await("a second connection", () -> silent.connections() >= 2);
            running.stopAndJoin();

            assertThat(source.status().lastError())
                    .hasValueSatisfying(error -> assertThat(error)
                            .startsWith("connection to " + silent.uri()
                                    + " went silent: no answer to a ping within 300ms"));
        }
    }

    @Test
    void a_quiet_connection_that_answers_pings_is_kept() throws Exception {
        try (FakeJetstreamServer server =
                FakeJetstreamServer.replaying(List.of()).start()) {
            JetstreamSource source = SourceHarness.source(fastConfig(server.uri()), cursors);
            SourceHarness.Running running = new SourceHarness.Running(source, sink);
            await("connected", () -> source.status().state() == SourceState.CONNECTED);
            Thread.sleep(3 * 500); // three times the liveness limit, with pings answered

            assertThat(source.status().state()).isEqualTo(SourceState.CONNECTED);
            assertThat(server.subscriptions()).hasSize(1);
            running.stopAndJoin();
        }
    }

    @Test
    void an_interrupt_ends_run_with_interrupted_exception() throws Exception {
        try (FakeJetstreamServer server =
                FakeJetstreamServer.replaying(List.of()).start()) {
            JetstreamSource source = SourceHarness.source(fastConfig(server.uri()), cursors);
            SourceHarness.Running running = new SourceHarness.Running(source, sink);
            await("connected", () -> source.status().state() == SourceState.CONNECTED);
            running.thread.interrupt();
            running.thread.join(SourceHarness.WAIT);
            assertThat(running.thread.isAlive()).isFalse();
            assertThat(running.failure.get()).isInstanceOf(InterruptedException.class);
            assertThat(source.status().state()).isEqualTo(SourceState.STOPPED);
        }
    }

    @Test
    void a_failing_sink_fails_the_source_with_its_error() throws Exception {
        List<String> lines = JetstreamMapperFixtureTest.lines(JetstreamMapperFixtureTest.GOLDEN);
        try (FakeJetstreamServer server = FakeJetstreamServer.replaying(lines).start()) {
            JetstreamSource source = SourceHarness.source(fastConfig(server.uri()), cursors);
            SourceHarness.Running running = new SourceHarness.Running(source, batch -> {
                throw new IllegalStateException("disk full");
            });
            running.thread.join(SourceHarness.WAIT);
            assertThat(running.failure.get()).hasMessage("disk full");
            assertThat(source.status().state()).isEqualTo(SourceState.FAILED);
            assertThat(source.status().lastError())
                    .hasValueSatisfying(e -> assertThat(e).contains("disk full"));
        }
    }

    private List<String> warnings() {
        return logs.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
