package io.earshot.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One engagement or graph event: {@code actor} did {@code kind} to {@code subjectAccount} (and, for
 * likes, reposts, replies and quotes, to {@code subjectPost}) at {@code at}.
 */
public record Interaction(
        InteractionKey key,
        InteractionKind kind,
        String actorId,
        String subjectAccountId,
        Optional<PostKey> subjectPost,
        Instant at) {

    public Interaction {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(subjectAccountId, "subjectAccountId");
        Objects.requireNonNull(subjectPost, "subjectPost");
        Objects.requireNonNull(at, "at");
    }

    public Network network() {
        return key.network();
    }
}
