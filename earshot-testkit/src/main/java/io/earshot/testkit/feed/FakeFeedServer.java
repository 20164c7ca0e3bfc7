package io.earshot.testkit.feed;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A web server on 127.0.0.1 (a random port) that serves feeds the way real sites do, and misbehaves the way
 * real sites do when a test asks it to.
 *
 * <ul>
 *   <li>{@link #serve} puts a document at a path with an {@code ETag} (from its bytes) and a
 *       {@code Last-Modified} (a second later for each new version), and answers {@code 304 Not Modified} to a
 *       request whose {@code If-None-Match} or {@code If-Modified-Since} says the client has it already;
 *       {@link #validation} picks which validators a path sends, as many sites send only one, or none;
 *   <li>{@link #fail} answers the next requests for a path with an error status (with {@code Retry-After} when
 *       asked), {@link #slow} sends the headers at once and the body only after a delay, {@link #endless} sends a
 *       body that never ends; anything else is a {@code 404};
 *   <li>{@link #requests} tells what each request carried, so tests can check the validators sent.
 * </ul>
 *
 * Hostile documents (XML bombs, HTML error pages) come from {@link FeedBodies}.
 *
 * <pre>{@code
 * try (FakeFeedServer server = FakeFeedServer.start()) {
 *     server.serve("/feed.xml", FeedBodies.rss("News", FeedBodies.item("1", "Hello")));
 *     URI feed = server.url("/feed.xml");
 *     ... poll it twice, then:
 *     assertThat(server.requests("/feed.xml").get(1).ifNoneMatch()).isPresent(); // and it was answered 304
 * }
 * }</pre>
 */
public final class FakeFeedServer implements AutoCloseable {

    /** Which validators a path sends with its document. */
    public enum Validation {
        BOTH,
        ETAG_ONLY,
        LAST_MODIFIED_ONLY,
        NONE
    }

    /** One request the server received, and the status it answered. */
    public record FeedRequest(
            String path,
            Optional<String> ifNoneMatch,
            Optional<String> ifModifiedSince,
            String userAgent,
            int status) {}

    private record Document(byte[] body, String contentType, String etag, Instant lastModified) {}

    private record Failure(int status, int remaining, Optional<Duration> retryAfter) {}

    private static final long ENDLESS_LIMIT_BYTES = 1L << 30;

    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, Validation> validation = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Map<String, Duration> slow = new ConcurrentHashMap<>();
    private final Map<String, Boolean> endless = new ConcurrentHashMap<>();
    private final List<FeedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private final Javalin app;

    private FakeFeedServer() {
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/*", this::answer);
        });
        app.start("127.0.0.1", 0);
    }

    public static FakeFeedServer start() {
        return new FakeFeedServer();
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    /** Serves {@code body} at {@code path} as {@code application/rss+xml; charset=utf-8}; a new version if one was there. */
    public void serve(String path, String body) {
        serve(path, body.getBytes(StandardCharsets.UTF_8), "application/rss+xml; charset=utf-8");
    }

    /** Serves bytes as they are, with the {@code Content-Type} given (e.g. to test encodings and HTML pages). */
    public void serve(String path, byte[] body, String contentType) {
        documents.compute(path, (key, before) -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant modified = before == null || now.isAfter(before.lastModified())
                    ? now
                    : before.lastModified().plusSeconds(1);
            return new Document(body.clone(), contentType, etag(body), modified);
        });
    }

    /** Which validators {@code path} sends from now on ({@link Validation#BOTH} by default). */
    public void validation(String path, Validation which) {
        validation.put(path, which);
    }

    /** Answers the next {@code count} requests for {@code path} with {@code status}. */
    public void fail(String path, int status, int count) {
        fail(path, status, count, Optional.empty());
    }

    /** Answers the next {@code count} requests with {@code status} and, when given, {@code Retry-After} in seconds. */
    public synchronized void fail(String path, int status, int count, Optional<Duration> retryAfter) {
        failures.put(path, new Failure(status, count, retryAfter));
    }

    /** Sends the headers of {@code path} at once and its body after {@code delay}; zero to stop. */
    public void slow(String path, Duration delay) {
        if (delay.isZero()) {
            slow.remove(path);
        } else {
            slow.put(path, delay);
        }
    }

    /** Serves at {@code path} an RSS document that never ends (until the client hangs up, or 1 GiB). */
    public void endless(String path) {
        endless.put(path, true);
    }

    /** Every request so far, oldest first. */
    public List<FeedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests for {@code path}, oldest first. */
    public List<FeedRequest> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits until {@code path} was requested at least {@code count} times; false when {@code timeout} ran out. */
    public boolean awaitRequests(String path, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests(path).size() < count) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    @Override
    public void close() {
        running = false;
        app.stop();
    }

    private void answer(Context ctx) {
        String path = ctx.path();
        Optional<String> ifNoneMatch = Optional.ofNullable(ctx.header("If-None-Match"));
        Optional<String> ifModifiedSince = Optional.ofNullable(ctx.header("If-Modified-Since"));
        String agent = Optional.ofNullable(ctx.header("User-Agent")).orElse("");
        int status = respond(ctx, path, ifNoneMatch, ifModifiedSince);
        requests.add(new FeedRequest(path, ifNoneMatch, ifModifiedSince, agent, status));
    }

    private int respond(Context ctx, String path, Optional<String> ifNoneMatch, Optional<String> ifModifiedSince) {
        Optional<Failure> failure = takeFailure(path);
        if (failure.isPresent()) {
            failure.get().retryAfter().ifPresent(wait -> ctx.header("Retry-After", Long.toString(wait.toSeconds())));
            ctx.status(failure.get().status()).contentType("text/plain").result("injected failure");
            return failure.get().status();
        }
        if (endless.containsKey(path)) {
            return writeEndless(ctx);
        }
        Document document = documents.get(path);
        if (document == null) {
            ctx.status(404).contentType("text/html").result("<html><body><h1>Not Found</h1></body></html>");
            return 404;
        }
        Validation which = validation.getOrDefault(path, Validation.BOTH);
        boolean etag = which == Validation.BOTH || which == Validation.ETAG_ONLY;
        boolean modified = which == Validation.BOTH || which == Validation.LAST_MODIFIED_ONLY;
        if (etag) {
            ctx.header("ETag", document.etag());
        }
        if (modified) {
            ctx.header(
                    "Last-Modified",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            document.lastModified().atZone(ZoneOffset.UTC)));
        }
        if (notModified(document, etag, modified, ifNoneMatch, ifModifiedSince)) {
            ctx.status(304);
            return 304;
        }
        Duration delay = slow.get(path);
        if (delay != null) {
            return writeSlowly(ctx, document, delay);
        }
        ctx.status(200).contentType(document.contentType()).result(document.body());
        return 200;
    }

    /** The failure {@link #fail} armed for {@code path}, if any, counted down by one. */
    private synchronized Optional<Failure> takeFailure(String path) {
        Failure armed = failures.get(path);
        if (armed == null) {
            return Optional.empty();
        }
        if (armed.remaining() <= 1) {
            failures.remove(path);
        } else {
            failures.put(path, new Failure(armed.status(), armed.remaining() - 1, armed.retryAfter()));
        }
        return Optional.of(armed);
    }

    /** RFC 9110: {@code If-None-Match} decides when present; {@code If-Modified-Since} only without it. */
    private static boolean notModified(
            Document document,
            boolean etag,
            boolean modified,
            Optional<String> ifNoneMatch,
            Optional<String> ifModifiedSince) {
        if (ifNoneMatch.isPresent()) {
            return etag
                    && Arrays.stream(ifNoneMatch.get().split(","))
                            .map(String::strip)
                            .anyMatch(tag -> tag.equals("*") || tag.equals(document.etag()));
        }
        if (ifModifiedSince.isPresent() && modified) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return !document.lastModified().isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private int writeSlowly(Context ctx, Document document, Duration delay) {
        try {
            ctx.status(200);
            ctx.res().setContentType(document.contentType());
            OutputStream out = ctx.res().getOutputStream();
            int head = Math.min(16, document.body().length);
            out.write(document.body(), 0, head);
            out.flush();
            long deadline = System.nanoTime() + delay.toNanos();
            while (running && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            out.write(document.body(), head, document.body().length - head);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up waiting
        }
        return 200;
    }

    private int writeEndless(Context ctx) {
        try {
            ctx.status(200);
            ctx.res().setContentType("application/rss+xml");
            OutputStream out = ctx.res().getOutputStream();
            out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>endless</title>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] item = "<item><title>again</title><description>and again and again</description></item>\n"
                    .repeat(256)
                    .getBytes(StandardCharsets.UTF_8);
            for (long sent = 0; running && sent < ENDLESS_LIMIT_BYTES; sent += item.length) {
                out.write(item);
            }
        } catch (IOException e) {
            // the client hung up, as it should
        }
        return 200;
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
