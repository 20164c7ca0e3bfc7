package io.earshot.server.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.earshot.server.EarshotApp;
import io.earshot.server.EarshotConfig;
import io.earshot.server.alert.delivery.DeliverySettings;
import io.earshot.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code earshot bench alerts}: posts go into a real Earshot (temporary data folder, HTTP ingest in Jetstream
 * format at a steady rate) with one {@code every_match} rule whose webhook points at a receiver on 127.0.0.1;
 * the latency of a mention is from the moment its post was handed to ingest to the moment the webhook that
 * carries it arrived. A notification carries at most 50 mentions (the rest are counted in
 * {@code summary.mentions_total}), so latencies are measured on the mentions carried and throughput on the
 * totals.
 */
public final class AlertLatencyBench {

    private static final int BATCHES_PER_SECOND = 100;

    private AlertLatencyBench() {}

    public static String run(int rate, int seconds) throws Exception {
        Path data = Files.createTempDirectory("earshot-bench-alerts");
        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong mentionsNotified = new AtomicLong();
        AtomicLong notifications = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            JsonNode body = Json.read(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            notifications.incrementAndGet();
            mentionsNotified.addAndGet(body.at("/summary/mentions_total").asLong());
            for (JsonNode mention : body.path("mentions")) {
                String text = mention.path("text").asText();
                Long sent = sentAt.get(Long.parseLong(text.substring(text.lastIndexOf(' ') + 1)));
                if (sent != null) {
                    latencies.add(now - sent);
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        receiver.start();
        EarshotConfig config = EarshotConfig.fromEnvironment(Map.of())
                .withDataDir(data)
                .withListen("127.0.0.1", 0)
                .withSource(EarshotConfig.SourceChoice.NONE)
                .withDelivery(DeliverySettings.DEFAULT.withAllowPrivateTargets(true));
        long started;
        long sent = 0;
        try (EarshotApp app = EarshotApp.start(config)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.port();
            post(http, base + "/api/v1/topics", "{\"name\": \"bench\", \"query\": \"acme\"}");
            post(
                    http,
                    base + "/api/v1/alerts",
                    "{\"name\": \"bench\", \"topics\": [1], \"condition\": {\"type\":"
                            + " \"every_match\"}, \"channels\": [{\"type\": \"webhook\", \"url\": \"http://127.0.0.1:"
                            + receiver.getAddress().getPort() + "/hook\", \"secret\": \"bench\"}], \"fatigue\": {"
                            + "\"max_per_hour\": 0, \"group_window\": \"50ms\"}}");
            Thread.sleep(500);
            int perBatch = Math.max(1, rate / BATCHES_PER_SECOND);
            List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
            started = System.nanoTime();
            long next = started;
            for (int batch = 0; batch < seconds * BATCHES_PER_SECOND; batch++) {
                StringBuilder lines = new StringBuilder();
                long now = System.nanoTime();
                for (int i = 0; i < perBatch; i++) {
                    long id = sent++;
                    sentAt.put(id, now);
                    lines.append("{\"did\":\"did:plc:bench")
                            .append(id % 5000)
                            .append("\",\"time_us\":")
                            .append(1_700_000_000_000_000L + id)
                            .append(",\"kind\":\"commit\",\"commit\":{\"rev\":\"r")
                            .append(id)
                            .append("\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"b")
                            .append(id)
                            .append("\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"")
                            .append(java.time.Instant.now())
                            .append("\",\"langs\":[\"en\"],\"text\":\"acme is having a moment ")
                            .append(id)
                            .append("\"},\"cid\":\"bafyb")
                            .append(id)
                            .append("\"}}\n");
                }
                pending.add(http.sendAsync(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest?format=jetstream"))
                                .POST(HttpRequest.BodyPublishers.ofString(lines.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
                next += 1_000_000_000L / BATCHES_PER_SECOND;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (mentionsNotified.get() < sent && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            receiver.stop(0);
            deleteQuietly(data);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] sorted;
        synchronized (latencies) {
            sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rate_target", rate);
        result.put("seconds", seconds);
        result.put("posts", sent);
        result.put("mentions_notified", mentionsNotified.get());
        result.put("notifications", notifications.get());
        result.put("throughput_per_s", Math.round(mentionsNotified.get() / elapsed));
        result.put("latency_sampled", sorted.length);
        result.put("latency_p50_ms", percentile(sorted, 0.50));
        result.put("latency_p99_ms", percentile(sorted, 0.99));
        result.put("latency_max_ms", sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1_000_000.0);
        return Json.write(result);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return Math.round(sorted[Math.max(0, index)] / 10_000.0) / 100.0;
    }

    private static void post(HttpClient http, String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("bench setup failed: " + url + " -> " + response.body());
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
