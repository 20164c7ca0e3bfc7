package io.earshot.server.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.earshot.server.EarshotApp;
import io.earshot.server.EarshotConfig;
import io.earshot.server.alert.delivery.DeliverySettings;
import io.earshot.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
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
 *
 * <p>The first {@code warmup} seconds are ingested the same way but not timed (the JIT compiles, Lucene makes its
 * first segments). Only a share of the posts need mention the topic: a firehose carries far more posts than
 * mentions, and every post costs parsing, enrichment, matching and archiving whether or not it matches. The
 * result also gives the process's CPU time per post, which says how many cores a rate needs.
 */
public final class AlertLatencyBench {

    private static final int BATCHES_PER_SECOND = 100;

    private AlertLatencyBench() {}

    /**
     * @param rate posts per second
     * @param seconds how long to ingest after the warm-up
     * @param warmup seconds ingested first, untimed
     * @param mentionShare the share of posts that mention the topic (1 = every post)
     */
    public record Settings(int rate, int seconds, int warmup, double mentionShare) {
        public Settings {
            if (rate < 1 || seconds < 1 || warmup < 0) {
                throw new IllegalArgumentException("--rate and --seconds must be at least 1, --warmup at least 0");
            }
            if (!(mentionShare > 0 && mentionShare <= 1)) {
                throw new IllegalArgumentException("--mention-share must be more than 0 and at most 1");
            }
        }
    }

    public static String run(Settings settings) throws Exception {
        int rate = settings.rate();
        Path data = Files.createTempDirectory("earshot-bench-alerts");
        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        AtomicLong timedFrom = new AtomicLong(Long.MAX_VALUE);
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
                long id = Long.parseLong(text.substring(text.lastIndexOf(' ') + 1));
                Long sent = sentAt.remove(id);
                if (sent != null && id >= timedFrom.get()) {
                    latencies.add(now - sent);
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        receiver.start();
        // every install needs a way in: the bench comes in as admin with a token of its own
        String token = "bench-" + java.util.UUID.randomUUID();
        EarshotConfig config = EarshotConfig.fromEnvironment(Map.of("EARSHOT_API_TOKEN", token))
                .withDataDir(data)
                .withListen("127.0.0.1", 0)
                .withSource(EarshotConfig.SourceChoice.NONE)
                .withDelivery(DeliverySettings.DEFAULT.withAllowPrivateTargets(true));
        long started;
        long sent = 0;
        long expected = 0;
        long cpuAtStart = 0;
        long cpuAtEnd = 0;
        long postsAtStart = 0;
        long ingestEnded = 0;
        try (EarshotApp app = EarshotApp.start(config)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.port();
            post(http, base + "/api/v1/topics", token, "{\"name\": \"bench\", \"query\": \"acme\"}");
            post(
                    http,
                    base + "/api/v1/alerts",
                    token,
                    "{\"name\": \"bench\", \"topics\": [1], \"condition\": {\"type\":"
                            + " \"every_match\"}, \"channels\": [{\"type\": \"webhook\", \"url\": \"http://127.0.0.1:"
                            + receiver.getAddress().getPort() + "/hook\", \"secret\": \"bench\"}], \"fatigue\": {"
                            + "\"max_per_hour\": 0, \"group_window\": \"50ms\"}}");
            Thread.sleep(500);
            int perBatch = Math.max(1, rate / BATCHES_PER_SECOND);
            int mentionEvery = (int) Math.round(1 / settings.mentionShare());
            List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
            int warmupBatches = settings.warmup() * BATCHES_PER_SECOND;
            int batches = warmupBatches + settings.seconds() * BATCHES_PER_SECOND;
            long next = System.nanoTime();
            started = next;
            for (int batch = 0; batch < batches; batch++) {
                if (batch == warmupBatches) {
                    timedFrom.set(sent);
                    started = System.nanoTime();
                    cpuAtStart = processCpuNanos();
                    postsAtStart = sent;
                }
                StringBuilder lines = new StringBuilder();
                long now = System.nanoTime();
                for (int i = 0; i < perBatch; i++) {
                    long id = sent++;
                    boolean mention = id % mentionEvery == 0;
                    if (mention) {
                        sentAt.put(id, now);
                        expected++;
                    }
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
                            .append("\",\"langs\":[\"en\"],\"text\":\"")
                            .append(mention ? "acme is having a moment " : "the weather is having a moment ")
                            .append(id)
                            .append("\"},\"cid\":\"bafyb")
                            .append(id)
                            .append("\"}}\n");
                }
                pending.add(http.sendAsync(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest?format=jetstream"))
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofString(lines.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
                next += 1_000_000_000L / BATCHES_PER_SECOND;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
            ingestEnded = System.nanoTime();
            cpuAtEnd = processCpuNanos();
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (mentionsNotified.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            receiver.stop(0);
            deleteQuietly(data);
        }
        double timed = (ingestEnded - started) / 1e9;
        long timedPosts = sent - postsAtStart;
        long[] sorted;
        synchronized (latencies) {
            sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rate_target", rate);
        result.put("seconds", settings.seconds());
        result.put("warmup_seconds", settings.warmup());
        result.put("mention_share", settings.mentionShare());
        result.put("posts", sent);
        result.put("mentions", expected);
        result.put("mentions_notified", mentionsNotified.get());
        result.put("notifications", notifications.get());
        // what was ingested per second while the clock ran: below the target when the sender fell behind
        result.put("posts_per_s", Math.round(timedPosts / timed));
        result.put("cpu_us_per_post", timedPosts == 0 ? 0 : Math.round((cpuAtEnd - cpuAtStart) / 1000.0 / timedPosts));
        result.put("latency_sampled", sorted.length);
        result.put("latency_p50_ms", percentile(sorted, 0.50));
        result.put("latency_p90_ms", percentile(sorted, 0.90));
        result.put("latency_p99_ms", percentile(sorted, 0.99));
        result.put("latency_max_ms", sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1_000_000.0);
        return Json.write(result);
    }

    /** CPU time of the whole process (every thread: ingest, HTTP, the sender and receiver of this bench). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return Math.round(sorted[Math.max(0, index)] / 10_000.0) / 100.0;
    }

    private static void post(HttpClient http, String url, String token, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
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
