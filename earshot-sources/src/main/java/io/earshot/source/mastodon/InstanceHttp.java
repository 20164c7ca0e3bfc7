package io.earshot.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP calls of one connection attempt to one instance: opening the stream (SSE or WebSocket), reading
 * timeline pages and the instance's description.
 * Each attempt has its own {@link HttpClient}, closed with it, so whatever a broken connection leaves behind
 * ends there. Every wait also ends when the source stops.
 *
 * <p>Answers become {@link Problem}s a person can act on: 401 and 403 are token problems (the source stops
 * trying), 429 waits for {@code Retry-After}, anything else is retried. The token goes only to the instance
 * and its subdomains: mastodon.social, for one, redirects streaming to {@code streaming.mastodon.social}.
 */
final class InstanceHttp implements AutoCloseable {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    static final int MAX_REDIRECTS = 3;
    static final int MAX_ERROR_BODY_BYTES = 4096;

    private static final String USER_AGENT = "Earshot (self-hosted social listening)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MastodonConfig config;
    private final CompletableFuture<Void> stopped;
    private final HttpClient client;

    InstanceHttp(MastodonConfig config, CompletableFuture<Void> stopped) {
        this.config = config;
        this.stopped = stopped;
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER) // followed by hand, to decide where the token goes
                .build();
    }

    /** A timeline page: its body and its {@code Link} headers. */
    record Page(String body, List<String> links) {}

    /** What the streaming endpoint answered: an open event stream, or an error and its (short) body. */
    private sealed interface StreamBody {
        record Open(InputStream in) implements StreamBody {}

        record Refused(String text) implements StreamBody {}
    }

    /** Opens the event stream at {@code uri}, following redirects that stay on the instance. */
    InputStream openStream(URI uri) throws Problem.Raised, InterruptedException {
        URI target = uri;
        for (int hops = 0; ; hops++) {
            HttpResponse<StreamBody> response = await(
                    client.sendAsync(request(target, "text/event-stream", CONNECT_TIMEOUT), InstanceHttp::streamBody),
                    CONNECT_TIMEOUT.plusSeconds(1),
                    target);
            int code = response.statusCode();
            if (response.body() instanceof StreamBody.Open open) {
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
                    return open.in();
                }
                closeQuietly(open.in());
                throw new Problem.Raised(new Problem.Transient(target + " answered with '" + type
                        + "', not an event stream: is " + config.instance() + " a Mastodon instance?"));
            }
            String text = ((StreamBody.Refused) response.body()).text();
            if (code / 100 == 3 && response.headers().firstValue("Location").isPresent()) {
                if (hops >= MAX_REDIRECTS) {
                    throw new Problem.Raised(
                            new Problem.Transient(uri + " redirected more than " + MAX_REDIRECTS + " times"));
                }
                target = redirect(
                        target, response.headers().firstValue("Location").get());
                continue;
            }
            throw new Problem.Raised(refusal(code, text, response, target));
        }
    }

    /** Reads one timeline page. */
    Page get(URI uri) throws Problem.Raised, InterruptedException {
        return read(uri, false).orElseThrow();
    }

    /** Reads a JSON document, or empty when the instance has none there (404, 410): an older API version. */
    Optional<Page> find(URI uri) throws Problem.Raised, InterruptedException {
        return read(uri, true);
    }

    private Optional<Page> read(URI uri, boolean absentIsEmpty) throws Problem.Raised, InterruptedException {
        HttpResponse<byte[]> response = await(
                client.sendAsync(
                        request(uri, "application/json", REQUEST_TIMEOUT),
                        info -> info.statusCode() == 200
                                ? new LimitedBody(MastodonStatusMapper.MAX_PAGE_BYTES, false)
                                : new LimitedBody(MAX_ERROR_BODY_BYTES, true)),
                REQUEST_TIMEOUT.plusSeconds(1),
                uri);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (absentIsEmpty && (response.statusCode() == 404 || response.statusCode() == 410)) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new Problem.Raised(refusal(response.statusCode(), body, response, uri));
        }
        return Optional.of(new Page(body, response.headers().allValues("Link")));
    }

    /**
     * Opens a WebSocket to {@code uri}, with the token in the {@code Authorization} header (which Mastodon's
     * streaming server reads, like the {@code access_token} parameter, but a header stays out of access logs).
     * A refused handshake becomes the same {@link Problem} as a refused SSE request.
     */
    WebSocket openWebSocket(URI uri, WebSocket.Listener listener) throws Problem.Raised, InterruptedException {
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (config.token().isPresent()) {
            if (!trustedSocket(uri)) {
                throw new Problem.Raised(
                        new Problem.Refused(
                                uri + " is outside " + config.instance().getHost()
                                        + " and its subdomains, or not encrypted; Earshot does not send the access token there"));
            }
            builder.header("Authorization", "Bearer " + config.token().get());
        }
        CompletableFuture<WebSocket> opening = builder.buildAsync(uri, listener);
        try {
            CompletableFuture.anyOf(opening, stopped).get(CONNECT_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // the handshake failed: reported below
        } catch (TimeoutException e) {
            opening.cancel(true);
            throw new Problem.Raised(new Problem.Transient(
                    "no answer from " + uri + " within " + MastodonStreamSource.human(CONNECT_TIMEOUT)));
        } catch (InterruptedException e) {
            opening.cancel(true);
            throw e;
        }
        if (stopped.isDone()) {
            opening.thenAccept(WebSocket::abort);
            throw new Problem.Raised(new Problem.Stopped());
        }
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException handshake) {
                HttpResponse<?> response = handshake.getResponse();
                String body = response.body() instanceof String text ? text : "";
                throw new Problem.Raised(refusal(response.statusCode(), body, response, uri));
            }
            throw new Problem.Raised(new Problem.Transient("cannot reach " + uri + ": " + Problems.describe(e)));
        }
    }

    /** Whether the token may go to a {@code ws://} or {@code wss://} address, by the rules of {@link #trusted}. */
    boolean trustedSocket(URI uri) {
        if (uri.getRawAuthority() == null) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String http = switch (scheme) {
            case "wss" -> "https";
            case "ws" -> "http";
            default -> scheme;
        };
        return trusted(URI.create(http + "://" + uri.getRawAuthority()));
    }

    @Override
    public void close() {
        client.shutdownNow();
    }

    /** Whether the token may go to {@code uri}: the instance's host or a subdomain, never over a weaker scheme. */
    boolean trusted(URI uri) {
        URI instance = config.instance();
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String home = instance.getHost().toLowerCase(Locale.ROOT);
        boolean scheme = "https".equalsIgnoreCase(uri.getScheme())
                || instance.getScheme().equalsIgnoreCase(uri.getScheme());
        return scheme && (host.equals(home) || host.endsWith("." + home));
    }

    private static HttpResponse.BodySubscriber<StreamBody> streamBody(HttpResponse.ResponseInfo info) {
        return info.statusCode() == 200
                ? HttpResponse.BodySubscribers.mapping(
                        HttpResponse.BodySubscribers.ofInputStream(), StreamBody.Open::new)
                : HttpResponse.BodySubscribers.mapping(
                        new LimitedBody(MAX_ERROR_BODY_BYTES, true),
                        bytes -> new StreamBody.Refused(new String(bytes, StandardCharsets.UTF_8)));
    }

    private URI redirect(URI from, String location) throws Problem.Raised {
        URI to;
        try {
            to = from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new Problem.Raised(
                    new Problem.Transient(from + " redirected to an invalid address '" + Json.clip(location) + "'"));
        }
        if (config.token().isPresent() && !trusted(to)) {
            throw new Problem.Raised(new Problem.Refused(config.instance() + " redirects its streaming API to " + to
                    + ", outside " + config.instance().getHost() + " and its subdomains; Earshot does not send the"
                    + " access token there"));
        }
        return to;
    }

    private HttpRequest request(URI uri, String accept, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", accept)
                .header("User-Agent", USER_AGENT)
                .GET();
        if (config.token().isPresent() && trusted(uri)) {
            request.header("Authorization", "Bearer " + config.token().get());
        }
        return request.build();
    }

    /** Waits for a call, the source's stop, or the timeout, whichever comes first. */
    private <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> call, Duration timeout, URI uri)
            throws Problem.Raised, InterruptedException {
        try {
            CompletableFuture.anyOf(call, stopped).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // the call failed: reported below
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new Problem.Raised(
                    new Problem.Transient("no answer from " + uri + " within " + MastodonStreamSource.human(timeout)));
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        }
        if (stopped.isDone()) {
            call.cancel(true);
            call.thenAccept(response -> {
                if (response.body() instanceof StreamBody.Open open) {
                    closeQuietly(open.in());
                }
            });
            throw new Problem.Raised(new Problem.Stopped());
        }
        try {
            return call.join();
        } catch (CompletionException e) {
            throw new Problem.Raised(new Problem.Transient("cannot reach " + uri + ": " + Problems.describe(e)));
        }
    }

    private Problem refusal(int code, String body, HttpResponse<?> response, URI uri) {
        String said = errorText(body).map(text -> ": " + text).orElse("");
        // a streaming server elsewhere (streaming.mastodon.social) is named by its own address
        boolean home = uri.getRawAuthority() != null
                && uri.getRawAuthority().equalsIgnoreCase(config.instance().getRawAuthority());
        String where = (home ? config.instance().toString() : uri.getScheme() + "://" + uri.getRawAuthority()) + " ("
                + uri.getRawPath() + ")";
        return switch (code) {
            case 401 ->
                new Problem.Refused(
                        config.token().isPresent()
                                ? where + " refused the access token (HTTP 401" + said + "): it is invalid, expired or"
                                        + " revoked; create a new one (Preferences > Development > New application, scope"
                                        + " read:statuses) and set it for source '" + config.sourceId() + "'"
                                : where + " needs an access token (HTTP 401" + said + "): Mastodon 4.2 and later refuse"
                                        + " streaming without one; create one (Preferences > Development > New"
                                        + " application, scope read:statuses) and set it for source '"
                                        + config.sourceId()
                                        + "'");
            case 403 ->
                new Problem.Refused(where + " refused access (HTTP 403" + said + "): the token needs the scope"
                        + " read:statuses (read for the user stream) and an active account; fix it for source '"
                        + config.sourceId() + "'");
            case 429 ->
                new Problem.RateLimited(
                        where + " is rate-limiting us (HTTP 429" + said + ")",
                        retryAfter(response).orElse(Duration.ZERO));
            default -> new Problem.Transient(where + " answered HTTP " + code + said);
        };
    }

    /** {@code Retry-After} (seconds or an HTTP date), else Mastodon's {@code X-RateLimit-Reset}; capped. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<Instant> until = Optional.empty();
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isPresent()) {
            try {
                long seconds = Long.parseLong(header.get());
                return Optional.of(cap(Duration.ofSeconds(Math.max(0, seconds))));
            } catch (NumberFormatException notSeconds) {
                until = parseHttpDate(header.get());
            }
        }
        if (until.isEmpty()) {
            until = response.headers().firstValue("X-RateLimit-Reset").flatMap(Json::parseTime);
        }
        return until.map(when -> cap(Duration.between(Instant.now(), when)));
    }

    private static Duration cap(Duration wait) {
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    private static Optional<Instant> parseHttpDate(String text) {
        try {
            return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Mastodon's {@code {"error": "..."}}, or a short plain body; never an HTML page. */
    private static Optional<String> errorText(String body) {
        String text = body.strip();
        if (text.isEmpty() || text.startsWith("<")) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(text);
            if (json != null && json.isObject() && json.path("error").isTextual()) {
                text = json.path("error").textValue();
            }
        } catch (IOException | RuntimeException notJson) {
            // plain text
        }
        String printable = text.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        return printable.isEmpty() ? Optional.empty() : Optional.of(Json.clip(printable));
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing a stream we give up on; nothing left to do
        }
    }
}
