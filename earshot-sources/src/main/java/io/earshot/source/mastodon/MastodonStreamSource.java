package io.earshot.source.mastodon;

import io.earshot.source.CursorStore;
import io.earshot.source.EventSink;
import io.earshot.source.Source;
import io.earshot.source.SourceBatch;
import io.earshot.source.SourceState;
import io.earshot.source.SourceStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one Mastodon streaming timeline, over Server-Sent Events or a WebSocket (see {@link MastodonTransport}:
 * by default a WebSocket where the instance advertises a streaming server), maps its events with a
 * {@link MastodonStatusMapper} and delivers them in {@link SourceBatch}es whose cursor is the newest status id
 * delivered.
 *
 * <p>Resuming: Mastodon's streaming API cannot replay, so every connection first reads the stream's REST
 * timeline from the cursor committed in the {@link CursorStore} (see {@link Backfill}), then streams. The
 * first start ever, with no cursor, reads the newest page and goes live.
 *
 * <p>Failures (refused, reset, closed, timed out, silent, 5xx) put the source in {@link SourceState#RETRYING}:
 * it waits an exponentially growing, fully jittered delay and connects again; a 429 waits at least as long as
 * the instance asked. A 401 or 403 means the token is wrong: the source turns {@link SourceState#FAILED} with a
 * message saying what to fix, and {@link #run} returns, because retrying cannot help. {@link #stop()} closes the
 * connection and makes {@link #run} return after handing over the events it holds (the stream cannot send
 * them again); if the sink is blocked at that moment, {@code run} returns when the sink does.
 */
public final class MastodonStreamSource implements Source {

    private static final Logger log = LoggerFactory.getLogger(MastodonStreamSource.class);

    private final MastodonConfig config;
    private final CursorStore cursors;
    private final MastodonStatusMapper mapper;
    private final Clock clock;
    private final StatusBoard status;
    private final RejectionLog rejections;
    private final TransportChooser transports;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    private volatile StreamConnection current;
    // touched by the run thread only
    private Optional<String> lastDelivered = Optional.empty();

    /** A source with the default {@link MastodonStatusMapper} for the config's instance (1 MiB event limit). */
    public MastodonStreamSource(MastodonConfig config, CursorStore cursors) {
        this(config, cursors, new MastodonStatusMapper(config.instance()));
    }

    /** A source whose events are mapped, and capped in size, by {@code mapper}, made for the same instance. */
    public MastodonStreamSource(MastodonConfig config, CursorStore cursors, MastodonStatusMapper mapper) {
        this(config, cursors, mapper, Clock.systemUTC());
    }

    MastodonStreamSource(MastodonConfig config, CursorStore cursors, MastodonStatusMapper mapper, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!mapper.instance().equals(MastodonIds.instanceKey(config.instance()))) {
            throw new IllegalArgumentException("mastodon: the mapper is for " + mapper.instance()
                    + " but the source reads " + config.instance() + "; keys would name the wrong instance");
        }
        this.status = new StatusBoard(config.sourceId(), clock);
        this.rejections = new RejectionLog(config.sourceId(), status);
        this.transports = new TransportChooser(config);
        // until the first connection chooses (SSE or WebSocket), the instance is all we know
        status.endpoint(
                config.transport() == MastodonTransport.SSE
                        ? Endpoints.streaming(config.instance(), config.stream())
                                .toString()
                        : config.instance().toString());
    }

    @Override
    public String id() {
        return config.sourceId();
    }

    @Override
    public SourceStatus status() {
        return status.snapshot();
    }

    @Override
    public void stop() {
        stopped.complete(null);
        StreamConnection connection = current;
        if (connection != null) {
            connection.wakeUp();
        }
    }

    @Override
    public void run(EventSink sink) throws InterruptedException {
        Objects.requireNonNull(sink, "sink");
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException(
                    config.sourceId() + ": this source has already run; build a new MastodonStreamSource");
        }
        try {
            int failures = 0;
            while (!stopping()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException(config.sourceId() + ": interrupted");
                }
                StreamConnection connection = new StreamConnection(
                        config, mapper, status, rejections, stopped, clock, this::delivered, transports);
                // set before connecting: a stop() from now on wakes this connection, one before it is seen here
                current = connection;
                StreamConnection.Ended ended = connection.run(sink, resumeCursor());
                if (stopping() || ended.problem() instanceof Problem.Stopped) {
                    break;
                }
                failures = ended.receivedAny() ? 0 : failures + 1;
                Duration delay = backoff(Math.max(0, failures - 1));
                switch (ended.problem()) {
                    case Problem.Refused refused -> {
                        status.state(SourceState.FAILED);
                        status.error(refused.message());
                        log.error(
                                "{}: {}; not retrying until the source is restarted",
                                config.sourceId(),
                                refused.message());
                        return;
                    }
                    case Problem.RateLimited limited -> {
                        if (limited.retryAfter().compareTo(delay) > 0) {
                            delay = limited.retryAfter();
                        }
                    }
                    case Problem.Transient ignored -> {}
                    case Problem.Stopped ignored -> {}
                }
                status.state(SourceState.RETRYING);
                status.error(ended.problem().message());
                log.warn(
                        "{}: {}; retrying in {}",
                        config.sourceId(),
                        ended.problem().message(),
                        human(delay));
                sleepUnlessStopped(delay);
            }
            status.state(SourceState.STOPPED);
        } catch (InterruptedException e) {
            status.state(SourceState.STOPPED);
            throw e;
        } catch (RuntimeException e) {
            status.state(SourceState.FAILED);
            status.error(config.sourceId() + ": stopped by an unexpected error: " + e);
            throw e;
        } finally {
            current = null;
        }
    }

    private void delivered(String cursor) {
        lastDelivered = Optional.of(cursor);
        status.delivered(cursor);
    }

    /**
     * Where the back-fill starts: the committed cursor. When nothing was committed yet but this run delivered
     * batches, their cursor is used instead: those statuses are in the pipeline's hands, and reading only the
     * newest page would skip whatever arrived while we reconnected.
     */
    private Optional<String> resumeCursor() {
        Optional<String> committed = cursors.get(config.sourceId());
        if (committed.isPresent() && !MastodonIds.isId(committed.get())) {
            log.warn(
                    "{}: stored cursor '{}' is not a status id; ignoring it",
                    config.sourceId(),
                    Json.clip(committed.get()));
            committed = Optional.empty();
        }
        return committed.or(() -> lastDelivered);
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
