package io.earshot.source.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Post;
import io.earshot.source.CursorStore;
import io.earshot.source.EventSink;
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
final class FeedHarness {

    static final Duration WAIT = Duration.ofSeconds(5);

    private static final List<Running> STARTED = new CopyOnWriteArrayList<>();

    private FeedHarness() {}

    /** A cursor store in memory. */
    static final class Cursors implements CursorStore {
        private final Map<String, String> committed = new ConcurrentHashMap<>();

        @Override
        public Optional<String> get(String sourceId) {
            return Optional.ofNullable(committed.get(sourceId));
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

        /** The titles of the posts created so far, in order. */
        List<String> created() {
            return posts(SourceEvent.PostCreated.class);
        }

        /** The titles of the posts edited so far, in order. */
        List<String> edited() {
            return posts(SourceEvent.PostEdited.class);
        }

        private List<String> posts(Class<? extends SourceEvent> kind) {
            List<String> titles = new ArrayList<>();
            for (SourceEvent event : events()) {
                if (kind.isInstance(event)) {
                    Post post = switch (event) {
                        case SourceEvent.PostCreated created -> created.post();
                        case SourceEvent.PostEdited edited -> edited.post();
                        default -> throw new AssertionError(event);
                    };
                    titles.add(post.title().orElse("?"));
                }
            }
            return titles;
        }
    }

    /** A source running on its own thread; {@link #stopAndJoin()} checks that it ended promptly and cleanly. */
    static final class Running implements AutoCloseable {
        final FeedSource source;
        final Thread thread;
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Running(FeedSource source, EventSink sink) {
            STARTED.add(this);
            this.source = source;
            this.thread = Thread.ofPlatform()
                    .name("feed-source-under-test")
                    .daemon()
                    .start(() -> {
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

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    /** A config for loopback tests: intervals in milliseconds, no jitter, fast retries, short timeouts. */
    static FeedConfig fast(List<URI> feeds, Duration interval) {
        return FeedConfig.of(feeds.stream()
                        .map(url -> new FeedSubscription(url, Optional.empty(), Optional.empty()))
                        .toList())
                .withInterval(interval, 0)
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(80))
                .withRequestTimeout(Duration.ofSeconds(2))
                .withSourceId("feeds-test");
    }

    /** A loopback URL where nothing listens: connecting to it is refused at once. */
    static URI deadUrl(String path) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
