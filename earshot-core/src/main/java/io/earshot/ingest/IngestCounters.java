package io.earshot.ingest;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What the pipeline did, counted; read by {@code /health} and {@code /metrics}. Thread-safe. */
public final class IngestCounters {

    private final LongAdder queued = new LongAdder();
    private final LongAdder postsStored = new LongAdder();
    private final LongAdder mentionsStored = new LongAdder();
    private final LongAdder postsDeleted = new LongAdder();
    private final LongAdder postsRefusedAsDeleted = new LongAdder();
    private final LongAdder interactionsCounted = new LongAdder();
    private final LongAdder interactionsReplayed = new LongAdder();
    private final LongAdder interactionsUntracked = new LongAdder();
    private final LongAdder interactionsUndone = new LongAdder();
    private final LongAdder accountChanges = new LongAdder();
    private final LongAdder failures = new LongAdder();

    void queued(int events) {
        queued.add(events);
    }

    void postStored(boolean mention) {
        postsStored.increment();
        if (mention) {
            mentionsStored.increment();
        }
    }

    void postsDeleted(int count) {
        postsDeleted.add(count);
    }

    void refusedAsDeleted() {
        postsRefusedAsDeleted.increment();
    }

    void interactionCounted() {
        interactionsCounted.increment();
    }

    void interactionReplayed() {
        interactionsReplayed.increment();
    }

    void interactionUntracked() {
        interactionsUntracked.increment();
    }

    void interactionUndone() {
        interactionsUndone.increment();
    }

    void accountChanged() {
        accountChanges.increment();
    }

    void failed() {
        failures.increment();
    }

    /** A snapshot, by stable names (used as metric names with an {@code earshot_ingest_} prefix). */
    public Map<String, Long> snapshot() {
        return Map.ofEntries(
                Map.entry("events_queued", queued.sum()),
                Map.entry("posts_stored", postsStored.sum()),
                Map.entry("mentions_stored", mentionsStored.sum()),
                Map.entry("posts_deleted", postsDeleted.sum()),
                Map.entry("posts_refused_as_deleted", postsRefusedAsDeleted.sum()),
                Map.entry("interactions_counted", interactionsCounted.sum()),
                Map.entry("interactions_replayed", interactionsReplayed.sum()),
                Map.entry("interactions_untracked", interactionsUntracked.sum()),
                Map.entry("interactions_undone", interactionsUndone.sum()),
                Map.entry("account_changes", accountChanges.sum()),
                Map.entry("storage_failures", failures.sum()));
    }
}
