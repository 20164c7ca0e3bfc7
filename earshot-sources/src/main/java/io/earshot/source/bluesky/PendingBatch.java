package io.earshot.source.bluesky;

import io.earshot.source.SourceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The batch being gathered for the sink: its events, the highest {@code time_us} among its messages (the
 * batch's cursor), and how many messages it holds (each one used up a unit of WebSocket demand, which is
 * given back when the sink takes the batch). Skipped messages are held too, so their positions move the
 * cursor on even when a batch has no events.
 */
final class PendingBatch {

    private final List<SourceEvent> events = new ArrayList<>();
    private int messages;
    private long cursor = -1;
    private long firstAddedNanos;

    void add(List<SourceEvent> newEvents, Optional<String> position, long nowNanos) {
        if (messages == 0) {
            firstAddedNanos = nowNanos;
        }
        messages++;
        events.addAll(newEvents);
        position.flatMap(PendingBatch::micros).ifPresent(micros -> cursor = Math.max(cursor, micros));
    }

    boolean isEmpty() {
        return messages == 0;
    }

    int messages() {
        return messages;
    }

    List<SourceEvent> events() {
        return events;
    }

    Optional<String> cursor() {
        return cursor < 0 ? Optional.empty() : Optional.of(Long.toString(cursor));
    }

    /** Nanoseconds left before a batch started at {@link #add} should go out even if not full; at least 0. */
    long lingerLeftNanos(long lingerNanos, long nowNanos) {
        return Math.max(0, lingerNanos - (nowNanos - firstAddedNanos));
    }

    void clear() {
        events.clear();
        messages = 0;
        cursor = -1;
    }

    static Optional<Long> micros(String position) {
        try {
            long value = Long.parseLong(position);
            return value >= 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
