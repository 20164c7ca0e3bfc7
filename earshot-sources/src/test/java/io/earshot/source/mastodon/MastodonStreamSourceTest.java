package io.earshot.source.mastodon;

import static io.earshot.source.mastodon.MastodonHarness.await;
import static io.earshot.source.mastodon.MastodonHarness.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import io.earshot.source.SourceEvent;
import io.earshot.source.SourceState;
import io.earshot.source.SourceStatus;
import io.earshot.testkit.Fixtures;
import io.earshot.testkit.mastodon.FakeMastodonServer;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streaming from a real SSE server on loopback: updates, edits, deletes, back-fill, resuming, liveness. */
class MastodonStreamSourceTest {

    private static final MastodonStream EARSHOT = new MastodonStream.Hashtag("earshot");

    private final MastodonHarness.Cursors cursors = new MastodonHarness.Cursors();
    private final MastodonHarness.RecordingSink sink = new MastodonHarness.RecordingSink(cursors);

    @AfterEach
    void stopSources() throws InterruptedException {
        MastodonHarness.stopAll();
    }

    @Test
    void streams_updates_edits_and_deletes_in_order_with_the_newest_id_as_cursor() throws Exception {
        try (FakeMastodonServer server = FakeMastodonServer.builder().start()) {
            // no back-fill: what arrives is exactly what the stream sent
            MastodonConfig config = fastConfig(server, EARSHOT).withBackfill(Duration.ZERO, 0);
            MastodonStreamSource source = MastodonHarness.source(config, cursors);
            MastodonHarness.Running running = new MastodonHarness.Running(source, sink);
            assertThat(server.awaitOpenStreams(1, MastodonHarness.WAIT)).isTrue();

            List<String> statuses = TestStatuses.numbered(1, 3, "earshot");
            statuses.forEach(server::publish);
            server.publish(TestStatuses.numbered(4, 1, "elsewhere").getFirst()); // another hashtag: not ours
            ObjectNode edited = (ObjectNode) TestStatuses.JSON.readTree(statuses.get(1));
            edited.put("content", "<p>edited</p>").put("edited_at", "2026-07-04T15:00:00.000Z");
            server.edit(edited.toString());
            server.delete("1000001");
            await("the delete", () -> sink.events().stream().anyMatch(e -> e instanceof SourceEvent.PostDeleted));
            SourceState whileRunning = source.status().state();
            running.stopAndJoin();

            String host = server.uri().getAuthority();
            List<SourceEvent> events = sink.events();
            assertThat(sink.postIds())
                    .containsExactly(host + ":1000001", host + ":1000002", host + ":1000003", host + ":1000002");
            assertThat(events.get(3)).isInstanceOf(SourceEvent.PostEdited.class);
            assertThat(((SourceEvent.PostEdited) events.get(3)).post().text()).isEqualTo("edited");
            assertThat(events.get(4))
                    .isInstanceOfSatisfying(
                            SourceEvent.PostDeleted.class,
                            deleted -> assertThat(deleted.key())
                                    .isEqualTo(new PostKey(Network.MASTODON, host + ":1000001")));
            assertThat(sink.batches)
                    .allSatisfy(batch -> assertThat(batch.sourceId()).isEqualTo("mastodon-test"));
            assertThat(cursors.committed("mastodon-test")).hasValue("1000003");

            SourceStatus status = source.status();
            assertThat(whileRunning).isEqualTo(SourceState.CONNECTED);
            assertThat(status.state()).isEqualTo(SourceState.STOPPED);
            assertThat(status.type()).isEqualTo("mastodon");
            assertThat(status.endpoint()).isEqualTo(server.uri() + "/api/v1/streaming/hashtag?tag=earshot");
            assertThat(status.events()).isEqualTo(5);
            assertThat(status.errors()).isZero();
            assertThat(status.cursor()).hasValue("1000003");
            assertThat(status.lastEventAt()).isPresent();

            FakeMastodonServer.Request stream = server.requests().getFirst();
            assertThat(stream.path()).isEqualTo("/api/v1/streaming/hashtag");
            assertThat(stream.parameter("tag")).hasValue("earshot");
            assertThat(stream.authorization()).hasValue("Bearer test-token");
        }
    }

