package io.earshot.source.mastodon;

import io.earshot.source.SourceState;
import io.earshot.source.SourceStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A source's counters and state, written by its run loop and read from any thread (health checks, the
 * API). A lock keeps each snapshot consistent; it is uncontended, so it costs next to nothing per event.
 */
final class StatusBoard {

    /** Reasons are stable labels, but a stream of odd event names must not grow the map without bound. */
    static final int MAX_SKIP_REASONS = 64;

    static final String OTHER_REASONS = "other";

    private final String id;
    private final Clock clock;
    private SourceState state = SourceState.STARTING;
    private String endpoint = "";
    private long events;
    private final Map<String, Long> skipped = new HashMap<>();
    private long errors;
    private Instant lastEventAt;
    private String lastError;
    private String cursor;

    StatusBoard(String id, Clock clock) {
        this.id = id;
        this.clock = clock;
    }

    synchronized void state(SourceState newState) {
        state = newState;
    }

    synchronized void endpoint(String value) {
        endpoint = value;
    }

    synchronized void received() {
        lastEventAt = clock.instant();
    }

    synchronized void mapped() {
        events++;
    }

    synchronized void skipped(String reason) {
        String key = skipped.containsKey(reason) || skipped.size() < MAX_SKIP_REASONS ? reason : OTHER_REASONS;
        skipped.merge(key, 1L, Long::sum);
    }

    synchronized void error(String message) {
        errors++;
        lastError = message;
    }

    synchronized void delivered(String newCursor) {
        cursor = newCursor;
    }

    synchronized SourceStatus snapshot() {
        return new SourceStatus(
                id,
                "mastodon",
                state,
                endpoint,
                events,
                skipped,
                errors,
                Optional.ofNullable(lastEventAt),
                Optional.ofNullable(lastError),
                Optional.ofNullable(cursor));
    }
}
