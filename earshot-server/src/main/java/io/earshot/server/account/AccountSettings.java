package io.earshot.server.account;

import io.earshot.server.config.ConfigFile;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How accounts start, how long sessions last and how cookies are sent.
 *
 * @param adminPassword {@code EARSHOT_ADMIN_PASSWORD}: creates the user {@code admin} on a start with no users
 * @param apiToken {@code EARSHOT_API_TOKEN}: accepted as an admin API token
 * @param secureCookies {@code EARSHOT_SECURE_COOKIES=true}: always mark cookies {@code Secure} (they are anyway when
 *     the request came over TLS or with {@code X-Forwarded-Proto: https})
 * @param sessions how long a login lasts ({@code EARSHOT_SESSION_IDLE}, {@code EARSHOT_SESSION_MAX})
 */
public record AccountSettings(
        Optional<String> adminPassword, Optional<String> apiToken, boolean secureCookies, SessionLimits sessions) {

    /**
     * A session ends after {@code idle} without a request, and at the latest {@code max} after the login, whatever
     * happens in between: a browser left open on a shared machine logs itself out, and a stolen cookie does not
     * live forever.
     */
    public record SessionLimits(Duration idle, Duration max) {

        /** 8 hours idle (a working day with a long lunch), 7 days at most. */
        public static final SessionLimits DEFAULT = new SessionLimits(Duration.ofHours(8), Duration.ofDays(7));

        public SessionLimits {
            Objects.requireNonNull(idle, "idle");
            Objects.requireNonNull(max, "max");
            if (idle.isNegative() || idle.isZero() || max.compareTo(idle) < 0) {
                throw new IllegalArgumentException("a session's idle timeout (" + idle
                        + ") must be positive and no longer than its maximum length (" + max + ")");
            }
        }
    }

    public AccountSettings {
        Objects.requireNonNull(adminPassword, "adminPassword");
        Objects.requireNonNull(apiToken, "apiToken");
        Objects.requireNonNull(sessions, "sessions");
    }

    public AccountSettings(Optional<String> adminPassword, Optional<String> apiToken, boolean secureCookies) {
        this(adminPassword, apiToken, secureCookies, SessionLimits.DEFAULT);
    }

    /** No bootstrap password, no static token, cookies Secure only behind TLS. */
    public static AccountSettings none() {
        return new AccountSettings(Optional.empty(), Optional.empty(), false);
    }

    public AccountSettings withSessions(SessionLimits value) {
        return new AccountSettings(adminPassword, apiToken, secureCookies, value);
    }

    /**
     * Reads {@code EARSHOT_ADMIN_PASSWORD}, {@code EARSHOT_SECURE_COOKIES}, {@code EARSHOT_SESSION_IDLE} and {@code
     * EARSHOT_SESSION_MAX} (durations such as {@code 30m}, {@code 8h}, {@code 7d}).
     */
    public static AccountSettings fromEnvironment(Map<String, String> env, Optional<String> apiToken) {
        SessionLimits limits = new SessionLimits(
                duration(env, "EARSHOT_SESSION_IDLE", SessionLimits.DEFAULT.idle()),
                duration(env, "EARSHOT_SESSION_MAX", SessionLimits.DEFAULT.max()));
        return new AccountSettings(
                Optional.ofNullable(env.get("EARSHOT_ADMIN_PASSWORD")).filter(value -> !value.isBlank()),
                apiToken,
                "true"
                        .equalsIgnoreCase(env.getOrDefault("EARSHOT_SECURE_COOKIES", "false")
                                .strip()),
                limits);
    }

    private static Duration duration(Map<String, String> env, String name, Duration otherwise) {
        String value = env.getOrDefault(name, "").strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            return ConfigFile.duration(name, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    name + " is a duration such as 30m, 8h or 7d; got '" + env.get(name) + "'", e);
        }
    }
}
