/**
 * A fake Bluesky Jetstream for tests: {@link io.earshot.testkit.jetstream.FakeJetstreamServer} is a real
 * WebSocket server on 127.0.0.1 that replays recorded events (such as
 * {@code Fixtures.fixture("jetstream/production-2026-07-04.jsonl")}) the way Jetstream does.
 *
 * <p>It honours {@code cursor}, {@code wantedCollections} and {@code wantedDids}; it can drop every
 * connection after a number of messages (to test resuming), split messages into fragments, close when done,
 * and send garbage (put non-JSON lines in the replay list). It records each connection's query parameters,
 * so a test can check what a client asked for:
 *
 * <pre>{@code
 * try (FakeJetstreamServer server = FakeJetstreamServer.replaying(fixture).dropAfter(50).start()) {
 *     JetstreamSource source = new JetstreamSource(config.withEndpoints(List.of(server.uri())), cursors);
 *     ... run it, then:
 *     assertThat(server.subscriptions()).hasSizeGreaterThan(1);
 *     assertThat(server.subscriptions().get(1).cursor()).hasValue(committed - rewindMicros);
 * }
 * }</pre>
 *
 * Everything is bounded: each connection's sender ends after the last line, and {@code close()} stops the
 * server and its senders.
 */
package io.earshot.testkit.jetstream;
