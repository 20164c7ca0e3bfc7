package io.earshot.source.feed;

import io.earshot.source.SourceState;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one feed of a {@link FeedSource} stands, for a person looking for the feed that misbehaves.
 *
 * @param state {@code STARTING} before its first fetch, {@code CONNECTED} when its last fetch worked,
 *     {@code RETRYING} when it failed
 * @param title the title the feed gives itself, else the subscription's
 * @param fetches requests made
 * @param notModified of those, answered {@code 304 Not Modified}
 * @param entries entries delivered as new or changed posts
 * @param errors failed fetches (network, HTTP status, not a feed, too large, XML bombs)
 * @param lastFetchAt when the last request started
 * @param lastSuccessAt when a request last got a feed or a {@code 304}
 * @param lastError the reason the last failure gave, e.g. {@code not a feed: got an HTML page}
 * @param nextFetchAt when the feed is due again
 */
public record FeedStatus(
        URI url,
        SourceState state,
        Optional<String> title,
        long fetches,
        long notModified,
        long entries,
        long errors,
        Optional<Instant> lastFetchAt,
        Optional<Instant> lastSuccessAt,
        Optional<String> lastError,
        Optional<Instant> nextFetchAt) {

    public FeedStatus {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(lastFetchAt, "lastFetchAt");
        Objects.requireNonNull(lastSuccessAt, "lastSuccessAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(nextFetchAt, "nextFetchAt");
    }
}
