package io.earshot.source.mastodon;

import static io.earshot.source.mastodon.MastodonHarness.await;
import static io.earshot.source.mastodon.MastodonHarness.fastConfig;
import static io.earshot.source.mastodon.MastodonHarness.socketConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earshot.domain.PostKey;
import io.earshot.source.SourceEvent;
import io.earshot.source.SourceState;
import io.earshot.testkit.mastodon.FakeMastodonServer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streaming over a WebSocket from a real server on loopback: the same events, gaps and garbage as over SSE. */
class MastodonWebSocketTest {

    private static final MastodonStream EARSHOT = new MastodonStream.Hashtag("earshot");

    private final MastodonHarness.Cursors cursors = new MastodonHarness.Cursors();
    private final MastodonHarness.RecordingSink sink = new MastodonHarness.RecordingSink(cursors);

    @AfterEach
    void stopSources() throws InterruptedException {
        MastodonHarness.stopAll();
    }

    @Test
    void a_websocket_delivers_updates_edits_and_deletes_exactly_as_sse_does() throws Exception {
        List<String> fixture = TestStatuses.fixtureStatuses("mastodon/tag_timeline.json");
        // heartbeats let the server notice a closed SSE stream soon; pings and pongs keep the socket busy too
        try (FakeMastodonServer server =
                FakeMastodonServer.builder().heartbeat(Duration.ofMillis(50)).start()) {
            MastodonHarness.Cursors sseCursors = new MastodonHarness.Cursors();
            MastodonHarness.RecordingSink sseSink = new MastodonHarness.RecordingSink(sseCursors);
            MastodonStream tag = new MastodonStream.Hashtag("mastodon");
            MastodonStreamSource overSse =
                    MastodonHarness.source(fastConfig(server, tag).withBackfill(Duration.ZERO, 0), sseCursors);
            MastodonStreamSource overSocket =
                    MastodonHarness.source(socketConfig(server, tag).withBackfill(Duration.ZERO, 0), cursors);
            MastodonHarness.Running sse = new MastodonHarness.Running(overSse, sseSink);
            MastodonHarness.Running socket = new MastodonHarness.Running(overSocket, sink);
            assertThat(server.awaitOpenStreams(2, MastodonHarness.WAIT)).isTrue();

            // real statuses, pretty-printed: multi-line SSE data, one JSON string in the WebSocket's payload
            fixture.forEach(server::publish);
            ObjectNode edited = (ObjectNode) TestStatuses.JSON.readTree(fixture.get(3));
            edited.put("content", "<p>edited <b>twice</b></p>").put("edited_at", "2026-07-04T15:00:00.000Z");
            server.edit(edited.toString());
            String deleted = edited.path("id").asText();
            server.delete(deleted);
            await("the delete over both", () -> deletes(sink) == 1 && deletes(sseSink) == 1);
            SourceState whileRunning = overSocket.status().state();
            assertThat(socket.stopAndJoin()).isLessThan(Duration.ofMillis(500));
            sse.stopAndJoin();

            assertThat(comparable(sink.events()))
                    .hasSize(comparable(sseSink.events()).size())
                    .containsExactlyElementsOf(comparable(sseSink.events()));
            assertThat(sink.postIds()).hasSize(fixture.size() + 1);
            assertThat(sink.events())
                    .filteredOn(event -> event instanceof SourceEvent.PostEdited)
                    .singleElement()
                    .satisfies(event -> assertThat(
                                    ((SourceEvent.PostEdited) event).post().text())
                            .isEqualTo("edited twice"));
            assertThat(cursors.committed("mastodon-test")).isEqualTo(sseCursors.committed("mastodon-test"));

            assertThat(whileRunning).isEqualTo(SourceState.CONNECTED);
            assertThat(overSocket.status().endpoint())
                    .isEqualTo("ws://" + server.uri().getAuthority() + "/api/v1/streaming?stream=hashtag&tag=mastodon");
            assertThat(overSocket.status().errors()).isZero();
            assertThat(overSocket.status().events()).isEqualTo(overSse.status().events());
            FakeMastodonServer.Request upgrade = server.requests().stream()
                    .filter(FakeMastodonServer.Request::isWebSocket)
                    .findFirst()
                    .orElseThrow();
            assertThat(upgrade.parameter("stream")).hasValue("hashtag");
            assertThat(upgrade.parameter("tag")).hasValue("mastodon");
            assertThat(upgrade.parameter("access_token"))
                    .as("the token goes in a header")
                    .isEmpty();
            assertThat(upgrade.authorization()).hasValue("Bearer test-token");
            await("the server saw the socket close", () -> server.openStreams() == 0);
        }
    }

