package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bluesky authors get their display name and followers from getProfile, looked up off the ingest thread. */
class ProfileLookupTest {

    private static final String DID = "did:plc:profileaaaaaaaaaaaaaaaaa";

    @TempDir
    Path data;

    @Test
    void laterPostsOfAnAuthorCarryTheirProfile() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer appView = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        appView.createContext("/xrpc/app.bsky.actor.getProfile", exchange -> {
            requests.incrementAndGet();
            byte[] body = ("{\"did\":\"" + DID + "\",\"handle\":\"acme.example.com\",\"displayName\":\"Acme Corp\","
                            + "\"followersCount\":12345,\"followsCount\":10,\"postsCount\":99}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        appView.start();
        try {
            EarshotConfig config = EarshotConfig.fromEnvironment(Map.of(
                            "EARSHOT_BLUESKY_PROFILES",
                            "http://127.0.0.1:" + appView.getAddress().getPort(),
                            "EARSHOT_API_TOKEN",
                            ApiClient.TOKEN))
                    .withDataDir(data)
                    .withListen("127.0.0.1", 0)
                    .withSource(EarshotConfig.SourceChoice.NONE);
            try (EarshotApp app = EarshotApp.start(config)) {
                ApiClient api = new ApiClient(app.port());
                api.post("/api/v1/topics", "{\"name\":\"Acme\",\"query\":\"acme\"}");
                api.post(
                        "/api/v1/ingest?format=jetstream&wait=true", JetstreamLines.post(DID, "3prof1", 1, "acme one"));
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (requests.get() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(200);
                api.post(
                        "/api/v1/ingest?format=jetstream&wait=true", JetstreamLines.post(DID, "3prof2", 2, "acme two"));
                JsonNode author = api.get("/api/v1/mentions/bluesky:" + DID + ":3prof2")
                        .json()
                        .get("author");
                assertThat(author.get("handle").asText()).isEqualTo("acme.example.com");
                assertThat(author.get("displayName").asText()).isEqualTo("Acme Corp");
                assertThat(author.get("followers").asLong()).isEqualTo(12345);
                // cached: a third post asks nothing more
                api.post(
                        "/api/v1/ingest?format=jetstream&wait=true",
                        JetstreamLines.post(DID, "3prof3", 3, "acme three"));
                assertThat(requests.get()).isEqualTo(1);
            }
        } finally {
            appView.stop(0);
        }
    }
}
