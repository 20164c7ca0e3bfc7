package io.earshot.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collision detection: who is viewing or replying to which case, right now. Each page sends a heartbeat; a
 * presence not renewed within the expiry is gone (a closed tab leaves no ghost). Kept in memory: it describes
 * this moment, not history.
 */
public final class Presence {

    /** What a person is doing on a case. */
    public enum Activity {
        VIEWING,
        REPLYING;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Activity fromId(String id) {
            return switch (id.strip().toLowerCase(Locale.ROOT)) {
                case "viewing" -> VIEWING;
                case "replying", "typing" -> REPLYING;
                default -> throw new IllegalArgumentException("activity is viewing or replying, got '" + id + "'");
            };
        }
    }

    /** One person on one case, until {@code expires}. */
    public record Entry(String user, Activity activity, Instant since, Instant expires) {
        public Entry {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(activity, "activity");
        }
    }

    private final Map<Long, Map<String, Entry>> byCase = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration expiry;

    public Presence(Clock clock, Duration expiry) {
        this.clock = clock;
        this.expiry = expiry;
    }

    /** Records (or renews) a person's activity on a case; returns everyone on it now. */
    public List<Entry> beat(long caseId, String user, Activity activity) {
        Instant now = clock.instant();
        byCase.computeIfAbsent(caseId, id -> new ConcurrentHashMap<>())
                .compute(
                        user,
                        (name, old) -> new Entry(
                                name,
                                activity,
                                old != null && old.activity() == activity ? old.since() : now,
                                now.plus(expiry)));
        return on(caseId);
    }

    /** The person left the case. */
    public void leave(long caseId, String user) {
        Map<String, Entry> entries = byCase.get(caseId);
        if (entries != null) {
            entries.remove(user);
        }
    }

    /** Everyone on a case now (replying first, then by arrival). */
    public List<Entry> on(long caseId) {
        Instant now = clock.instant();
        Map<String, Entry> entries = byCase.get(caseId);
        if (entries == null) {
            return List.of();
        }
        entries.values().removeIf(entry -> !entry.expires().isAfter(now));
        if (entries.isEmpty()) {
            byCase.remove(caseId, entries);
        }
        return entries.values().stream()
                .sorted(Comparator.comparing((Entry entry) -> entry.activity() != Activity.REPLYING)
                        .thenComparing(Entry::since))
                .toList();
    }

    public Duration expiry() {
        return expiry;
    }
}
