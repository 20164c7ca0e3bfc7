package io.earshot.testkit.reply;

import io.javalin.http.Context;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Failures scripted for one endpoint of a fake server, served in order: a status with headers (429 with
 * Retry-After, 503 …), either instead of doing the work, or after doing it (the answer lost on the way back,
 * the case that makes retries dangerous).
 */
final class Failures {

    /** One scripted failure. */
    record Failure(int status, Map<String, String> headers, boolean afterWork) {}

    private final Map<String, Deque<Failure>> byEndpoint = new java.util.concurrent.ConcurrentHashMap<>();

    void add(String endpoint, Failure failure) {
        byEndpoint.computeIfAbsent(endpoint, e -> new ArrayDeque<>()).add(failure);
    }

    /** The next failure for an endpoint, if one is scripted and it comes {@code afterWork} or not. */
    synchronized boolean serve(String endpoint, boolean afterWork, Context ctx) {
        Deque<Failure> queue = byEndpoint.get(endpoint);
        if (queue == null || queue.isEmpty() || queue.peek().afterWork() != afterWork) {
            return false;
        }
        Failure failure = queue.poll();
        failure.headers().forEach(ctx::header);
        String error = failure.status() == 429 ? "RateLimitExceeded" : "InternalServerError";
        ctx.status(failure.status()).json(Map.of("error", error, "message", "scripted failure " + failure.status()));
        return true;
    }
}
