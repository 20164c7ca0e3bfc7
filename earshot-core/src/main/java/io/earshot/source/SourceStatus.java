package io.earshot.source;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a source's health, shown in {@code /health} and {@code /api/v1/sources}.
 *
 * @param events messages received and mapped into events
 * @param skipped messages understood but not used, by reason
 * @param errors messages rejected plus connection failures
 * @param lastEventAt when the last message arrived
 * @param lastError the most recent error, for a person to read
 */
public record SourceStatus(
        String id,
        String type,
        SourceState state,
        String endpoint,
        long events,
        Map<String, Long> skipped,
        long errors,
        Optional<Instant> lastEventAt,
        Optional<String> lastError,
        Optional<String> cursor) {
    public SourceStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(endpoint, "endpoint");
        skipped = Map.copyOf(skipped);
        Objects.requireNonNull(lastEventAt, "lastEventAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(cursor, "cursor");
    }
}
