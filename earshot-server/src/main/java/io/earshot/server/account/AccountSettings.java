package io.earshot.server.account;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How accounts start and how cookies are sent.
 *
 * @param adminPassword {@code EARSHOT_ADMIN_PASSWORD}: creates the user {@code admin} on a start with no users
 * @param apiToken {@code EARSHOT_API_TOKEN}: accepted as an admin API token
 * @param secureCookies {@code EARSHOT_SECURE_COOKIES=true}: always mark cookies {@code Secure} (they are anyway when
 *     the request came over TLS or with {@code X-Forwarded-Proto: https})
 */
public record AccountSettings(Optional<String> adminPassword, Optional<String> apiToken, boolean secureCookies) {

    public AccountSettings {
        Objects.requireNonNull(adminPassword, "adminPassword");
        Objects.requireNonNull(apiToken, "apiToken");
    }

    /** No bootstrap password, no static token, cookies Secure only behind TLS. */
    public static AccountSettings none() {
        return new AccountSettings(Optional.empty(), Optional.empty(), false);
    }

    public static AccountSettings fromEnvironment(Map<String, String> env, Optional<String> apiToken) {
        return new AccountSettings(
                Optional.ofNullable(env.get("EARSHOT_ADMIN_PASSWORD")).filter(value -> !value.isBlank()),
                apiToken,
                "true"
                        .equalsIgnoreCase(env.getOrDefault("EARSHOT_SECURE_COOKIES", "false")
                                .strip()));
    }
}
