package io.earshot.server.account;

import io.earshot.account.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is making a request: a logged-in person (with the CSRF token their session carries), an API token, or
 * nobody on an open install (see {@link Accounts#enforced()}).
 */
public record Principal(String name, Role role, Kind kind, Optional<String> csrfToken) {

    public enum Kind {
        SESSION,
        TOKEN,
        OPEN
    }

    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(csrfToken, "csrfToken");
    }

    /** Everyone is admin while nothing is configured: the setup banner says so on every page. */
    static Principal open() {
        return new Principal("setup", Role.ADMIN, Kind.OPEN, Optional.empty());
    }
}
