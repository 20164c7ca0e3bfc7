package io.earshot.source.feed;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link FeedSource} polls. Start from {@link #of(List)} and change what you need with the {@code with…}
 * methods.
 *
 * @param feeds the feeds to follow (at least one; each address once)
 * @param interval how often each feed is fetched, unless its subscription says otherwise
 * @param jitter how far each wait may stray from the interval, as a fraction (0.1: ±10%), so that feeds added
 *     together drift apart and a server never sees us at exact multiples of the interval
 * @param initialBackoff the wait after a feed's first failure; it doubles per consecutive failure
 * @param maxBackoff the longest wait after failures
 * @param requestTimeout how long one fetch, body included, may take
 * @param maxBodyBytes the largest feed read; anything larger is cut off at this size and reported
 * @param sourceId the id the cursor is stored under and the status is shown as
 */
public record FeedConfig(
        List<FeedSubscription> feeds,
        Duration interval,
        double jitter,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration requestTimeout,
        long maxBodyBytes,
        String sourceId) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);

    /** Polling more often than this is rude to the sites we read; {@link #requireProductionLimits()} enforces it. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    public static final long DEFAULT_MAX_BODY_BYTES = 10L << 20;

    public FeedConfig {
        feeds = List.copyOf(feeds);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(sourceId, "sourceId");
        if (feeds.isEmpty()) {
            throw new IllegalArgumentException("feed: list at least one feed, e.g. https://example.com/feed.xml");
        }
        Map<String, FeedSubscription> byKey = new HashMap<>();
        for (FeedSubscription feed : feeds) {
            FeedSubscription before = byKey.put(FeedIds.feedKey(feed.url()), feed);
            if (before != null) {
                throw new IllegalArgumentException(
                        "feed: " + feed.url() + " is listed twice (also as " + before.url() + "); list each feed once");
            }
        }
        requirePositive("interval", interval);
        requirePositive("requestTimeout", requestTimeout);
        if (!(jitter >= 0 && jitter <= 0.5)) {
            throw new IllegalArgumentException("feed: jitter is a fraction from 0 to 0.5, got " + jitter);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("feed: backoff needs 0 < initialBackoff <= maxBackoff, got "
                    + initialBackoff + " and " + maxBackoff);
        }
        if (maxBodyBytes < 1 || maxBodyBytes > 1L << 30) {
            throw new IllegalArgumentException("feed: maxBodyBytes must be 1 to 1 GiB, got " + maxBodyBytes);
        }
        if (sourceId.isBlank()) {
            throw new IllegalArgumentException("feed: sourceId cannot be blank");
        }
    }

    /**
     * The given feeds every 15 min (±10%), retries from 1 min doubling up to 1 h, 30 s per fetch, feeds up to
     * 10 MiB, source id {@code feeds}.
     */
    public static FeedConfig of(List<FeedSubscription> feeds) {
        return new FeedConfig(
                feeds,
                DEFAULT_INTERVAL,
                0.1,
                Duration.ofMinutes(1),
                Duration.ofHours(1),
                Duration.ofSeconds(30),
                DEFAULT_MAX_BODY_BYTES,
                "feeds");
    }

    /**
     * This config, when every interval is at least {@link #MIN_INTERVAL}; the config file loader calls it, so a
     * user cannot poll someone's site every second (tests use milliseconds and do not call it).
     */
    public FeedConfig requireProductionLimits() {
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException(
                    "feed: the interval must be at least 1 min, got " + Sizes.human(interval));
        }
        for (FeedSubscription feed : feeds) {
            if (feed.interval()
                    .filter(every -> every.compareTo(MIN_INTERVAL) < 0)
                    .isPresent()) {
                throw new IllegalArgumentException("feed: the interval of " + feed.url() + " must be at least 1 min,"
                        + " got " + Sizes.human(feed.interval().get()));
            }
        }
        return this;
    }

    /** The interval {@code feed} is polled at: its own, or the source's. */
    public Duration intervalOf(FeedSubscription feed) {
        return feed.interval().orElse(interval);
    }

    public FeedConfig withFeeds(List<FeedSubscription> newFeeds) {
        return new FeedConfig(
                newFeeds, interval, jitter, initialBackoff, maxBackoff, requestTimeout, maxBodyBytes, sourceId);
    }

    public FeedConfig withInterval(Duration every, double newJitter) {
        return new FeedConfig(
                feeds, every, newJitter, initialBackoff, maxBackoff, requestTimeout, maxBodyBytes, sourceId);
    }

    public FeedConfig withBackoff(Duration initial, Duration max) {
        return new FeedConfig(feeds, interval, jitter, initial, max, requestTimeout, maxBodyBytes, sourceId);
    }

    public FeedConfig withRequestTimeout(Duration timeout) {
        return new FeedConfig(feeds, interval, jitter, initialBackoff, maxBackoff, timeout, maxBodyBytes, sourceId);
    }

    public FeedConfig withMaxBodyBytes(long bytes) {
        return new FeedConfig(feeds, interval, jitter, initialBackoff, maxBackoff, requestTimeout, bytes, sourceId);
    }

    public FeedConfig withSourceId(String id) {
        return new FeedConfig(feeds, interval, jitter, initialBackoff, maxBackoff, requestTimeout, maxBodyBytes, id);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("feed: " + name + " must be positive, got " + value);
        }
    }
}
