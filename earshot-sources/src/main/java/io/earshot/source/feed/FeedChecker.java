package io.earshot.source.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What {@code earshot feed check PATH|URL…} prints: one line per input, in order,
 *
 * <pre>
 * ok 12 https://example.com/feed.xml
 * error https://example.com/blog: not a feed: got an HTML page
 * error ./bomb.xml: XML DOCTYPE declarations with entities are not allowed (possible XML bomb)
 * </pre>
 *
 * An input is an http(s) URL (fetched with the client given, at most 10 s and 10 MiB) or a local file (a path
 * or a {@code file:} URL). The reasons are those the source reports: {@code HTTP 404}, {@code connection
 * refused}, {@code timed out after 10 s}, {@code too large: over 10 MiB}, {@code not a feed: got an HTML page},
 * {@code broken XML at line 3, column 1: …}. The count is the number of entries the feed holds.
 */
public final class FeedChecker {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private FeedChecker() {}

    /** One line per input, with a 10 s limit per URL. */
    public static List<String> check(List<String> inputs, HttpClient client) throws InterruptedException {
        return check(inputs, client, DEFAULT_TIMEOUT);
    }

    /** One line per input, with {@code timeout} per URL. */
    public static List<String> check(List<String> inputs, HttpClient client, Duration timeout)
            throws InterruptedException {
        return check(inputs, client, timeout, FeedConfig.DEFAULT_MAX_BODY_BYTES);
    }

    static List<String> check(List<String> inputs, HttpClient client, Duration timeout, long maxBytes)
            throws InterruptedException {
        List<String> lines = new ArrayList<>(inputs.size());
        for (String input : inputs) {
            lines.add(checkOne(input, client, timeout, maxBytes));
        }
        return List.copyOf(lines);
    }

    private static String checkOne(String input, HttpClient client, Duration timeout, long maxBytes)
            throws InterruptedException {
        String lower = input.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return checkUrl(input, client, timeout, maxBytes);
        }
        if (lower.contains("://") && !lower.startsWith("file:")) {
            return error(input, "only http(s) URLs and local files can be checked");
        }
        return checkFile(input, maxBytes);
    }

    private static String checkUrl(String input, HttpClient client, Duration timeout, long maxBytes)
            throws InterruptedException {
        URI url;
        try {
            url = FeedSubscription.of(input).url();
        } catch (IllegalArgumentException e) {
            return error(input, "not a valid URL");
        }
        FeedHttp.Fetch fetch = FeedHttp.get(client, url, Validators.NONE, timeout, maxBytes, new CompletableFuture<>());
        return switch (fetch) {
            case FeedHttp.Fetch.Fetched fetched -> parse(input, url, fetched.body(), fetched.contentType());
            case FeedHttp.Fetch.Failed failed -> error(input, failed.reason());
            case FeedHttp.Fetch.NotModified notModified -> error(input, "HTTP 304");
            case FeedHttp.Fetch.Stopped stopped -> error(input, "stopped");
        };
    }

    private static String checkFile(String input, long maxBytes) {
        Path path;
        try {
            path = input.strip().toLowerCase(Locale.ROOT).startsWith("file:")
                    ? Path.of(URI.create(input.strip()))
                    : Path.of(input);
        } catch (IllegalArgumentException e) { // InvalidPathException among them
            return error(input, "not a file path or an http(s) URL");
        }
        if (Files.isDirectory(path)) {
            return error(input, "is a folder, not a feed file");
        }
        byte[] body;
        try (InputStream in = Files.newInputStream(path)) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (NoSuchFileException e) {
            return error(input, "no such file");
        } catch (AccessDeniedException e) {
            return error(input, "permission denied");
        } catch (IOException e) {
            return error(input, "cannot read the file: " + e.getMessage());
        }
        if (body.length > maxBytes) {
            return error(input, "too large: over " + Sizes.human(maxBytes));
        }
        return parse(input, path.toAbsolutePath().toUri(), body, Optional.empty());
    }

    private static String parse(String input, URI source, byte[] body, Optional<String> contentType) {
        try {
            FeedMapper.Parsed parsed = new FeedMapper().parse(source, body, contentType, Instant.now());
            return "ok " + parsed.entries() + " " + input;
        } catch (UnreadableFeedException e) {
            return error(input, e.getMessage());
        }
    }

    private static String error(String input, String reason) {
        return "error " + input + ": " + reason;
    }
}
