package io.earshot.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What people configure in the inbox, kept as the JSON they wrote (the server reads it): routing rules, teams,
 * canned replies, and small settings (the routing mode, each team's round-robin turn). Implementations run
 * {@code InboxDefinitionsContract} from the testkit.
 */
public interface InboxDefinitions {

    /** The kinds of definitions. */
    enum Kind {
        ROUTING_RULE,
        TEAM,
        CANNED_REPLY,
        SETTING
    }

    /** A stored definition; {@code position} orders routing rules. */
    record Definition(Kind kind, String id, int position, String json, Instant updated) {
        public Definition {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(updated, "updated");
        }
    }

    /** Every definition of a kind, by position then id. */
    List<Definition> list(Kind kind);

    Optional<Definition> get(Kind kind, String id);

    /** Creates or replaces a definition. */
    void put(Kind kind, String id, int position, String json, Instant at);

    /** False when there was none. */
    boolean delete(Kind kind, String id);

    /** A new numeric id for a kind: never reused, even after deletes. */
    long nextId(Kind kind);
}
