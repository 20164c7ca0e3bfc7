package io.earshot.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in browser: whose it is, the token its state-changing requests must echo (CSRF), when it was last
 * used (for the idle timeout) and when it ends at the latest. The session id itself is known only to the
 * browser; the store keeps its digest.
 */
public record Session(Account account, String csrfToken, Instant lastSeenAt, Instant expiresAt) {

    public Session {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