    @Test
    void a_socket_dropped_again_and_again_loses_nothing_and_doubles_nothing() throws Exception {
        List<String> statuses = TestStatuses.numbered(1, 40, "earshot");
        try (FakeMastodonServer server = FakeMastodonServer.builder().start()) {
            MastodonStreamSource source = MastodonHarness.source(socketConfig(server, EARSHOT), cursors);
            MastodonHarness.Running running = new MastodonHarness.Running(source, sink);
            for (int round = 0; round < 4; round++) {
                awaitBackfilled(server, round);
                statuses.subList(round * 10, round * 10 + 5).forEach(server::publish);
                int live = round * 10 + 5;
                await("live statuses", () -> sink.postIds().size() >= live);
                server.refuseStreams(503);
                server.dropStreams();
                await("retrying", () -> source.status().state() == SourceState.RETRYING);
                // published while no socket is open: only the timeline has them
                statuses.subList(round * 10 + 5, round * 10 + 10).forEach(server::publish);
                server.acceptStreams();
            }
            awaitBackfilled(server, 4);
            await("every status", () -> sink.postIds().size() >= 40);
            List.of("1000003", "1000017", "1000040").forEach(server::delete);
            await("the deletes", () -> deletes(sink) == 3);
            running.stopAndJoin();

            String host = server.uri().getAuthority();
            assertThat(sink.postIds())
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(statuses.stream()
                            .map(json -> host + ":" + json.substring(7, 14))
                            .toList());
            Map<PostKey, String> archive = archive(sink.events());
            assertThat(archive).hasSize(37);
            assertThat(archive.keySet()).noneMatch(key -> key.nativeId().endsWith(":1000017"));
            assertThat(server.requests().stream()
                            .filter(request -> request.path().startsWith("/api/v1/timelines/"))
                            .map(request -> request.parameter("min_id").orElse("none")))
                    .as("each reconnect back-fills from the newest status delivered")
                    .contains("1000005", "1000015", "1000025", "1000035");
            assertThat(server.requests().stream().filter(r -> r.path().equals("/api/v2/instance")))
                    .as("asked once where the streaming server is")
                    .hasSize(1);
            assertThat(source.status().errors()).as("four drops").isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void garbage_and_oversized_frames_are_counted_and_the_socket_goes_on() throws Exception {
        try (FakeMastodonServer server = FakeMastodonServer.builder().start()) {
            MastodonConfig config = socketConfig(server, EARSHOT).withBackfill(Duration.ZERO, 0);
            MastodonStreamSource source =
                    new MastodonStreamSource(config, cursors, new MastodonStatusMapper(server.uri(), 4096));
            MastodonHarness.Running running = new MastodonHarness.Running(source, sink);
            assertThat(server.awaitOpenStreams(1, MastodonHarness.WAIT)).isTrue();

            List<String> good = TestStatuses.numbered(1, 2, "earshot");
            server.publish(good.get(0));
            server.sendEvent("update", "{not json"); // a payload the mapper rejects
            server.sendEvent("delete", "not an/id");
            server.sendRaw("this frame is no JSON");
            server.sendRaw("[\"an\", \"array\"]");
            server.sendRaw("{\"stream\":[\"hashtag\",\"earshot\"],\"payload\":\"{}\"}"); // no event
            server.sendRaw("[".repeat(100) + "]".repeat(100)); // nested past the parser's cap
            server.sendEvent("update", "x".repeat(10_000)); // over the limit: dropped while it arrives
            server.sendRaw("{\"payload\":\"" + "y".repeat(3 << 20) + "\"}"); // 3 MiB in many fragments
            server.sendRaw("{\"error\":\"Unknown stream type\",\"status\":400}");
            server.sendEvent("filters_changed", "");
            server.publish(good.get(1));
            await("the second good status", () -> sink.postIds().size() >= 2);
            await("nine errors", () -> source.status().errors() >= 9);
            running.stopAndJoin();

            String host = server.uri().getAuthority();
            assertThat(sink.postIds()).containsExactly(host + ":1000001", host + ":1000002");
            assertThat(source.status().errors()).isEqualTo(9);
            assertThat(source.status().skipped()).containsEntry("event:filters_changed", 1L);
            assertThat(source.status().lastError()).isPresent();
            assertThat(server.streamsOpened()).as("no reconnect needed").isEqualTo(1);
        }
    }

    @Test
    void a_quiet_socket_that_answers_pings_stays_connected() throws Exception {
        try (FakeMastodonServer server =
                FakeMastodonServer.builder().heartbeat(Duration.ZERO).start()) {
            MastodonStreamSource source = MastodonHarness.source(socketConfig(server, EARSHOT), cursors);
            MastodonHarness.Running running = new MastodonHarness.Running(source, sink);
            await("connected", () -> source.status().state() == SourceState.CONNECTED);
            Thread.sleep(1_000); // two and a half times the liveness limit: only our pings' pongs are heard

            assertThat(source.status().state()).isEqualTo(SourceState.CONNECTED);
            assertThat(server.streamsOpened()).isEqualTo(1);
            assertThat(source.status().errors()).isZero();
            running.stopAndJoin();
        }
    }

    @Test
    void a_refused_token_on_the_socket_fails_the_source_with_what_to_do() throws Exception {
        try (FakeMastodonServer server =
                FakeMastodonServer.builder().token("right").start()) {
            MastodonConfig config = socketConfig(server, EARSHOT).withToken(Optional.of("wrong"));
            MastodonStreamSource source = MastodonHarness.source(config, cursors);
            MastodonHarness.runUntilItGivesUp(source, sink);

            assertThat(source.status().lastError())
                    .hasValueSatisfying(error -> assertThat(error)
                            .contains("(/api/v1/streaming) refused the access token (HTTP 401")
                            .doesNotContain("wrong"));
        }
    }

    private static long deletes(MastodonHarness.RecordingSink sink) {
        return sink.events().stream()
                .filter(event -> event instanceof SourceEvent.PostDeleted)
                .count();
    }

    /** Waits until the socket is open and its back-fill read everything up to the empty page that ends it. */
    private static void awaitBackfilled(FakeMastodonServer server, int reconnects) throws InterruptedException {
        assertThat(server.awaitOpenStreams(1, MastodonHarness.WAIT)).isTrue();
        // the first start reads the newest page only; each reconnect a page of the gap and an empty one
        long pages = 1 + 2L * reconnects;
        await(
                "the back-fill",
                () -> server.requests().stream()
                                .filter(request -> request.path().startsWith("/api/v1/timelines/"))
                                .count()
                        >= pages);
        Thread.sleep(20); // the last page's answer on its way to the source
    }

    /** Events as the archive sees them: a delete's time is when it arrived, which differs between two sources. */
    private static List<SourceEvent> comparable(List<SourceEvent> events) {
        return events.stream()
                .map(event -> switch (event) {
                    case SourceEvent.PostDeleted deleted -> new SourceEvent.PostDeleted(deleted.key(), Instant.EPOCH);
                    case SourceEvent.InteractionRemoved removed ->
                        new SourceEvent.InteractionRemoved(removed.key(), Instant.EPOCH);
                    default -> event;
                })
                .toList();
    }

    /** What an idempotent archive holds after the events, in order: the text of each post not deleted. */
    private static Map<PostKey, String> archive(List<SourceEvent> events) {
        Map<PostKey, String> archive = new LinkedHashMap<>();
        for (SourceEvent event : events) {
            switch (event) {
                case SourceEvent.PostCreated created ->
                    archive.put(created.post().key(), created.post().text());
                case SourceEvent.PostEdited edited ->
                    archive.put(edited.post().key(), edited.post().text());
                case SourceEvent.PostDeleted deleted -> archive.remove(deleted.key());
                default -> {}
            }
        }
        return archive;
    }
}
