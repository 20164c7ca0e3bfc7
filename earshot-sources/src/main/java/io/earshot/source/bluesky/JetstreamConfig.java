package io.earshot.source.bluesky;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a {@link JetstreamSource} connects and batches. Start from {@link #defaults()} and change what you
 * need with the {@code with…} methods.
 *
 * @param endpoints Jetstream {@code /subscribe} URLs, tried in turn: on a failure the source moves to the next
 * @param wantedCollections collections (or prefixes such as {@code app.bsky.graph.*}) Jetstream should send;
 *     empty means all of them, which is ~20× more traffic
 * @param wantedDids only these accounts' events; empty means everyone
 * @param cursorRewind how far before the committed cursor to resume, so events Jetstream stamped out of order
 *     around the cursor are not missed (replays are idempotent downstream)
 * @param initialBackoff the first retry delay; it doubles per consecutive failure, with full jitter
 * @param maxBackoff the longest retry delay
 * @param batchSize messages per delivered batch, and how many messages may be in flight at once
 * @param batchLinger how long a partial batch waits for more messages before it is delivered
 * @param sourceId the id the cursor is stored under and the status is shown as
 */
public record JetstreamConfig(
        List<URI> endpoints,
        List<String> wantedCollections,
        List<String> wantedDids,
        Duration cursorRewind,
        Duration initialBackoff,
        Duration maxBackoff,
        int batchSize,
        Duration batchLinger,
        String sourceId) {

    /** The four public instances run by Bluesky. */
    public static final List<URI> PUBLIC_ENDPOINTS = List.of(
            URI.create("wss://jetstream2.us-east.bsky.network/subscribe"),
            URI.create("wss://jetstream1.us-east.bsky.network/subscribe"),
            URI.create("wss://jetstream1.us-west.bsky.network/subscribe"),
            URI.create("wss://jetstream2.us-west.bsky.network/subscribe"));

    /** What social listening needs: posts and the engagement and graph events around them. */
    public static final List<String> DEFAULT_COLLECTIONS =
            List.of(BlueskyIds.POST_COLLECTION, JetstreamMapper.LIKE, JetstreamMapper.REPOST, JetstreamMapper.FOLLOW);

    /** Jetstream's own limits on the subscribe parameters. */
    static final int MAX_WANTED_COLLECTIONS = 100;

    static final int MAX_WANTED_DIDS = 10_000;

    public JetstreamConfig {
        endpoints = List.copyOf(endpoints);
        wantedCollections = List.copyOf(wantedCollections);
        wantedDids = List.copyOf(wantedDids);
        Objects.requireNonNull(cursorRewind, "cursorRewind");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(batchLinger, "batchLinger");
        Objects.requireNonNull(sourceId, "sourceId");
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException(
                    "bluesky: at least one Jetstream endpoint is needed, e.g. " + PUBLIC_ENDPOINTS.getFirst());
        }
        for (URI endpoint : endpoints) {
            String scheme =
                    endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("ws") && !scheme.equals("wss") || endpoint.getHost() == null) {
                throw new IllegalArgumentException(
                        "bluesky: a Jetstream endpoint is a ws:// or wss:// URL with a host, got '" + endpoint + "'");
            }
            if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
                throw new IllegalArgumentException("bluesky: give the endpoint without a query (the source adds"
                        + " wantedCollections, wantedDids and cursor itself), got '" + endpoint + "'");
            }
        }
        if (wantedCollections.size() > MAX_WANTED_COLLECTIONS || wantedDids.size() > MAX_WANTED_DIDS) {
            throw new IllegalArgumentException("bluesky: Jetstream accepts at most " + MAX_WANTED_COLLECTIONS
                    + " wanted collections and " + MAX_WANTED_DIDS + " wanted DIDs; got " + wantedCollections.size()
                    + " and " + wantedDids.size());
        }
        if (wantedCollections.stream().anyMatch(String::isBlank)
                || wantedDids.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("bluesky: wanted collections and DIDs cannot be blank");
        }
        requireNotNegative("cursorRewind", cursorRewind);
        requireNotNegative("batchLinger", batchLinger);
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("bluesky: backoff needs 0 < initialBackoff <= maxBackoff, got "
                    + initialBackoff + " and " + maxBackoff);
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("bluesky: batchSize must be 1 to 100000, got " + batchSize);
        }
        if (sourceId.isBlank()) {
            throw new IllegalArgumentException("bluesky: sourceId cannot be blank");
        }
    }

    /**
     * The public instances, posts, likes, reposts and follows from everyone, a 5 s rewind, retries from 1 s
     * up to 1 min, batches of 500 messages or 250 ms, source id {@code bluesky}.
     */
    public static JetstreamConfig defaults() {
        return new JetstreamConfig(
                PUBLIC_ENDPOINTS,
                DEFAULT_COLLECTIONS,
                List.of(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Duration.ofMinutes(1),
                500,
                Duration.ofMillis(250),
                "bluesky");
    }

    public JetstreamConfig withEndpoints(List<URI> newEndpoints) {
        return new JetstreamConfig(
                newEndpoints,
                wantedCollections,
                wantedDids,
                cursorRewind,
                initialBackoff,
                maxBackoff,
                batchSize,
                batchLinger,
                sourceId);
    }

    public JetstreamConfig withWantedCollections(List<String> collections) {
        return new JetstreamConfig(
                endpoints,
                collections,
                wantedDids,
                cursorRewind,
                initialBackoff,
                maxBackoff,
                batchSize,
                batchLinger,
                sourceId);
    }

    public JetstreamConfig withWantedDids(List<String> dids) {
        return new JetstreamConfig(
                endpoints,
                wantedCollections,
                dids,
                cursorRewind,
                initialBackoff,
                maxBackoff,
                batchSize,
                batchLinger,
                sourceId);
    }

    public JetstreamConfig withCursorRewind(Duration rewind) {
        return new JetstreamConfig(
                endpoints,
                wantedCollections,
                wantedDids,
                rewind,
                initialBackoff,
                maxBackoff,
                batchSize,
                batchLinger,
                sourceId);
    }

    public JetstreamConfig withBackoff(Duration initial, Duration max) {
        return new JetstreamConfig(
                endpoints, wantedCollections, wantedDids, cursorRewind, initial, max, batchSize, batchLinger, sourceId);
    }

    public JetstreamConfig withBatching(int size, Duration linger) {
        return new JetstreamConfig(
                endpoints,
                wantedCollections,
                wantedDids,
                cursorRewind,
                initialBackoff,
                maxBackoff,
                size,
                linger,
                sourceId);
    }

    public JetstreamConfig withSourceId(String id) {
        return new JetstreamConfig(
                endpoints,
                wantedCollections,
                wantedDids,
                cursorRewind,
                initialBackoff,
                maxBackoff,
                batchSize,
                batchLinger,
                id);
    }

    private static void requireNotNegative(String name, Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("bluesky: " + name + " cannot be negative, got " + value);
        }
    }
}
