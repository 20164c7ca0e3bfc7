package io.earshot.topic;

import java.time.Instant;
import java.util.Objects;

/** A standing query: every post it matches becomes a mention of this topic. */
public record Topic(long id, String name, String query, Instant createdAt, Instant updatedAt) {
    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a topic needs a name");
        }
    }
}
