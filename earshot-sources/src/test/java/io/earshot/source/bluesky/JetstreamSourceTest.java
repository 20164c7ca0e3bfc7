package io.earshot.source.bluesky;

import static io.earshot.source.bluesky.SourceHarness.await;
import static io.earshot.source.bluesky.SourceHarness.expectedEvents;
import static io.earshot.source.bluesky.SourceHarness.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.source.Mapping;
import io.earshot.source.SourceBatch;
import io.earshot.source.SourceEvent;
import io.earshot.source.SourceState;
import io.earshot.source.SourceStatus;
import io.earshot.testkit.jetstream.FakeJetstreamServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streaming from a real WebSocket server on loopback: order, batching, resuming, subscribe parameters. */
class JetstreamSourceTest {

    private final JetstreamMapper mapper = new JetstreamMapper();

    @AfterEach
    void stopSources() throws InterruptedException {
        SourceHarness.stopAll();
    }

    @Test
    void delivers_every_fixture_event_in_order_with_the_highest_time_as_cursor() throws Exception {
        List<String> lines = JetstreamMapperFixtureTest.lines(JetstreamMapperFixtureTest.PRODUCTION);
        List<SourceEvent> expected = expectedEvents(mapper, lines);
        SourceHarness.Cursors cursors = new SourceHarness.Cursors();
        SourceHarness.RecordingSink sink = new SourceHarness.RecordingSink(cursors);

        try (FakeJetstreamServer server = FakeJetstreamServer.replaying(lines).start()) {
            JetstreamSource source = SourceHarness.source(fastConfig(server.uri()), cursors);
            SourceHarness.Running running = new SourceHarness.Running(source, sink);
            await("all events", () -> sink.events().size() >= expected.size());
            SourceState whileRunning = source.status().state();
            running.stopAndJoin();
            SourceStatus status = source.status(); // after run() returned: every delivery is counted

            assertThat(sink.events()).containsExactlyElementsOf(expected);
            assertThat(sink.batches).allSatisfy(batch -> {
                assertThat(batch.sourceId()).isEqualTo("bluesky");
                assertThat(batch.cursor()).isPresent();
            });
            long highest =
                    lines.stream().mapToLong(JetstreamSourceTest::timeUs).max().orElseThrow();
            // time_us is only roughly ordered on the wire, so a batch's cursor is the highest in that batch
            assertThat(sink.batches.stream()
                            .mapToLong(batch -> Long.parseLong(batch.cursor().orElseThrow()))
                            .max())
                    .hasValue(highest);
            assertThat(whileRunning).isEqualTo(SourceState.CONNECTED);
            assertThat(status.endpoint()).isEqualTo(server.uri().toString());
            assertThat(status.events()).isEqualTo(150);
            assertThat(status.skipped())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "collection:fm.teal.alpha.actor.status", 1L, "collection:app.bsky.actor.status", 1L));
            assertThat(status.errors()).isZero();
            assertThat(status.lastEventAt()).isPresent();
            assertThat(status.cursor()).hasValue(Long.toString(highest));
            assertThat(status.state()).isEqualTo(SourceState.STOPPED);

