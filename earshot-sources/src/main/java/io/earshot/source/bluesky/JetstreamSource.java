package io.earshot.source.bluesky;

import io.earshot.source.CursorStore;
import io.earshot.source.EventSink;
import io.earshot.source.Source;
import io.earshot.source.SourceBatch;
import io.earshot.source.SourceState;
import io.earshot.source.SourceStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams Bluesky events from Jetstream over a WebSocket, maps them with a {@link JetstreamMapper} and
 * delivers them in {@link SourceBatch}es whose cursor is the highest {@code time_us} in the batch.
 *
 * <p>Resuming: every connection starts from the cursor committed in the {@link CursorStore}, minus
 * {@link JetstreamConfig#cursorRewind()}, so whatever was in flight when a connection dropped comes again
 * (downstream writes are idempotent). The first start ever, with no cursor, goes live.
 *
 * <p>Failures (refused, reset, closed, timed out, silent) put the source in {@link SourceState#RETRYING}: it
 * waits an exponentially growing, fully jittered delay and tries the next endpoint. {@link #stop()} closes the
 * socket and makes {@link #run} return; if the sink is blocked at that moment, {@code run} returns when the
 * sink does (or when its thread is interrupted).
 */
public final class JetstreamSource implements Source {

    private static final Logger log = LoggerFactory.getLogger(JetstreamSource.class);

    private final JetstreamConfig config;
    private final CursorStore cursors;
    private final JetstreamMapper mapper;
    private final JetstreamConnection.Liveness liveness;
    private final StatusBoard status;
    private final RejectionLog rejections;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    /** Whole messages taken off the socket, before the run loop sees them: what flow control bounds. */
    private final AtomicLong received = new AtomicLong();

    private volatile JetstreamConnection current;
    // touched by the run thread only
    private long lastDeliveredCursor = -1;

    /** A source with the default {@link JetstreamMapper} (1 MiB message limit). */
    public JetstreamSource(JetstreamConfig config, CursorStore cursors) {
        this(config, cursors, new JetstreamMapper());
    }

    /** A source whose messages are mapped, and capped in size, by {@code mapper}. */
    public JetstreamSource(JetstreamConfig config, CursorStore cursors, JetstreamMapper mapper) {
        this(config, cursors, mapper, JetstreamConnection.Liveness.DEFAULT);
    }

    /** For tests: liveness checks in milliseconds instead of half-minutes. */
    JetstreamSource(
            JetstreamConfig config,
            CursorStore cursors,
            JetstreamMapper mapper,
            JetstreamConnection.Liveness liveness) {
        this.config = Objects.requireNonNull(config, "config");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.liveness = Objects.requireNonNull(liveness, "liveness");
        this.status = new StatusBoard(config.sourceId(), Clock.systemUTC());
        this.rejections = new RejectionLog(status);
        status.endpoint(config.endpoints().getFirst().toString());
    }

    @Override
    public String id() {
        return config.sourceId();
    }

    @Override
    public SourceStatus status() {
        return status.snapshot();
    }

    /** Messages read from the socket so far (for tests of flow control). */
    long messagesReceived() {
        return received.get();
    }

    @Override
    public void stop() {
        stopped.complete(null);
        JetstreamConnection connection = current;
        if (connection != null) {
            connection.wakeUp();
        }
    }

    @Override
    public void run(EventSink sink) throws InterruptedException {
        Objects.requireNonNull(sink, "sink");
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("bluesky: this source has already run; build a new JetstreamSource");
        }
        try {
            int failures = 0;
            int endpoint = 0;
            while (!stopping()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("bluesky: interrupted");
                }
                URI uri = config.endpoints().get(endpoint);
                status.endpoint(uri.toString());
                JetstreamConnection.Ended ended = connect(uri, sink);
                if (stopping()) {
                    break;
                }
                failures = ended.receivedAny() ? 0 : failures + 1;
                Duration delay = backoff(Math.max(0, failures - 1));
                status.state(SourceState.RETRYING);
                status.error(ended.problem());
                log.warn("bluesky: {}; retrying in {}", ended.problem(), human(delay));
                endpoint = (endpoint + 1) % config.endpoints().size();
                sleepUnlessStopped(delay);
            }
            status.state(SourceState.STOPPED);
        } catch (InterruptedException e) {
            status.state(SourceState.STOPPED);
            throw e;
        } catch (RuntimeException e) {
            status.state(SourceState.FAILED);
            status.error("bluesky: stopped by an unexpected error: " + e);
            throw e;
        } finally {
            current = null;
        }
    }

    private JetstreamConnection.Ended connect(URI endpoint, EventSink sink) throws InterruptedException {
        OptionalLong cursor = resumeCursor();
        URI uri = SubscribeUri.build(endpoint, config.wantedCollections(), config.wantedDids(), cursor);
        JetstreamConnection connection = new JetstreamConnection(
                config, mapper, status, rejections, liveness, received, stopped, this::delivered);
        // set before connecting: a stop() from now on wakes this connection, one before it is seen by run()
        current = connection;
        String note = cursor.isPresent() ? "resuming from cursor " + cursor.getAsLong() : "live, no cursor yet";
        return connection.run(endpoint, uri, note, sink);
    }

    private void delivered(long cursor) {
        lastDeliveredCursor = Math.max(lastDeliveredCursor, cursor);
        status.delivered(Long.toString(lastDeliveredCursor));
    }

    /**
     * The cursor to connect with: the committed one, rewound. When nothing was committed yet but this run
     * delivered batches, their cursor is used instead: those events are in the pipeline's hands, and going
     * live would skip whatever arrived while we reconnected.
     */
    private OptionalLong resumeCursor() {
        Optional<String> committed = cursors.get(config.sourceId());
        long base = committed.flatMap(PendingBatch::micros).orElse(-1L);
        if (committed.isPresent() && base < 0) {
            log.warn(
                    "bluesky: stored cursor '{}' for '{}' is not unix microseconds; ignoring it",
                    committed.get(),
                    config.sourceId());
        }
        if (base < 0) {
            base = lastDeliveredCursor;
        }
        if (base < 0) {
            return OptionalLong.empty();
        }
        long rewind = TimeUnit.MICROSECONDS.convert(config.cursorRewind());
        return OptionalLong.of(Math.max(0, base - rewind));
    }

    /** Full jitter: a uniform delay in [0, min(max, initial × 2^failures)]. */
    private Duration backoff(int failures) {
        long max = TimeUnit.NANOSECONDS.convert(config.maxBackoff());
        long initial = TimeUnit.NANOSECONDS.convert(config.initialBackoff());
        long ceiling = failures >= 62 || initial > (max >> failures) ? max : initial << failures;
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    private void sleepUnlessStopped(Duration delay) throws InterruptedException {
        try {
            stopped.get(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // slept the whole delay
        } catch (ExecutionException e) {
            throw new IllegalStateException(e); // never: the stop future is only completed normally
        }
    }

    private boolean stopping() {
        return stopped.isDone();
    }

    static String human(Duration delay) {
        long millis = delay.toMillis();
        if (millis < 1_000) {
            return millis + "ms";
        }
        double seconds = Math.round(millis / 100.0) / 10.0;
        return (seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds)) + "s";
    }
}
