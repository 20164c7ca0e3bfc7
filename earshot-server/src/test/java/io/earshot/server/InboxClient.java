package io.earshot.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Requests to the inbox API as one person ({@code X-Earshot-User}), with any other headers a test needs. */
final class InboxClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String user;

    InboxClient(int port, String user) {
        this.base = "http://127.0.0.1:" + port;
        this.user = user;
    }

    InboxClient as(String other) {
        return new InboxClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), other);
    }

    ApiClient.Response get(String path) {
        return send("GET", path, "", Map.of());
    }

    ApiClient.Response post(String path, String body) {
        return send("POST", path, body, Map.of());
    }

    ApiClient.Response post(String path, String body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    ApiClient.Response put(String path, String body) {
        return send("PUT", path, body, Map.of());
    }

    ApiClient.Response patch(String path, String body) {
        return send("PATCH", path, body, Map.of());
    }

    ApiClient.Response delete(String path) {
        return send("DELETE", path, "", Map.of());
    }

    JsonNode json(String path) {
        ApiClient.Response response = get(path);
        if (response.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    /** Polls {@code path} until its {@code items} hold {@code size} (bounded: 10 s). */
    JsonNode await(String path, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode body = json(path);
        while (body.get("items").size() < size && System.nanoTime() < deadline) {
            Thread.sleep(50);
            body = json(path);
        }
        return body;
    }

    private ApiClient.Response send(String method, String path, String body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("X-Earshot-User", user);
        all.putIfAbsent("Authorization", "Bearer " + ApiClient.TOKEN);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        all.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