            FakeJetstreamServer.Subscription first = server.subscriptions().getFirst();
            assertThat(first.cursor()).as("no cursor on the first start ever").isEmpty();
            assertThat(first.wantedCollections()).isEmpty();
        }
    }

    @Test
    void resumes_from_the_committed_cursor_after_repeated_drops_and_loses_nothing() throws Exception {
        // a real Jetstream replays in time order; drops cut the stream every 25 messages
        List<String> lines = JetstreamMapperFixtureTest.lines(JetstreamMapperFixtureTest.PRODUCTION).stream()
                .sorted(Comparator.comparingLong(JetstreamSourceTest::timeUs))
                .toList();
        Map<SourceEvent, Long> timeOf = new HashMap<>();
        for (String line : lines) {
            expectedEvents(mapper, List.of(line)).forEach(event -> timeOf.put(event, timeUs(line)));
        }
        long rewindMicros = 1_000;
        SourceHarness.Cursors cursors = new SourceHarness.Cursors();
        SourceHarness.RecordingSink sink = new SourceHarness.RecordingSink(cursors);

        try (FakeJetstreamServer server =
                FakeJetstreamServer.replaying(lines).dropAfter(25).start()) {
            JetstreamSource source = SourceHarness.source(
                    fastConfig(server.uri())
                            .withCursorRewind(Duration.ofNanos(rewindMicros * 1_000))
                            .withBatching(8, Duration.ofMillis(10)),
                    cursors);
            SourceHarness.Running running = new SourceHarness.Running(source, sink);
            await("every event at least once", () -> new HashSet<>(sink.events()).containsAll(timeOf.keySet()));
            running.stopAndJoin();

            List<FakeJetstreamServer.Subscription> subscriptions = server.subscriptions();
            assertThat(subscriptions.size()).isGreaterThanOrEqualTo(lines.size() / 25);
            assertThat(subscriptions.getFirst().cursor()).isEmpty();
            for (int i = 1; i < subscriptions.size(); i++) {
                long committed = Long.parseLong(cursors.reads.get(i).orElseThrow());
                assertThat(subscriptions.get(i).cursor())
                        .as("connection %d resumes from the committed cursor minus the rewind", i)
                        .hasValue(committed - rewindMicros);
            }
            // every duplicate is an identical event from inside a rewind window
            Set<SourceEvent> seen = new HashSet<>();
            List<SourceEvent> duplicates = new ArrayList<>();
            for (SourceEvent event : sink.events()) {
                assertThat(timeOf).containsKey(event);
                if (!seen.add(event)) {
                    duplicates.add(event);
                }
            }
            for (SourceEvent duplicate : duplicates) {
                long time = timeOf.get(duplicate);
                assertThat(subscriptions.stream()
                                .skip(1)
                                .anyMatch(s -> time >= s.cursor().getAsLong()
                                        && time <= s.cursor().getAsLong() + rewindMicros))
                        .as("duplicate at %d lies in a rewind window", time)
                        .isTrue();
            }
        }
    }

    @Test
    void subscribes_with_the_committed_cursor_minus_the_rewind_and_the_wanted_filters() throws Exception {
        List<String> lines = JetstreamMapperFixtureTest.lines(JetstreamMapperFixtureTest.PRODUCTION);
        long committed = timeUs(lines.get(100));
        String did = "did:plc:u4lmvw4wwzaql3z5kcf3r7h4";
        SourceHarness.Cursors cursors = new SourceHarness.Cursors();
        cursors.commit("bluesky", Long.toString(committed));
        SourceHarness.RecordingSink sink = new SourceHarness.RecordingSink(cursors);

        try (FakeJetstreamServer server = FakeJetstreamServer.replaying(lines).start()) {
            JetstreamConfig config = JetstreamConfig.defaults()
                    .withEndpoints(List.of(server.uri()))
                    .withWantedDids(List.of(did))
                    .withBatching(16, Duration.ofMillis(10));
            SourceHarness.Running running = new SourceHarness.Running(SourceHarness.source(config, cursors), sink);
            await("the account's three posts", () -> sink.events().size() >= 5);
            running.stopAndJoin();

            FakeJetstreamServer.Subscription subscription =
                    server.subscriptions().getFirst();
            assertThat(subscription.cursor()).hasValue(committed - 5_000_000);
            assertThat(subscription.wantedCollections()).containsExactlyElementsOf(JetstreamConfig.DEFAULT_COLLECTIONS);
            assertThat(subscription.wantedDids()).containsExactly(did);
            assertThat(sink.events())
                    .filteredOn(SourceEvent.PostCreated.class::isInstance)
                    .extracting(event ->
                            ((SourceEvent.PostCreated) event).post().author().id())
                    .containsOnly(did)
                    .hasSize(3);
        }
    }

    @Test
    void collection_prefixes_reach_the_server_which_filters_commits_by_them() throws Exception {
        List<String> lines = JetstreamMapperFixtureTest.lines(JetstreamMapperFixtureTest.PRODUCTION);
        SourceHarness.Cursors cursors = new SourceHarness.Cursors();
        SourceHarness.RecordingSink sink = new SourceHarness.RecordingSink(cursors);

        try (FakeJetstreamServer server = FakeJetstreamServer.replaying(lines).start()) {
            JetstreamSource source = SourceHarness.source(
                    fastConfig(server.uri()).withWantedCollections(List.of("app.bsky.graph.*")), cursors);
            SourceHarness.Running running = new SourceHarness.Running(source, sink);
            // 6 follows, 3 unfollows, 1 block; identity and account events always come
            await("the graph events", () -> sink.events().size() >= 12);
            running.stopAndJoin();

            assertThat(server.subscriptions().getFirst().wantedCollections()).containsExactly("app.bsky.graph.*");
            assertThat(sink.events())
                    .hasSize(12)
                    .allSatisfy(event -> assertThat(event)
                            .isInstanceOfAny(
                                    SourceEvent.InteractionAdded.class,
                                    SourceEvent.InteractionRemoved.class,
                                    SourceEvent.AccountChanged.class));
        }
    }

    @Test
    void fragmented_messages_are_joined() throws Exception {
        List<String> lines = JetstreamMapperFixtureTest.lines(JetstreamMapperFixtureTest.GOLDEN);
        SourceHarness.Cursors cursors = new SourceHarness.Cursors();
        SourceHarness.RecordingSink sink = new SourceHarness.RecordingSink(cursors);

        try (FakeJetstreamServer server =
                FakeJetstreamServer.replaying(lines).fragmentInto(37).start()) {
            JetstreamSource source = SourceHarness.source(fastConfig(server.uri()), cursors);
            SourceHarness.Running running = new SourceHarness.Running(source, sink);
            List<SourceEvent> expected = expectedEvents(mapper, lines);
            await("all events", () -> sink.events().size() >= expected.size());
            running.stopAndJoin();

            assertThat(sink.events()).containsExactlyElementsOf(expected);
            assertThat(source.status().errors()).isZero();
        }
    }

    @Test
    void batches_hold_at_most_batch_size_messages_and_skipped_messages_move_the_cursor() throws Exception {
        List<String> lines = JetstreamMapperFixtureTest.lines(JetstreamMapperFixtureTest.GOLDEN);
        SourceHarness.Cursors cursors = new SourceHarness.Cursors();
        SourceHarness.RecordingSink sink = new SourceHarness.RecordingSink(cursors);

        try (FakeJetstreamServer server = FakeJetstreamServer.replaying(lines).start()) {
            JetstreamSource source =
                    SourceHarness.source(fastConfig(server.uri()).withBatching(2, Duration.ofSeconds(30)), cursors);
            SourceHarness.Running running = new SourceHarness.Running(source, sink);
            await("five full batches", () -> sink.batches.size() >= 5);
            running.stopAndJoin();

            for (int i = 0; i < 5; i++) {
                SourceBatch batch = sink.batches.get(i);
                long highest = Math.max(timeUs(lines.get(2 * i)), timeUs(lines.get(2 * i + 1)));
                assertThat(batch.cursor()).hasValue(Long.toString(highest));
            }
            // lines 5 and 6 (a profile update and a delete in an unknown collection) are both skipped
            assertThat(mapper.map(lines.get(4))).isInstanceOf(Mapping.Skipped.class);
            assertThat(mapper.map(lines.get(5))).isInstanceOf(Mapping.Skipped.class);
        }
    }

    static long timeUs(String line) {
        try {
            return TestEvents.JSON.readTree(line).get("time_us").longValue();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
