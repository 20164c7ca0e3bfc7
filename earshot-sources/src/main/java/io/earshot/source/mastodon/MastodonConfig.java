package io.earshot.source.mastodon;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link MastodonStreamSource} connects, back-fills and batches. Start from
 * {@link #of(URI, MastodonStream, Optional)} and change what you need with the {@code with…} methods. One
 * config is one stream on one instance; listening to several instances or hashtags takes several sources.
 *
 * @param instance the instance's address, e.g. {@code https://mastodon.social} (no path)
 * @param stream which timeline to follow
 * @param token a user access token with the {@code read:statuses} scope (Mastodon 4.2 and later refuse
 *     streaming without one); it is sent only to the instance, never logged and left out of {@link #toString()}
 * @param initialBackoff the first retry delay; it doubles per consecutive failure, with full jitter
 * @param maxBackoff the longest retry delay
 * @param livenessTimeout how long a connection may stay silent before it is given up as dead; Mastodon sends a
 *     heartbeat every 15 s, so this is several missed heartbeats
 * @param batchSize events per delivered batch, and how many stream events may wait in memory
 * @param batchLinger how long a partial batch waits for more events before it is delivered
 * @param backfillOverlap how far before the newest status seen the back-fill starts, to catch statuses that
 *     federated late (their ids are older than their arrival); replays are idempotent downstream
 * @param maxBackfillPages the most timeline pages (40 statuses each) one back-fill reads; 0 turns back-fill off
 * @param sourceId the id the cursor is stored under and the status is shown as
 * @param transport SSE, WebSocket, or {@link MastodonTransport#AUTO} (the default): a WebSocket where the instance
 *     advertises a streaming server, else SSE
 */
public record MastodonConfig(
        URI instance,
        MastodonStream stream,
        Optional<String> token,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration livenessTimeout,
        int batchSize,
        Duration batchLinger,
        Duration backfillOverlap,
        int maxBackfillPages,
        String sourceId,
        MastodonTransport transport) {

    static final int MAX_BACKFILL_PAGES = 10_000;

    public MastodonConfig {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(livenessTimeout, "livenessTimeout");
        Objects.requireNonNull(batchLinger, "batchLinger");
        Objects.requireNonNull(backfillOverlap, "backfillOverlap");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(transport, "transport");
        instance = normalise(instance);
        token = token.map(String::strip).filter(value -> !value.isEmpty());
        if (token.isPresent() && !token.get().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(
                    "mastodon: an access token is printable ASCII without spaces; check the token setting");
        }
        if (token.isPresent() && instance.getScheme().equals("http") && !isLoopback(instance.getHost())) {
            throw new IllegalArgumentException("mastodon: the access token would travel unencrypted to " + instance
                    + "; use https:// (plain http is allowed only for localhost, e.g. tests)");
        }
        if (token.isEmpty() && stream instanceof MastodonStream.User) {
            throw new IllegalArgumentException("mastodon: the user stream needs an access token of that user"
                    + " (Preferences > Development > New application, scope read)");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("mastodon: backoff needs 0 < initialBackoff <= maxBackoff, got "
                    + initialBackoff + " and " + maxBackoff);
        }
        if (livenessTimeout.isNegative() || livenessTimeout.isZero()) {
            throw new IllegalArgumentException("mastodon: livenessTimeout must be positive, got " + livenessTimeout);
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("mastodon: batchSize must be 1 to 100000, got " + batchSize);
        }
        if (batchLinger.isNegative() || backfillOverlap.isNegative()) {
            throw new IllegalArgumentException("mastodon: batchLinger and backfillOverlap cannot be negative, got "
                    + batchLinger + " and " + backfillOverlap);
        }
        if (maxBackfillPages < 0 || maxBackfillPages > MAX_BACKFILL_PAGES) {
            throw new IllegalArgumentException(
                    "mastodon: maxBackfillPages must be 0 to " + MAX_BACKFILL_PAGES + ", got " + maxBackfillPages);
        }
        if (sourceId.isBlank()) {
            throw new IllegalArgumentException("mastodon: sourceId cannot be blank");
        }
    }

    /**
     * {@code stream} on {@code instance} with {@code token}: retries from 1 s up to 2 min, a connection given
     * up after 60 s of silence, batches of 100 events or 250 ms, back-fill from 1 min before the newest status
     * seen and at most 50 pages (2,000 statuses), source id {@code mastodon:<instance>:<stream>}, transport
     * {@link MastodonTransport#AUTO}.
     */
    public static MastodonConfig of(URI instance, MastodonStream stream, Optional<String> token) {
        URI normalised = normalise(Objects.requireNonNull(instance, "instance"));
        return new MastodonConfig(
                normalised,
                stream,
                token,
                Duration.ofSeconds(1),
                Duration.ofMinutes(2),
                Duration.ofSeconds(60),
                100,
                Duration.ofMillis(250),
                Duration.ofMinutes(1),
                50,
                "mastodon:" + MastodonIds.instanceKey(normalised) + ":" + stream.id(),
                MastodonTransport.AUTO);
    }

    public MastodonConfig withToken(Optional<String> newToken) {
        return new MastodonConfig(
                instance,
                stream,
                newToken,
                initialBackoff,
                maxBackoff,
                livenessTimeout,
                batchSize,
                batchLinger,
                backfillOverlap,
                maxBackfillPages,
                sourceId,
                transport);
    }

    public MastodonConfig withBackoff(Duration initial, Duration max) {
        return new MastodonConfig(
                instance,
                stream,
                token,
                initial,
                max,
                livenessTimeout,
                batchSize,
                batchLinger,
                backfillOverlap,
                maxBackfillPages,
                sourceId,
                transport);
    }

    public MastodonConfig withLivenessTimeout(Duration timeout) {
        return new MastodonConfig(
                instance,
                stream,
                token,
                initialBackoff,
                maxBackoff,
                timeout,
                batchSize,
                batchLinger,
                backfillOverlap,
                maxBackfillPages,
                sourceId,
                transport);
    }

    public MastodonConfig withBatching(int size, Duration linger) {
        return new MastodonConfig(
                instance,
                stream,
                token,
                initialBackoff,
                maxBackoff,
                livenessTimeout,
                size,
                linger,
                backfillOverlap,
                maxBackfillPages,
                sourceId,
                transport);
    }

    public MastodonConfig withBackfill(Duration overlap, int maxPages) {
        return new MastodonConfig(
                instance,
                stream,
                token,
                initialBackoff,
                maxBackoff,
                livenessTimeout,
                batchSize,
                batchLinger,
                overlap,
                maxPages,
                sourceId,
                transport);
    }

    public MastodonConfig withSourceId(String id) {
        return new MastodonConfig(
                instance,
                stream,
                token,
                initialBackoff,
                maxBackoff,
                livenessTimeout,
                batchSize,
                batchLinger,
                backfillOverlap,
                maxBackfillPages,
                id,
                transport);
    }

    public MastodonConfig withTransport(MastodonTransport newTransport) {
        return new MastodonConfig(
                instance,
                stream,
                token,
                initialBackoff,
                maxBackoff,
                livenessTimeout,
                batchSize,
                batchLinger,
                backfillOverlap,
                maxBackfillPages,
                sourceId,
                newTransport);
    }

    /** Everything but the token, which must not reach logs. */
    @Override
    public String toString() {
        return "MastodonConfig[instance=" + instance + ", stream=" + stream.id() + ", token="
                + (token.isPresent() ? "(set)" : "(none)") + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", livenessTimeout=" + livenessTimeout + ", batchSize=" + batchSize
                + ", batchLinger=" + batchLinger + ", backfillOverlap=" + backfillOverlap + ", maxBackfillPages="
                + maxBackfillPages + ", sourceId=" + sourceId + ", transport=" + transport.word() + "]";
    }

    /** {@code https://host[:port]}: the scheme in lower case, without path, query or trailing slash. */
    private static URI normalise(URI instance) {
        String scheme = instance.getScheme() == null ? "" : instance.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || instance.getHost() == null) {
            throw new IllegalArgumentException(
                    "mastodon: an instance is an https:// URL with a host, e.g. https://mastodon.social; got '"
                            + instance + "'");
        }
        String path = instance.getRawPath() == null ? "" : instance.getRawPath();
        if (!path.isEmpty() && !path.equals("/")
                || instance.getRawQuery() != null
                || instance.getRawFragment() != null
                || instance.getRawUserInfo() != null) {
            throw new IllegalArgumentException("mastodon: give the instance's address alone, e.g."
                    + " https://mastodon.social, without path, query or user; got '" + instance + "'");
        }
        return URI.create(scheme + "://" + instance.getRawAuthority());
    }

    /** Loopback by its literal name only: nothing is resolved while a config is checked. */
    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost")
                || bare.matches("127(\\.\\d{1,3}){3}")
                || bare.equals("::1")
                || bare.equals("0:0:0:0:0:0:0:1");
    }
}
