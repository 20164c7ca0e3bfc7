package io.earshot.alert;

import io.earshot.alert.MinuteSeries.Counts;
import io.earshot.domain.PostKey;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the alert engine must remember across restarts: which posts each rule has notified (so a mention is
 * delivered once per rule, even when replayed or edited), each spike or shift rule's minute counts (its
 * baseline), and small per-rule values (when the last digest went, an ongoing spike). Implementations run
 * {@code AlertStateContract} from the testkit.
 */
public interface AlertState {

    /** Of {@code keys}, those this rule has never notified; they are marked notified at {@code at}. */
    Set<PostKey> firstNotices(long ruleId, Collection<PostKey> keys, Instant at);

    /** The stored minute counts of a rule from {@code fromMinute} (epoch minutes) on. */
    Map<Long, Counts> series(long ruleId, long fromMinute);

    /** Stores minute counts (replacing those of the same minutes). */
    void saveSeries(long ruleId, Map<Long, Counts> minutes);

    Optional<String> value(long ruleId, String key);

    void putValue(long ruleId, String key, String value);

    /** Forgets everything about a rule (it was deleted). */
    void forget(long ruleId);

    /** Forgets notices and minute counts older than {@code cutoff}; returns how many rows went. */
    long expireBefore(Instant cutoff);
}
