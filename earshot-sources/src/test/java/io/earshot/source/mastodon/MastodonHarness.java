package io.earshot.source.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Post;
import io.earshot.source.CursorStore;
import io.earshot.source.EventSink;
import io.earshot.source.SourceBatch;
import io.earshot.source.SourceEvent;
import io.earshot.source.SourceState;
import io.earshot.testkit.mastodon.FakeMastodonServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/** What the source tests share: a cursor store, a sink that commits like the pipeline, a runner, waiting. */
final class MastodonHarness {

    static final Duration WAIT = Duration.ofSeconds(5);

    private static final List<Running> STARTED = new CopyOnWriteArrayList<>();

    private MastodonHarness() {}

    /** A cursor store in memory that remembers what each {@code get} returned, in order. */
    static final class Cursors implements CursorStore {
        private final Map<String, String> committed = new ConcurrentHashMap<>();
        final List<Optional<String>> reads = new CopyOnWriteArrayList<>();

        @Override
        public Optional<String> get(String sourceId) {
            Optional<String> cursor = Optional.ofNullable(committed.get(sourceId));
            reads.add(cursor);
            return cursor;
        }

        @Override
        public void commit(String sourceId, String cursor) {
            committed.put(sourceId, cursor);
        }

        Optional<String> committed(String sourceId) {
            return Optional.ofNullable(committed.get(sourceId));
        }
    }

    /** Records batches and commits each batch's cursor once it has "stored" it, as the pipeline does. */
    static class RecordingSink implements EventSink {
        final List<SourceBatch> batches = new CopyOnWriteArrayList<>();
        private final CursorStore cursors;

        RecordingSink(CursorStore cursors) {
            this.cursors = cursors;
        }

        @Override
        public void accept(SourceBatch batch) throws InterruptedException {
            batches.add(batch);
            batch.cursor().ifPresent(cursor -> cursors.commit(batch.sourceId(), cursor));
        }

        List<SourceEvent> events() {
            List<SourceEvent> events = new ArrayList<>();
            batches.forEach(batch -> events.addAll(batch.events()));
            return events;
        }

        /** The native ids of the posts created or edited so far, in order, repeats included. */
        List<String> postIds() {
            List<String> ids = new ArrayList<>();
            for (SourceEvent event : events()) {
                Optional<Post> post = switch (event) {
                    case SourceEvent.PostCreated created -> Optional.of(created.post());
                    case SourceEvent.PostEdited edited -> Optional.of(edited.post());
                    default -> Optional.empty();
                };
                post.ifPresent(p -> ids.add(p.key().nativeId()));
            }
            return ids;
        }
    }

    /** A source running on its own thread; {@link #stopAndJoin()} checks that it ended promptly and cleanly. */
    static final class Running implements AutoCloseable {
        final MastodonStreamSource source;
        final Thread thread;
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Running(MastodonStreamSource source, EventSink sink) {
            STARTED.add(this);
            this.source = source;
            this.thread = Thread.ofPlatform().name("source-under-test").daemon().start(() -> {
                try {
                    source.run(sink);
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            source.stop();
            thread.join(WAIT);
        }

        /** Stops the source; returns how long {@code run} took to return. */
        Duration stopAndJoin() throws InterruptedException {
            long started = System.nanoTime();
            source.stop();
            thread.join(WAIT);
            assertThat(thread.isAlive()).as("run() returned after stop()").isFalse();
            assertThat(failure.get()).as("run() ended without an exception").isNull();
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }

    /** Stops every source a test started, so none outlives a failed test (call from {@code @AfterEach}). */
    static void stopAll() throws InterruptedException {
        for (Running running : STARTED) {
            running.close();
        }
        STARTED.clear();
    }

    /** Runs a source that cannot go on (a token problem) until it gives up by itself, and checks that it did. */
    static void runUntilItGivesUp(MastodonStreamSource source, EventSink sink) throws InterruptedException {
        Running running = new Running(source, sink);
        running.thread.join(WAIT);
        assertThat(running.thread.isAlive()).as("run() returned by itself").isFalse();
        assertThat(running.failure.get()).isNull();
        assertThat(source.status().state()).isEqualTo(SourceState.FAILED);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    /** A config for the fake server over SSE: fast retries, fast liveness, small batches. */
    static MastodonConfig fastConfig(FakeMastodonServer server, MastodonStream stream) {
        return MastodonConfig.of(server.uri(), stream, server.token())
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .withLivenessTimeout(Duration.ofMillis(400))
                .withBatching(16, Duration.ofMillis(10))
                .withBackfill(Duration.ZERO, 50)
                .withSourceId("mastodon-test")
                .withTransport(MastodonTransport.SSE);
    }

    /** {@link #fastConfig} over a WebSocket, to the streaming server the fake instance advertises. */
    static MastodonConfig socketConfig(FakeMastodonServer server, MastodonStream stream) {
        return fastConfig(server, stream).withTransport(MastodonTransport.WEBSOCKET);
    }

    static MastodonStreamSource source(MastodonConfig config, CursorStore cursors) {
        return new MastodonStreamSource(config, cursors);
    }

    /** A loopback URL where nothing listens: connecting to it is refused at once. */
    static URI deadInstance() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
