package io.earshot.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.server.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/** A small HTTP client for tests: real requests to the app on 127.0.0.1. */
final class ApiClient {

    record Response(int status, String body) {
        JsonNode json() {
            return Json.read(body);
        }
    }

    /**
     * The admin token the test apps start with ({@code EARSHOT_API_TOKEN}): every install needs a way in, and
     * tests come in the way a script would.
     */
    static final String TOKEN = "test-admin-token";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    /** As an admin script ({@link #TOKEN}). */
    ApiClient(int port) {
        this(port, TOKEN);
    }

    /** With no credentials at all. */
    static ApiClient anonymous(int port) {
        return new ApiClient(port, null);
    }

    ApiClient(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    Response get(String path) {
        return send(builder(path).GET());
    }

    Response post(String path, String body) {
        return send(builder(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response post(String path, byte[] body) {
        return send(builder(path).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Response put(String path, String body) {
        return send(builder(path).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response delete(String path) {
        return send(builder(path).DELETE());
    }

    /** Polls {@code path} until {@code done} holds (bounded: 10 s), returning the last response. */
    Response await(String path, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Response response = get(path);
        while (!done.test(response.json()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            response = get(path);
        }
        return response;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
