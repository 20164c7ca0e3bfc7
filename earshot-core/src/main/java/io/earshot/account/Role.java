package io.earshot.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a person or a token may do; each role may do everything the roles below it may (see the package doc). */
public enum Role {
    VIEWER,
    RESPONDER,
    ANALYST,
    ADMIN;

    /** The lower-case name used in the API, the CLI and the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this role may do what {@code needed} may. */
    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** Parses {@code admin}, {@code analyst}, {@code responder} or {@code viewer} (any case). */
    public static Role parse(String text) {
        return Arrays.stream(values())
                .filter(role -> role.id().equalsIgnoreCase(text.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + text + "': use one of "
                        + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "))));
    }
}
