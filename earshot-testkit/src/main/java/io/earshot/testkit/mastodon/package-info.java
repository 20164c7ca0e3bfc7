/**
 * A fake Mastodon instance for tests: {@link io.earshot.testkit.mastodon.FakeMastodonServer} is a real HTTP
 * server on 127.0.0.1 that speaks the streaming API (Server-Sent Events on {@code /api/v1/streaming/…} and
 * WebSocket on {@code /api/v1/streaming?stream=…}), the REST timelines and {@code /api/v2/instance}, with
 * bearer tokens, the way a Mastodon 4 instance does. By default it advertises itself as its streaming server
 * ({@code configuration.urls.streaming = ws://127.0.0.1:<port>}); {@code advertiseNoStreaming()} and
 * {@code advertiseStreaming(URI)} make it say nothing, or name another (dead, foreign) server.
 *
 * <p>Streams replay nothing: a test opens a stream (start the source, then
 * {@code awaitOpenStreams(1, timeout)}) and then publishes, edits and deletes statuses, which reach every open
 * stream that shows them as {@code update}, {@code status.update} and {@code delete} events, SSE or WebSocket
 * alike ({@code dropStreams()}, {@code sendRaw} and the rest act on both kinds). Every published
 * status also lands on the timelines, which page with {@code min_id}, {@code max_id}, {@code since_id},
 * {@code limit} and {@code Link} headers, so a client that was disconnected can read what it missed:
 *
 * <pre>{@code
 * try (FakeMastodonServer server = FakeMastodonServer.builder()
 *         .timeline(Fixtures.fixture("mastodon/tag_timeline.json"))  // already published before anyone connects
 *         .heartbeat(Duration.ofMillis(50))
 *         .start()) {
 *     MastodonConfig config = MastodonConfig.of(server.uri(), new MastodonStream.Hashtag("mastodon"), server.token());
 *     ... run a source, then:
 *     server.refuseStreams(503);  // the next connection attempts fail
 *     server.dropStreams();       // cut every open stream mid-response
 *     server.publish(statusJson); // only the timeline has it now
 *     server.acceptStreams();     // the source reconnects and back-fills it
 *     assertThat(server.requests()).anySatisfy(r -> assertThat(r.parameter("min_id")).isPresent());
 * }
 * }</pre>
 *
 * It can also send garbage ({@code sendEvent} with any name and data, {@code sendRaw} with any bytes), go
 * silent ({@code heartbeat(Duration.ZERO)}), drop every stream after a number of events, answer with an error
 * ({@code respondNext}, {@code failTimelines}; a 429 carries {@code Retry-After: 1}) and refuse a wrong token
 * with 401. Everything is bounded: {@code close()} ends every stream and stops the server.
 */
package io.earshot.testkit.mastodon;
