package io.earshot.server.account;

import io.earshot.account.Role;
import java.util.Objects;
import java.util.Optional;

/** Who is making a request: a logged-in person (with the CSRF token their session carries) or an API token. */
public record Principal(String name, Role role, Kind kind, Optional<String> csrfToken) {

    public enum Kind {
        SESSION,
        TOKEN
    }

    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(csrfToken, "csrfToken");
    }
}
