package io.earshot.source.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.inbox.reply.NetworkRefusedException;
import io.earshot.inbox.reply.NetworkUnavailableException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Requests to a network with retries: 5xx and lost connections are retried after a growing backoff, 429 after
 * the time the network asks for ({@code Retry-After}, Bluesky's {@code ratelimit-reset}, Mastodon's
 * {@code X-RateLimit-Reset}); anything else is the caller's to read. Each attempt may first check whether an
 * earlier one got through after all ({@link Attempt}), which is what keeps retries from posting twice.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One try: returns the response to read, or empty to try again (say why in {@code reason}). */
    @FunctionalInterface
    interface Attempt<T> {
        Optional<T> run(int attempt) throws IOException, InterruptedException;
    }

    /** Thrown by an attempt that wants another one (after {@code wait}). */
    static final class TryAgain extends RuntimeException {
        final Duration wait;

        TryAgain(String reason, Duration wait) {
            super(reason);
            this.wait = wait;
        }
    }

    private final HttpClient client;
    private final RetryPolicy policy;
    private final Clock clock;

    /** The time source of rate-limit resets (tests pin it). */
    @FunctionalInterface
    interface Clock {
        Instant now();
    }

    Http(RetryPolicy policy) {
        this(
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                policy,
                Instant::now);
    }

    Http(HttpClient client, RetryPolicy policy, Clock clock) {
        this.client = client;
        this.policy = policy;
        this.clock = clock;
    }

    HttpRequest.Builder request(java.net.URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(policy.requestTimeout())
                .header("User-Agent", "Earshot (self-hosted social listening)")
                .header("Accept", "application/json");
    }

    /** Sends a request once and classifies the answer: a response to read, or {@link TryAgain}. */
    HttpResponse<String> send(HttpRequest request, int attempt) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TryAgain("cannot reach " + request.uri().getHost() + ": " + e, policy.backoff(attempt));
        }
        int status = response.statusCode();
        if (status == 429) {
            Duration wait = retryAfter(response).orElse(policy.backoff(attempt));
            throw new TryAgain(request.uri().getHost() + " is rate-limiting (429)", wait);
        }
        if (status >= 500) {
            throw new TryAgain(
                    request.uri().getHost() + " answered " + status
                            + error(response).map(e -> ": " + e).orElse(""),
                    retryAfter(response).orElse(policy.backoff(attempt)));
        }
        return response;
    }

    /** Runs attempts until one returns, the attempts run out, or the network asks for too long a wait. */
    <T> T run(String what, Attempt<T> attempt) {
        String last = "";
        for (int i = 1; i <= policy.attempts(); i++) {
            try {
                Optional<T> done = attempt.run(i);
                if (done.isPresent()) {
                    return done.get();
                }
            } catch (TryAgain again) {
                last = again.getMessage();
                if (again.wait.compareTo(policy.longestWait()) > 0) {
                    throw new NetworkUnavailableException(what + " failed: " + last + "; it asks to wait "
                            + again.wait.toSeconds() + " s, longer than "
                            + policy.longestWait().toSeconds()
                            + " s: try again later (the reply will not be posted twice)");
                }
                if (i < policy.attempts()) {
                    sleep(again.wait);
                }
            } catch (IOException e) {
                last = e.toString();
                if (i < policy.attempts()) {
                    sleep(policy.backoff(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NetworkUnavailableException(what + " was interrupted", e);
            }
        }
        throw new NetworkUnavailableException(what + " failed after " + policy.attempts() + " attempts: " + last
                + "; retry it later (the reply will not be posted twice)");
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(Math.max(0, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkUnavailableException("interrupted while waiting to retry", e);
        }
    }

    /** The wait a response asks for: Retry-After (seconds or an HTTP date), ratelimit-reset, X-RateLimit-Reset. */
    Optional<Duration> retryAfter(HttpResponse<?> response) {
        Instant now = clock.now();
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            String value = retryAfter.get().strip();
            if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                return Optional.of(positive(Duration.between(
                        now,
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant())));
            } catch (DateTimeParseException ignored) {
                // try the rate-limit headers
            }
        }
        Optional<String> reset = response.headers().firstValue("ratelimit-reset");
        if (reset.isPresent() && reset.get().strip().chars().allMatch(Character::isDigit)) {
            return Optional.of(positive(Duration.between(
                    now, Instant.ofEpochSecond(Long.parseLong(reset.get().strip())))));
        }
        Optional<String> mastodonReset = response.headers().firstValue("X-RateLimit-Reset");
        if (mastodonReset.isPresent()) {
            try {
                return Optional.of(positive(
                        Duration.between(now, Instant.parse(mastodonReset.get().strip()))));
            } catch (DateTimeParseException ignored) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Duration positive(Duration wait) {
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new NetworkRefusedException(
                    "the server answered " + response.statusCode() + " with something" + " that is not JSON");
        }
    }

    /** The error a JSON error body names ({@code error}/{@code message}), when it has one. */
    static Optional<String> error(HttpResponse<String> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body == null || !body.isObject()) {
                return Optional.empty();
            }
            String error = body.path("error").asText("");
            String message =
                    body.path("message").asText(body.path("error_description").asText(""));
            String both = (error + (message.isEmpty() ? "" : " (" + message + ")")).strip();
            return both.isEmpty() ? Optional.empty() : Optional.of(both);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String body(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
