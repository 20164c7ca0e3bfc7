package io.earshot.account;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** A person who logs in: a unique name and a role. */
public record Account(long id, String name, Role role, Instant createdAt) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    public Account {
        requireValidName(name);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Names are 1 to 64 letters, digits, {@code . _ @ -}, starting with a letter or digit. */
    public static String requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 64 letters, digits, '.', '_', '@' or '-', "
                    + "starting with a letter or digit; got '" + name + "'");
        }
        return name;
    }
}
