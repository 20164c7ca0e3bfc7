package io.earshot.source.bluesky.profile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bounded, least-recently-used memory of what was fetched. An entry outlives its expiry (until evicted) so a
 * stale profile can still be served while requests are paced or paused.
 */
final class ProfileCache {

    /** A fetched answer: a profile, or empty for "no such account"; fresh until {@code expiresAt}. */
    record Cached(Optional<Profile> profile, Instant expiresAt) {

        boolean freshAt(Instant now) {
            return now.isBefore(expiresAt);
        }
    }

    private final Map<String, Cached> entries;

    ProfileCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized Optional<Cached> get(String did) {
        return Optional.ofNullable(entries.get(did));
    }

    synchronized void put(String did, Cached entry) {
        entries.put(did, entry);
    }

    synchronized int size() {
        return entries.size();
    }
}
