package io.earshot.source.bluesky.profile;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How {@link BlueskyProfiles} fetches, caches and paces. Start from {@link #defaults()} and change what you need
 * with the {@code with…} methods.
 *
 * @param base the AppView to ask, without a path: {@code https://public.api.bsky.app} or a mirror
 * @param ttl how long a fetched profile is used before it is fetched again
 * @param negativeTtl how long "no such account" is remembered; shorter, as new accounts appear
 * @param maxEntries the most profiles kept; the least recently used go first
 * @param requestsPerSecond the steady request rate; up to one second's worth may go out at once
 * @param requestTimeout the longest one request may take, connecting included
 */
public record ProfileConfig(
        URI base,
        Duration ttl,
        Duration negativeTtl,
        int maxEntries,
        double requestsPerSecond,
        Duration requestTimeout) {

    /** Bluesky's public, unauthenticated AppView. */
    public static final URI PUBLIC_APPVIEW = URI.create("https://public.api.bsky.app");

    public ProfileConfig {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(negativeTtl, "negativeTtl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
            throw new IllegalArgumentException(
                    "bluesky profiles: the base is an http:// or https:// URL with a host, e.g. " + PUBLIC_APPVIEW
                            + ", got '" + base + "'");
        }
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "bluesky profiles: give the base without a query or fragment, got '" + base + "'");
        }
        if (ttl.isNegative() || ttl.isZero() || negativeTtl.isNegative() || negativeTtl.isZero()) {
            throw new IllegalArgumentException(
                    "bluesky profiles: ttl and negativeTtl must be positive, got " + ttl + " and " + negativeTtl);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("bluesky profiles: maxEntries must be at least 1, got " + maxEntries);
        }
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException(
                    "bluesky profiles: requestsPerSecond must be a positive number, got " + requestsPerSecond);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "bluesky profiles: requestTimeout must be positive, got " + requestTimeout);
        }
    }

    /** The public AppView, 6 h cache (10 min for unknown accounts), 50,000 profiles, 10 requests/s, 5 s timeout. */
    public static ProfileConfig defaults() {
        return new ProfileConfig(
                PUBLIC_APPVIEW, Duration.ofHours(6), Duration.ofMinutes(10), 50_000, 10, Duration.ofSeconds(5));
    }

    public ProfileConfig withBase(URI newBase) {
        return new ProfileConfig(newBase, ttl, negativeTtl, maxEntries, requestsPerSecond, requestTimeout);
    }

    public ProfileConfig withTtl(Duration newTtl, Duration newNegativeTtl) {
        return new ProfileConfig(base, newTtl, newNegativeTtl, maxEntries, requestsPerSecond, requestTimeout);
    }

    public ProfileConfig withMaxEntries(int newMaxEntries) {
        return new ProfileConfig(base, ttl, negativeTtl, newMaxEntries, requestsPerSecond, requestTimeout);
    }

    public ProfileConfig withRequestsPerSecond(double newRequestsPerSecond) {
        return new ProfileConfig(base, ttl, negativeTtl, maxEntries, newRequestsPerSecond, requestTimeout);
    }

    public ProfileConfig withRequestTimeout(Duration newRequestTimeout) {
        return new ProfileConfig(base, ttl, negativeTtl, maxEntries, requestsPerSecond, newRequestTimeout);
    }
}
