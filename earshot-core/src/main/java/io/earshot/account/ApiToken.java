package io.earshot.account;

import java.time.Instant;
import java.util.Objects;

/** An API token as stored: a label for people, its role, and never the secret itself. */
public record ApiToken(long id, String label, Role role, Instant createdAt) {

    public ApiToken {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