    @Test
    void the_first_start_reads_the_newest_page_of_the_timeline_then_goes_live() throws Exception {
        // the fixture's statuses are pretty-printed JSON: on the stream they become multi-line data
        List<String> tagged = TestStatuses.fixtureStatuses("mastodon/tag_timeline.json");
        try (FakeMastodonServer server = FakeMastodonServer.builder()
                .timeline(Fixtures.fixture("mastodon/tag_timeline.json"))
                .start()) {
            MastodonStreamSource source =
                    MastodonHarness.source(fastConfig(server, new MastodonStream.Hashtag("mastodon")), cursors);
            MastodonHarness.Running running = new MastodonHarness.Running(source, sink);
            await("the back-fill", () -> sink.postIds().size() >= 20);
            server.publish(tagged.getFirst().replace("\"714859\"", "\"800000\""));
            await("the live status", () -> sink.postIds().size() >= 21);
            running.stopAndJoin();

            String host = server.uri().getAuthority();
            assertThat(sink.postIds().subList(0, 20))
                    .as("oldest first")
                    .startsWith(host + ":692622")
                    .endsWith(host + ":714859")
                    .doesNotHaveDuplicates();
            assertThat(sink.postIds().getLast()).isEqualTo(host + ":800000");
            FakeMastodonServer.Request page = server.requests().get(1);
            assertThat(page.path()).isEqualTo("/api/v1/timelines/tag/mastodon");
            assertThat(page.parameter("limit")).hasValue("40");
            assertThat(page.parameter("min_id"))
                    .as("no cursor: the newest page")
                    .isEmpty();
            assertThat(server.requests()).hasSize(2);
            assertThat(cursors.committed("mastodon-test")).hasValue("800000");
        }
    }

    @Test
    void a_restart_pages_through_everything_after_the_committed_cursor() throws Exception {
        // 100 statuses after the cursor: three pages of 40, 40 and 20, then an empty one
        List<String> statuses = TestStatuses.numbered(1, 110, "earshot");
        cursors.commit("mastodon-test", "1000010");
        try (FakeMastodonServer server =
                FakeMastodonServer.builder().timeline(statuses).start()) {
            MastodonStreamSource source = MastodonHarness.source(fastConfig(server, EARSHOT), cursors);
            MastodonHarness.Running running = new MastodonHarness.Running(source, sink);
            await("the back-fill", () -> sink.postIds().size() >= 100);
            await(
                    "the empty page that ends it",
                    () -> server.requests().stream()
                                    .filter(request -> !request.isStream())
                                    .count()
                            >= 4);
            running.stopAndJoin();

            String host = server.uri().getAuthority();
            assertThat(sink.postIds())
                    .containsExactlyElementsOf(TestStatuses.numbered(11, 100, "x").stream()
                            .map(json -> host + ":" + json.substring(7, 14))
                            .toList());
            List<Optional<String>> minIds = server.requests().stream()
                    .filter(request -> !request.isStream())
                    .map(request -> request.parameter("min_id"))
                    .toList();
            assertThat(minIds)
                    .containsExactly(
                            Optional.of("1000010"),
                            Optional.of("1000050"),
                            Optional.of("1000090"),
                            Optional.of("1000110"));
            assertThat(sink.batches).hasSize(3);
            assertThat(cursors.committed("mastodon-test")).hasValue("1000110");
        }
    }

