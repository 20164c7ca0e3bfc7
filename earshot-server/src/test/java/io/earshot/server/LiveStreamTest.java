package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mentions arrive on /api/v1/stream as Server-Sent Events once stored, filtered by topic. */
class LiveStreamTest {

    @TempDir
    Path data;

    @Test
    void storedMentionsAreStreamedToSubscribersOfTheirTopic() throws Exception {
        try (EarshotApp app = EndToEndTest.start(data)) {
            ApiClient api = new ApiClient(app.port());
            long acme = api.post("/api/v1/topics", "{\"name\":\"Acme\",\"query\":\"acme\"}")
                    .json()
                    .get("id")
                    .asLong();
            long other = api.post("/api/v1/topics", "{\"name\":\"Other\",\"query\":\"zebra\"}")
                    .json()
                    .get("id")
                    .asLong();
            HttpClient http = HttpClient.newHttpClient();
            InputStream acmeStream = http.send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + app.port() + "/api/v1/stream?topic=" + acme))
                                    .header("Authorization", "Bearer " + ApiClient.TOKEN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream())
                    .body();
            InputStream otherStream = http.send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + app.port() + "/api/v1/stream?topic=" + other))
                                    .header("Authorization", "Bearer " + ApiClient.TOKEN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream())
                    .body();
            CompletableFuture<List<String>> acmeEvents = CompletableFuture.supplyAsync(() -> readEvents(acmeStream, 1));
            Thread.sleep(300);
            api.post(
                    "/api/v1/ingest?format=jetstream&wait=true",
                    String.join(
                            "\n",
                            JetstreamLines.post("did:plc:alice", "3live1", 1, "acme is live"),
                            JetstreamLines.post("did:plc:alice", "3live2", 2, "nothing to see")));
            List<String> events = acmeEvents.get(10, TimeUnit.SECONDS);
            assertThat(events).hasSize(1);
            assertThat(events.get(0))
                    .contains("event: mention")
                    .contains("acme is live")
                    .contains("\"topics\":[" + acme + "]");
            assertThat(otherStream.available()).isLessThanOrEqualTo(200); // only the opening comment, no mention
            acmeStream.close();
            otherStream.close();
        }
    }

    private static List<String> readEvents(InputStream stream, int count) {
        List<String> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            StringBuilder event = new StringBuilder();
            String line;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (events.size() < count && System.nanoTime() < deadline && (line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (event.toString().contains("event:")) {
                        events.add(event.toString());
                    }
                    event.setLength(0);
                } else {
                    event.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }
}
