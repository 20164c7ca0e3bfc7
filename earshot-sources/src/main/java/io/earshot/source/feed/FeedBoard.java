package io.earshot.source.feed;

import io.earshot.source.SourceState;
import io.earshot.source.SourceStatus;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source's counters and each feed's, written by the run loop and read from any thread (health checks, the
 * API). One lock keeps every snapshot consistent; it is taken a few times per fetch, so it costs nothing.
 *
 * <p>The source as a whole is {@code CONNECTED} while at least one feed's last fetch worked, {@code RETRYING}
 * when every fetched feed is failing: one broken feed among many shows in its own status and in the error
 * count, not as the whole source being down.
 */
final class FeedBoard {

    static final String NOT_MODIFIED = "not-modified";
    static final String UNCHANGED = "unchanged";
    static final String REPEATED = "repeated-in-feed";
    static final String UNIDENTIFIED = "no-id";

    private static final class Feed {
        final URI url;
        SourceState state = SourceState.STARTING;
        Optional<String> title;
        long fetches;
        long notModified;
        long entries;
        long errors;
        Instant lastFetchAt;
        Instant lastSuccessAt;
        String lastError;
        Instant nextFetchAt;

        Feed(FeedSubscription subscription) {
            this.url = subscription.url();
            this.title = subscription.title();
        }
    }

    private final String id;
    private final String endpoint;
    private final Map<URI, Feed> feeds = new LinkedHashMap<>();
    private final Map<String, Long> skipped = new HashMap<>();
    private boolean stopped;
    private boolean failed;
    private long events;
    private long errors;
    private Instant lastEventAt;
    private String lastError;
    private String cursor;

    FeedBoard(FeedConfig config) {
        this.id = config.sourceId();
        this.endpoint = config.feeds().size() == 1
                ? config.feeds().getFirst().url().toString()
                : config.feeds().size() + " feeds";
        config.feeds().forEach(subscription -> feeds.put(subscription.url(), new Feed(subscription)));
    }

    synchronized void fetching(URI url, Instant at) {
        Feed feed = feeds.get(url);
        feed.fetches++;
        feed.lastFetchAt = at;
    }

    synchronized void fetched(URI url, Optional<String> title, Instant at, int delivered) {
        Feed feed = succeeded(url, at);
        title.ifPresent(value -> feed.title = Optional.of(value));
        feed.entries += delivered;
        events += delivered;
    }

    synchronized void notModified(URI url, Instant at) {
        succeeded(url, at).notModified++;
        skipped(NOT_MODIFIED, 1);
    }

    synchronized void skipped(String reason, long count) {
        if (count > 0) {
            skipped.merge(reason, count, Long::sum);
        }
    }

    synchronized void failed(URI url, String reason) {
        Feed feed = feeds.get(url);
        feed.state = SourceState.RETRYING;
        feed.errors++;
        feed.lastError = reason;
        errors++;
        lastError = url + ": " + reason;
    }

    synchronized void scheduled(URI url, Instant next) {
        feeds.get(url).nextFetchAt = next;
    }

    synchronized void delivered(String newCursor) {
        cursor = newCursor;
    }

    synchronized void stopped() {
        stopped = true;
    }

    /** The run loop ended on an error it could not handle; {@code message} says which. */
    synchronized void crashed(String message) {
        failed = true;
        errors++;
        lastError = message;
    }

    synchronized SourceStatus snapshot() {
        return new SourceStatus(
                id,
                "feed",
                state(),
                endpoint,
                events,
                skipped,
                errors,
                Optional.ofNullable(lastEventAt),
                Optional.ofNullable(lastError),
                Optional.ofNullable(cursor));
    }

    synchronized List<FeedStatus> feeds() {
        List<FeedStatus> statuses = new ArrayList<>(feeds.size());
        for (Feed feed : feeds.values()) {
            statuses.add(new FeedStatus(
                    feed.url,
                    feed.state,
                    feed.title,
                    feed.fetches,
                    feed.notModified,
                    feed.entries,
                    feed.errors,
                    Optional.ofNullable(feed.lastFetchAt),
                    Optional.ofNullable(feed.lastSuccessAt),
                    Optional.ofNullable(feed.lastError),
                    Optional.ofNullable(feed.nextFetchAt)));
        }
        return statuses;
    }

    synchronized SourceState state() {
        if (failed) {
            return SourceState.FAILED;
        }
        if (stopped) {
            return SourceState.STOPPED;
        }
        boolean retrying = false;
        for (Feed feed : feeds.values()) {
            if (feed.state == SourceState.CONNECTED) {
                return SourceState.CONNECTED;
            }
            retrying |= feed.state == SourceState.RETRYING;
        }
        return retrying ? SourceState.RETRYING : SourceState.STARTING;
    }

    private Feed succeeded(URI url, Instant at) {
        Feed feed = feeds.get(url);
        feed.state = SourceState.CONNECTED;
        feed.lastSuccessAt = at;
        lastEventAt = at;
        return feed;
    }
}
