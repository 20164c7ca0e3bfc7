package io.earshot.source.feed;

import io.earshot.source.CursorStore;
import io.earshot.source.EventSink;
import io.earshot.source.Source;
import io.earshot.source.SourceBatch;
import io.earshot.source.SourceStatus;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Polls RSS and Atom feeds: each one every {@link FeedConfig#interval()} with jitter, by conditional GET, and
 * delivers each new version's new and changed entries as one {@link SourceBatch}.
 *
 * <p>Feeds are fetched one at a time, whichever is due first, so a feed that hangs costs the others at most
 * {@link FeedConfig#requestTimeout()}. A feed that fails (network, HTTP status, not a feed, too large, an XML
 * bomb) is retried after a backoff that doubles per failure, or after what its server asked for with
 * {@code Retry-After}; the others go on as if nothing happened.
 *
 * <p>The cursor of each batch holds every feed's validators ({@link FeedCursor}), so after a restart an
 * unchanged feed answers {@code 304}. The source never commits it: the pipeline does, after storing the batch.
 */
public final class FeedSource implements Source {

    private static final Logger log = LoggerFactory.getLogger(FeedSource.class);

    private final FeedConfig config;
    private final CursorStore cursors;
    private final FeedMapper mapper;
    private final Clock clock;
    private final FeedBoard board;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    public FeedSource(FeedConfig config, CursorStore cursors) {
        this(config, cursors, Clock.systemUTC());
    }

    /** For tests: a clock for the dates in the status and of undated entries. */
    FeedSource(FeedConfig config, CursorStore cursors, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mapper = new FeedMapper();
        this.board = new FeedBoard(config);
    }

    @Override
    public String id() {
        return config.sourceId();
    }

    @Override
    public SourceStatus status() {
        return board.snapshot();
    }

    /** Each feed's own status, in the order of the config. */
    public List<FeedStatus> feeds() {
        return board.feeds();
    }

    @Override
    public void stop() {
        stopped.complete(null);
    }

    @Override
    public void run(EventSink sink) throws InterruptedException {
        Objects.requireNonNull(sink, "sink");
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException(
                    config.sourceId() + ": this source has already run; build a new FeedSource");
        }
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(config.requestTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        try {
            List<FeedState> feeds = initialStates();
            while (!stopped.isDone()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException(config.sourceId() + ": interrupted");
                }
                FeedState next = feeds.stream()
                        .min(Comparator.comparingLong(f -> f.dueNanos))
                        .orElseThrow();
                long wait = next.dueNanos - System.nanoTime();
                if (wait > 0) {
                    sleepUnlessStopped(wait);
                    continue;
                }
                poll(next, feeds, http, sink);
            }
            board.stopped();
        } catch (InterruptedException e) {
            board.stopped();
            throw e;
        } catch (RuntimeException e) {
            board.crashed(config.sourceId() + ": stopped by an unexpected error: " + e);
            throw e;
        } finally {
            http.shutdownNow();
        }
    }

    /** Every configured feed, due now, with the validators of the committed cursor. */
    private List<FeedState> initialStates() {
        Map<String, Validators> known = cursors.get(config.sourceId())
                .flatMap(cursor -> {
                    Optional<Map<String, Validators>> parsed = FeedCursor.parse(cursor);
                    if (parsed.isEmpty()) {
                        log.warn("{}: stored cursor is not a feed cursor; fetching every feed in full", id());
                    }
                    return parsed;
                })
                .orElse(Map.of());
        long now = System.nanoTime();
        List<FeedState> feeds = new ArrayList<>();
        for (FeedSubscription subscription : config.feeds()) {
            Validators validators = known.getOrDefault(subscription.url().toString(), Validators.NONE);
            feeds.add(new FeedState(subscription, config.intervalOf(subscription), validators, now));
        }
        return feeds;
    }

    private void poll(FeedState feed, List<FeedState> feeds, HttpClient http, EventSink sink)
            throws InterruptedException {
        Instant fetchedAt = clock.instant();
        board.fetching(feed.url, fetchedAt);
        FeedHttp.Fetch fetch =
                FeedHttp.get(http, feed.url, feed.validators, config.requestTimeout(), config.maxBodyBytes(), stopped);
        switch (fetch) {
            case FeedHttp.Fetch.Stopped stop -> {}
            case FeedHttp.Fetch.NotModified notModified -> {
                board.notModified(feed.url, fetchedAt);
                recovered(feed);
                schedule(feed, jittered(feed.interval));
            }
            case FeedHttp.Fetch.Failed failed -> failed(feed, failed.reason(), failed.retryAfter());
            case FeedHttp.Fetch.Fetched fetched -> {
                FeedMapper.Parsed parsed;
                try {
                    parsed = mapper.parse(feed.url, fetched.body(), fetched.contentType(), fetchedAt);
                } catch (UnreadableFeedException e) {
                    failed(feed, e.getMessage(), Optional.empty());
                    return;
                }
                deliver(feed, feeds, parsed, fetched.validators(), fetchedAt, sink);
            }
        }
    }

    /** Hands the new and changed entries to the sink, with a cursor holding the feed's new validators. */
    private void deliver(
            FeedState feed,
            List<FeedState> feeds,
            FeedMapper.Parsed parsed,
            Validators validators,
            Instant fetchedAt,
            EventSink sink)
            throws InterruptedException {
        FeedState.Changes changes = feed.changes(parsed.posts());
        if (!changes.events().isEmpty() || !validators.equals(feed.validators)) {
            Map<String, Validators> all = new LinkedHashMap<>();
            feeds.forEach(f -> all.put(f.url.toString(), f == feed ? validators : f.validators));
            String cursor = FeedCursor.format(all);
            sink.accept(new SourceBatch(config.sourceId(), changes.events(), Optional.of(cursor)));
            board.delivered(cursor);
        }
        feed.remember(changes);
        feed.validators = validators;
        board.fetched(feed.url, parsed.title(), fetchedAt, changes.events().size());
        board.skipped(FeedBoard.UNCHANGED, changes.unchanged());
        board.skipped(FeedBoard.REPEATED, parsed.duplicates());
        board.skipped(FeedBoard.UNIDENTIFIED, parsed.unidentified());
        recovered(feed);
        schedule(feed, jittered(feed.interval));
    }

    private void failed(FeedState feed, String reason, Optional<Duration> retryAfter) {
        feed.failures++;
        board.failed(feed.url, reason);
        Duration delay = backoff(feed.failures);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
            delay = retryAfter.get();
        }
        log.warn("{}: {}: {}; retrying in {}", id(), feed.url, reason, Sizes.human(delay));
        schedule(feed, delay);
    }

    private void recovered(FeedState feed) {
        if (feed.failures > 0) {
            log.info("{}: {} is back after {} failed fetch(es)", id(), feed.url, feed.failures);
        }
        feed.failures = 0;
    }

    private void schedule(FeedState feed, Duration delay) {
        feed.dueNanos = System.nanoTime() + delay.toNanos();
        board.scheduled(feed.url, clock.instant().plus(delay));
    }

    /** The interval, moved by up to ±jitter of itself. */
    private Duration jittered(Duration interval) {
        double factor = 1 + config.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofNanos(Math.max(1, (long) (interval.toNanos() * factor)));
    }

    /** Equal jitter: a delay in [ceiling/2, ceiling], where the ceiling doubles per failure up to the maximum. */
    private Duration backoff(int failures) {
        long max = config.maxBackoff().toNanos();
        long initial = config.initialBackoff().toNanos();
        int doublings = Math.max(0, failures - 1);
        long ceiling = doublings >= 62 || initial > (max >> doublings) ? max : initial << doublings;
        long half = ceiling / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    private void sleepUnlessStopped(long nanos) throws InterruptedException {
        try {
            stopped.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // slept the whole delay
        } catch (ExecutionException e) {
            throw new IllegalStateException(e); // never: the stop future is only completed normally
        }
    }
}
