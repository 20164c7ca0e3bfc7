package io.earshot.source.mastodon;

import io.earshot.source.SourceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The batch being gathered for the sink: its events, the newest status id among its messages, and how many
 * messages it holds. Skipped messages count too, so a stream of them still reaches the sink on time.
 */
final class PendingBatch {

    private final List<SourceEvent> events = new ArrayList<>();
    private int messages;
    private String newest;
    private long firstAddedNanos;

    void add(List<SourceEvent> newEvents, Optional<String> position, long nowNanos) {
        if (messages == 0) {
            firstAddedNanos = nowNanos;
        }
        messages++;
        events.addAll(newEvents);
        position.ifPresent(id -> newest = newest == null ? id : MastodonIds.newer(newest, id));
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

    /** The newest status id in the batch, when it holds one. */
    Optional<String> newest() {
        return Optional.ofNullable(newest);
    }

    /** Nanoseconds left before a batch started at {@link #add} should go out even if not full; at least 0. */
    long lingerLeftNanos(long lingerNanos, long nowNanos) {
        return Math.max(0, lingerNanos - (nowNanos - firstAddedNanos));
    }

    void clear() {
        events.clear();
        messages = 0;
        newest = null;
    }
}
