package io.earshot.source.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.source.CursorStore;
import io.earshot.source.EventSink;
import io.earshot.source.Mapping;
import io.earshot.source.SourceBatch;
import io.earshot.source.SourceEvent;
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
final class SourceHarness {

    static final Duration WAIT = Duration.ofSeconds(5);

    private static final List<Running> STARTED = new CopyOnWriteArrayList<>();

    private SourceHarness() {}

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
    }

    /** A source running on its own thread; {@link #stopAndJoin()} checks that it ended promptly and cleanly. */
    static final class Running implements AutoCloseable {
        final JetstreamSource source;
        final Thread thread;
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Running(JetstreamSource source, EventSink sink) {
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

        /** Stops the source even when a test failed half-way, so no source outlives its test. */
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

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    static List<SourceEvent> expectedEvents(JetstreamMapper mapper, List<String> lines) {
        List<SourceEvent> events = new ArrayList<>();
        for (String line : lines) {
            if (mapper.map(line) instanceof Mapping.Events mapped) {
                events.addAll(mapped.events());
            }
        }
        return events;
    }

    /** A loopback URL where nothing listens: connecting to it is refused at once. */
    static URI deadEndpoint() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("ws://127.0.0.1:" + socket.getLocalPort() + "/subscribe");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Liveness in milliseconds, so a connection that goes quiet is replaced fast. */
    static final JetstreamConnection.Liveness FAST_LIVENESS =
            new JetstreamConnection.Liveness(Duration.ofMillis(200), Duration.ofMillis(300));

    static JetstreamSource source(JetstreamConfig config, CursorStore cursors) {
        return source(config, cursors, new JetstreamMapper());
    }

    static JetstreamSource source(JetstreamConfig config, CursorStore cursors, JetstreamMapper mapper) {
        return new JetstreamSource(config, cursors, mapper, FAST_LIVENESS);
    }

    static JetstreamConfig fastConfig(URI... endpoints) {
        return JetstreamConfig.defaults()
                .withEndpoints(List.of(endpoints))
                .withWantedCollections(List.of())
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .withBatching(16, Duration.ofMillis(20));
    }
}
