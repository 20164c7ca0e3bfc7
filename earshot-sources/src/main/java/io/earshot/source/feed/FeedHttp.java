package io.earshot.source.feed;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * One conditional GET of a feed: validators out, the body (capped) or {@code 304} back, every failure turned
 * into a reason a person understands ({@code HTTP 404}, {@code connection refused}, {@code timed out after 30 s},
 * {@code too large: over 10 MiB}). The whole exchange, body included, has one deadline, and every wait also ends
 * when the source stops. No compression is asked for: a compressed body could expand past any cap we set.
 */
final class FeedHttp {

    static final String USER_AGENT = "Earshot (self-hosted social listening)";

    static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9,"
            + " application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";

    /** However long a server asks us to wait, we try again after this at the latest. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(6);

    private FeedHttp() {}

    /** How a fetch went. */
    sealed interface Fetch {

        /** A {@code 200} and its body, with the validators to send next time. */
        record Fetched(byte[] body, Optional<String> contentType, Validators validators) implements Fetch {
            public Fetched {
                Objects.requireNonNull(body, "body");
                Objects.requireNonNull(contentType, "contentType");
                Objects.requireNonNull(validators, "validators");
            }
        }

        /** {@code 304}: nothing new since the validators we sent. */
        record NotModified() implements Fetch {}

        /** Anything else; {@code retryAfter} when the server said how long to wait (429, 503). */
        record Failed(String reason, Optional<Duration> retryAfter) implements Fetch {
            public Failed {
                Objects.requireNonNull(reason, "reason");
                Objects.requireNonNull(retryAfter, "retryAfter");
            }
        }

        /** The source was stopped while we waited. */
        record Stopped() implements Fetch {}
    }

    static Fetch get(
            HttpClient client,
            URI url,
            Validators validators,
            Duration timeout,
            long maxBytes,
            CompletableFuture<Void> stopped)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Accept", ACCEPT)
                .header("User-Agent", USER_AGENT)
                .GET();
        validators.etag().ifPresent(etag -> request.header("If-None-Match", etag));
        validators.lastModified().ifPresent(date -> request.header("If-Modified-Since", date));
        CompletableFuture<HttpResponse<byte[]>> call;
        try {
            call = client.sendAsync(request.build(), CappedBody.handler(maxBytes));
        } catch (IllegalArgumentException e) {
            return new Fetch.Failed("cannot request " + url + ": " + e.getMessage(), Optional.empty());
        }
        try {
            CompletableFuture.anyOf(call, stopped).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // the call failed: described below
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Fetch.Failed("timed out after " + Sizes.human(timeout), Optional.empty());
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        }
        if (!call.isDone() && stopped.isDone()) {
            call.cancel(true);
            return new Fetch.Stopped();
        }
        HttpResponse<byte[]> response;
        try {
            response = call.join();
        } catch (CompletionException e) {
            return new Fetch.Failed(describe(e, timeout), Optional.empty());
        }
        int status = response.statusCode();
        return switch (status) {
            case 200 ->
                new Fetch.Fetched(
                        response.body(),
                        response.headers().firstValue("Content-Type"),
                        Validators.of(response.headers()));
            case 304 -> new Fetch.NotModified();
            case 429, 503 -> new Fetch.Failed("HTTP " + status, retryAfter(response, Instant.now()));
            default -> new Fetch.Failed("HTTP " + status, Optional.empty());
        };
    }

    /** The reason a person reads for a failed exchange. */
    static String describe(Throwable error, Duration timeout) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
            if (inner instanceof CappedBody.TooLarge tooLarge) {
                return tooLarge.getMessage();
            }
            if (inner.getCause() == inner) {
                break;
            }
        }
        return switch (cause) {
            case HttpConnectTimeoutException connect -> "connect timed out after " + Sizes.human(timeout);
            case HttpTimeoutException slow -> "timed out after " + Sizes.human(timeout);
            case ConnectException refused -> "connection refused";
            case UnknownHostException unknown -> "unknown host " + unknown.getMessage();
            case UnresolvedAddressException unresolved -> "unknown host";
            case SSLException tls -> "TLS failed: " + Printable.clip(String.valueOf(tls.getMessage()), 200);
            case IOException io
            when io.getMessage() != null && !io.getMessage().isBlank() -> Printable.clip(io.getMessage(), 200);
            default -> "connection failed (" + cause.getClass().getSimpleName() + ")";
        };
    }

    /** {@code Retry-After} in seconds or as an HTTP date, at most {@link #MAX_RETRY_AFTER}. */
    static Optional<Duration> retryAfter(HttpResponse<?> response, Instant now) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Math.max(0, Long.parseLong(header.get())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant until = ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                wait = Duration.between(now, until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.of(wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
    }
}