    @Test
    void statuses_published_while_disconnected_arrive_over_rest_and_nothing_is_missed() throws Exception {
        List<String> statuses = TestStatuses.numbered(1, 30, "earshot");
        try (FakeMastodonServer server = FakeMastodonServer.builder().start()) {
            MastodonStreamSource source = MastodonHarness.source(fastConfig(server, EARSHOT), cursors);
            MastodonHarness.Running running = new MastodonHarness.Running(source, sink);
            for (int round = 0; round < 3; round++) {
                assertThat(server.awaitOpenStreams(1, MastodonHarness.WAIT)).isTrue();
                statuses.subList(round * 10, round * 10 + 5).forEach(server::publish);
                int expected = round * 10 + 5;
                await("live statuses", () -> new LinkedHashSet<>(sink.postIds()).size() >= expected);
                server.refuseStreams(503);
                server.dropStreams();
                await("retrying", () -> source.status().state() == SourceState.RETRYING);
                // published while no stream is open: only the timeline has them
                statuses.subList(round * 10 + 5, round * 10 + 10).forEach(server::publish);
                server.acceptStreams();
            }
            await("every status", () -> new LinkedHashSet<>(sink.postIds()).size() >= 30);
            running.stopAndJoin();

            String host = server.uri().getAuthority();
            assertThat(new LinkedHashSet<>(sink.postIds()))
                    .containsExactlyElementsOf(statuses.stream()
                            .map(json -> host + ":" + json.substring(7, 14))
                            .toList());
            assertThat(source.status().errors()).as("three drops").isGreaterThanOrEqualTo(3);
            assertThat(server.requests().stream()
                            .filter(request -> !request.isStream())
                            .map(request -> request.parameter("min_id").orElse("none")))
                    .as("each reconnect back-fills from the newest status delivered")
                    .contains("1000005", "1000015", "1000025");
        }
    }

    @Test
    void heartbeats_keep_a_quiet_stream_alive() throws Exception {
        try (FakeMastodonServer server =
                FakeMastodonServer.builder().heartbeat(Duration.ofMillis(50)).start()) {
            MastodonStreamSource source = MastodonHarness.source(fastConfig(server, EARSHOT), cursors);
            MastodonHarness.Running running = new MastodonHarness.Running(source, sink);
            await("connected", () -> source.status().state() == SourceState.CONNECTED);
            Thread.sleep(1_000); // two and a half times the liveness limit, with heartbeats only

            assertThat(source.status().state()).isEqualTo(SourceState.CONNECTED);
            assertThat(server.streamsOpened()).isEqualTo(1);
            assertThat(source.status().errors()).isZero();
            running.stopAndJoin();
        }
    }

    @Test
    void a_silent_stream_is_replaced() throws Exception {
        try (FakeMastodonServer server =
                FakeMastodonServer.builder().heartbeat(Duration.ZERO).start()) {
            MastodonStreamSource source = MastodonHarness.source(fastConfig(server, EARSHOT), cursors);
            MastodonHarness.Running running = new MastodonHarness.Running(source, sink);
            await("a second stream", () -> server.streamsOpened() >= 2);
            running.stopAndJoin();

            assertThat(source.status().lastError())
                    .hasValueSatisfying(error -> assertThat(error)
                            .startsWith("connection to " + server.uri() + "/api/v1/streaming/hashtag?tag=earshot went"
                                    + " silent: nothing heard for ")
                            .endsWith(", not even a heartbeat"));
        }
    }

    @Test
    void each_stream_reads_its_own_endpoint_and_timeline() throws Exception {
        ObjectNode local = TestStatuses.status("1000001", "alice", "<p>local</p>");
        ObjectNode remote = TestStatuses.status("1000002", "bob@elsewhere.example", "<p>remote</p>");
        try (FakeMastodonServer server = FakeMastodonServer.builder()
                .timeline(List.of(local.toString(), remote.toString()))
                .start()) {
            for (MastodonStream stream :
                    List.of(new MastodonStream.Public(), new MastodonStream.PublicLocal(), new MastodonStream.User())) {
                MastodonHarness.Cursors fresh = new MastodonHarness.Cursors();
                MastodonHarness.RecordingSink freshSink = new MastodonHarness.RecordingSink(fresh);
                MastodonStreamSource source = MastodonHarness.source(fastConfig(server, stream), fresh);
                MastodonHarness.Running running = new MastodonHarness.Running(source, freshSink);
                int expected = stream instanceof MastodonStream.PublicLocal ? 1 : 2;
                await(stream.id(), () -> freshSink.postIds().size() >= expected);
                running.stopAndJoin();
                assertThat(freshSink.postIds()).hasSize(expected);
            }
            assertThat(server.requests().stream()
                            .map(r -> r.path()
                                    + r.parameter("local")
                                            .map(v -> "?local=" + v)
                                            .orElse("")))
                    .containsExactly(
                            "/api/v1/streaming/public",
                            "/api/v1/timelines/public",
                            "/api/v1/streaming/public/local",
                            "/api/v1/timelines/public?local=true",
                            "/api/v1/streaming/user",
                            "/api/v1/timelines/home");
        }
    }
}
