package io.earshot.inbox;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a case's history: who did what, when.
 *
 * @param actor the person (or {@code earshot} for routing, reopening and SLA breaches)
 * @param from the value before, for changes
 * @param to the value after, for changes (a tag, a rule's name, a reply's network URI)
 * @param text a note's text, a message's text, a failure's reason
 */
public record CaseEvent(
        long id,
        long caseId,
        Instant at,
        String actor,
        Type type,
        Optional<String> from,
        Optional<String> to,
        Optional<String> text) {

    /** The actor of what Earshot itself does. */
    public static final String SYSTEM = "earshot";

    public CaseEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
    }

    /** An event not stored yet. */
    public static CaseEvent of(
            long caseId,
            Instant at,
            String actor,
            Type type,
            Optional<String> from,
            Optional<String> to,
            Optional<String> text) {
        return new CaseEvent(0, caseId, at, actor, type, from, to, text);
    }

    /** What happened. */
    public enum Type {
        CREATED,
        ROUTED,
        MESSAGE,
        REOPENED,
        TEAM,
        ASSIGNEE,
        STATUS,
        PRIORITY,
        TAG_ADDED,
        TAG_REMOVED,
        NOTE,
        REPLY_REQUESTED,
        REPLY_APPROVED,
        REPLY_REJECTED,
        REPLY_SENT,
        REPLY_FAILED,
        SLA_BREACHED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Type fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }
}
