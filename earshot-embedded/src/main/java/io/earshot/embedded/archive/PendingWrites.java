package io.earshot.embedded.archive;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which keys were upserted or deleted since the searcher was last refreshed. It lets
 * {@link LuceneMentionArchive#updateEngagement} tell whether a post is stored without refreshing (which would
 * flush a tiny segment for every like that follows its post in the same batch).
 *
 * <p>A refresh moves the current writes aside while Lucene reopens, and forgets them only when that reopen is
 * done: until then a lookup still finds them, so there is no moment at which a write is in neither place.
 */
final class PendingWrites {

    private Map<String, Boolean> current = new HashMap<>();
    private Map<String, Boolean> refreshing = Map.of();

    synchronized void upserted(String key) {
        current.put(key, Boolean.TRUE);
    }

    synchronized void deleted(String key) {
        current.put(key, Boolean.FALSE);
    }

    /** Whether the post is stored according to writes not yet searchable; empty: ask the searcher. */
    synchronized Optional<Boolean> stored(String key) {
        Boolean stored = current.get(key);
        return Optional.ofNullable(stored != null ? stored : refreshing.get(key));
    }

    /** Call before reopening; pass what it returns to {@link #refreshed} once the reopen is done. */
    synchronized Object refreshStarting() {
        if (!refreshing.isEmpty()) {
            // another refresh is still running: keep its writes too until this one is done
            Map<String, Boolean> merged = new HashMap<>(refreshing);
            merged.putAll(current);
            current = merged;
        }
        refreshing = current;
        current = new HashMap<>();
        return refreshing;
    }

    synchronized void refreshed(Object token) {
        if (refreshing == token) {
            refreshing = Map.of();
        }
    }
}
