package io.earshot.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where rules and their history are kept. A rule is stored as its JSON definition (the body of
 * {@code POST /api/v1/alerts}), so what a user wrote is what is kept; a fired alert as the JSON of its
 * notification. Implementations run {@code AlertRuleStoreContract} from the testkit.
 */
public interface AlertRuleStore {

    /** Stores a new rule; returns its id (ids are never reused). */
    StoredRule create(String definition, Instant at);

    /** Replaces a rule's definition; empty when there is no such rule. */
    Optional<StoredRule> update(long id, String definition, Instant at);

    /** Pauses or resumes a rule; empty when there is no such rule. */
    Optional<StoredRule> setPaused(long id, boolean paused, Instant at);

    /** Removes a rule and its history; false when there was none. */
    boolean delete(long id);

    /** Every rule, oldest first. */
    List<StoredRule> list();

    Optional<StoredRule> get(long id);

    /** Appends a fired alert to a rule's history; returns its id. */
    long appendHistory(long ruleId, String kind, Instant firedAt, String notification);

    /** A rule's history, newest first: alerts with an id below {@code before} when given. */
    List<StoredAlert> history(long ruleId, Optional<Long> before, int limit);

    /** Removes history older than {@code cutoff}; returns how many alerts went. */
    long expireHistoryBefore(Instant cutoff);

    /** A rule as stored. */
    record StoredRule(long id, String definition, boolean paused, Instant created, Instant updated) {
        public StoredRule {
            Objects.requireNonNull(definition, "definition");
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(updated, "updated");
        }
    }

    /** A fired alert as stored: its notification's JSON. */
    record StoredAlert(long id, long ruleId, String kind, Instant firedAt, String notification) {
        public StoredAlert {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(firedAt, "firedAt");
            Objects.requireNonNull(notification, "notification");
        }
    }
}
