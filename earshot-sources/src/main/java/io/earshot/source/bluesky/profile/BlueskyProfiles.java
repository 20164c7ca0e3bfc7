package io.earshot.source.bluesky.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authors' profiles from {@code app.bsky.actor.getProfile}, cached and paced so that looking them up never
 * stalls ingestion nor upsets the AppView. Safe for use by several threads. See the package documentation.
 */
public final class BlueskyProfiles implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BlueskyProfiles.class);
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final Duration DEFAULT_PAUSE = Duration.ofSeconds(30);
    private static final Duration MAX_PAUSE = Duration.ofHours(1);
    private static final long WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProfileConfig config;
    private final String endpoint;
    private final HttpClient http;
    private final Clock clock;
    private final ProfileCache cache;
    private final TokenBucket bucket;
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Object warnLock = new Object();
    private boolean warnedBefore;
    private long lastWarnNanos;
    private long errorsSinceWarn;

    public BlueskyProfiles(ProfileConfig config) {
        this(config, Clock.systemUTC());
    }

    BlueskyProfiles(ProfileConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        String base = config.base().toString();
        this.endpoint = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/xrpc/app.bsky.actor.getProfile?actor=";
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.requestTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.cache = new ProfileCache(config.maxEntries());
        this.bucket = new TokenBucket(config.requestsPerSecond(), clock.instant());
    }

    /**
     * The account's profile: from the cache while fresh, else fetched if the rate limit allows. When it does
     * not (or the AppView asked us to wait, or the request failed) this returns the last known profile, even
     * if stale, or empty; it never waits for a token. Empty also means the account does not exist.
     *
     * @param did the account's DID (a handle works too)
     */
    public Optional<Profile> profile(String did) {
        requireDid(did);
        Instant now = clock.instant();
        Optional<ProfileCache.Cached> known = cache.get(did);
        if (known.isPresent() && known.get().freshAt(now)) {
            return known.get().profile();
        }
        Optional<Profile> fallback = known.flatMap(ProfileCache.Cached::profile);
        if (now.isBefore(pausedUntil.get()) || !bucket.tryTake(now)) {
            return fallback;
        }
        return fetch(did)
                .map(found -> {
                    Duration ttl = found.isPresent() ? config.ttl() : config.negativeTtl();
                    cache.put(
                            did, new ProfileCache.Cached(found, clock.instant().plus(ttl)));
                    return found;
                })
                .orElse(fallback);
    }

    /** The last known profile, even if stale, without any request; empty if none is known. */
    public Optional<Profile> cached(String did) {
        requireDid(did);
        return cache.get(did).flatMap(ProfileCache.Cached::profile);
    }

    /** Requests sent to the AppView so far. */
    public long requests() {
        return requests.get();
    }

    /** Failed requests so far: timeouts, refusals, 429s, 5xx, malformed or oversized answers. */
    public long errors() {
        return errors.get();
    }

    @Override
    public void close() {
        http.close();
    }

    /** The answer, empty when there is none (a failure, counted and logged); an empty answer means no account. */
    private Optional<Optional<Profile>> fetch(String did) {
        URI uri = URI.create(endpoint + URLEncoder.encode(did, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        requests.incrementAndGet();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                long declared =
                        response.headers().firstValueAsLong("Content-Length").orElse(-1);
                body = declared > MAX_BODY_BYTES ? new byte[MAX_BODY_BYTES + 1] : in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                return failed(did, "the answer is over " + MAX_BODY_BYTES + " bytes");
            }
            int status = response.statusCode();
            if (status == 200) {
                return parse(did, body).map(Optional::of);
            }
            if (status == 404 || status == 400 && errorCode(body).isPresent()) {
                return Optional.of(Optional.empty());
            }
            if (status == 429) {
                Instant until = pauseEnd(response.headers(), clock.instant());
                pausedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
                return failed(did, "HTTP 429, pausing profile requests until " + until);
            }
            return failed(did, "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return failed(did, "no answer within " + config.requestTimeout());
        } catch (IOException e) {
            return failed(did, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(did, "interrupted");
        }
    }

    private Optional<Profile> parse(String did, byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            failed(did, "the answer is not JSON");
            return Optional.empty();
        }
        if (root == null
                || !root.path("did").isTextual()
                || !root.path("handle").isTextual()
                || !count(root, "followersCount")
                || !count(root, "followsCount")
                || !count(root, "postsCount")) {
            failed(did, "the answer is not a profile (did and handle text, counts non-negative integers)");
            return Optional.empty();
        }
        JsonNode name = root.path("displayName");
        Optional<String> displayName =
                name.isTextual() && !name.asText().isBlank() ? Optional.of(name.asText()) : Optional.empty();
        return Optional.of(new Profile(
                root.path("did").asText(),
                root.path("handle").asText(),
                displayName,
                root.path("followersCount").asLong(),
                root.path("followsCount").asLong(),
                root.path("postsCount").asLong(),
                clock.instant()));
    }

    /** A missing count is zero (the AppView leaves them out for some accounts); a present one must be valid. */
    private static boolean count(JsonNode root, String field) {
        JsonNode value = root.path(field);
        return value.isMissingNode()
                || value.isNull()
                || value.canConvertToLong() && value.isIntegralNumber() && value.asLong() >= 0;
    }

    private static Optional<String> errorCode(byte[] body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            return error.isTextual() ? Optional.of(error.asText()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** From {@code RateLimit-Reset} (epoch seconds, or seconds from now) or {@code Retry-After}, capped at 1 h. */
    static Instant pauseEnd(HttpHeaders headers, Instant now) {
        Optional<Instant> end = headers.firstValue("RateLimit-Reset")
                .flatMap(BlueskyProfiles::seconds)
                .map(s -> s > 1_000_000_000L ? Instant.ofEpochSecond(s) : now.plusSeconds(s))
                .or(() -> headers.firstValue("Retry-After")
                        .flatMap(value -> seconds(value).map(now::plusSeconds).or(() -> httpDate(value))));
        Instant until = end.orElse(now.plus(DEFAULT_PAUSE));
        Instant latest = now.plus(MAX_PAUSE);
        return until.isAfter(latest) ? latest : until;
    }

    private static Optional<Long> seconds(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds >= 0 ? Optional.of(seconds) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private <T> Optional<T> failed(String did, String reason) {
        errors.incrementAndGet();
        synchronized (warnLock) {
            errorsSinceWarn++;
            long now = System.nanoTime();
            if (!warnedBefore || now - lastWarnNanos >= WARN_INTERVAL_NANOS) {
                log.warn(
                        "bluesky profiles: cannot get {} from {}: {} ({} failure(s) since the last warning)",
                        did,
                        config.base(),
                        reason,
                        errorsSinceWarn);
                warnedBefore = true;
                lastWarnNanos = now;
                errorsSinceWarn = 0;
            }
        }
        return Optional.empty();
    }

    private static void requireDid(String did) {
        if (did == null || did.isBlank()) {
            throw new IllegalArgumentException("bluesky profiles: give a DID such as did:plc:…, got '" + did + "'");
        }
    }
}
