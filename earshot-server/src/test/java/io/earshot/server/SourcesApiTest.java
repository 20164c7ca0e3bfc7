package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.server.cli.EarshotCommand;
import io.earshot.testkit.feed.FakeFeedServer;
import io.earshot.testkit.feed.FeedBodies;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources added and removed through the API: checked like the config file, started at once, kept across restarts. */
class SourcesApiTest {

    @TempDir
    Path data;

    private EarshotApp start() {
        return EarshotApp.start(EarshotConfig.fromEnvironment(
                        Map.of("EARSHOT_BLUESKY_PROFILES", "off", "EARSHOT_API_TOKEN", ApiClient.TOKEN))
                .withDataDir(data)
                .withListen("127.0.0.1", 0)
                .withSources(java.util.List.of(new io.earshot.server.config.SourceSpec.Feeds(
                        "config-feeds",
                        java.util.List.of(java.net.URI.create("http://127.0.0.1:9/none.xml")),
                        java.util.Optional.empty(),
                        java.time.Duration.ofHours(1)))));
    }

    @Test
    void aFeedAddedThroughTheApiRunsNowAndAfterARestartUntilRemoved() throws Exception {
        try (FakeFeedServer feeds = FakeFeedServer.start()) {
            feeds.serve("/news.xml", FeedBodies.rss("News", FeedBodies.item("n-1", "Acme opens a new store")));
            String definition = "{\"type\":\"feed\",\"id\":\"news\",\"interval\":\"15m\",\"feeds\":[\""
                    + feeds.url("/news.xml") + "\"]}";
            try (EarshotApp app = start()) {
                ApiClient api = new ApiClient(app.port());
                ApiClient.Response added = api.post("/api/v1/sources", definition);
                assertThat(added.status()).as(added.body()).isEqualTo(201);
                assertThat(added.json().get("id").asText()).isEqualTo("news");
                assertThat(api.post("/api/v1/sources", definition).status()).isEqualTo(409);
                ApiClient.Response bad = api.post(
                        "/api/v1/sources",
                        "{\"type\":\"feed\",\"id\":\"x\",\"interval\":\"soon\",\"feeds\":[\"https://a.example/f\"]}");
                assertThat(bad.status()).isEqualTo(400);
                assertThat(bad.json().get("error").asText()).contains("source.interval");
                assertThat(api.post("/api/v1/sources", "{\"type\":\"myspace\"}")
                                .json()
                                .get("error")
                                .asText())
                        .contains("source.type");
                api.post("/api/v1/topics", "{\"name\":\"Acme\",\"query\":\"acme\"}");
                assertThat(api.await(
                                        "/api/v1/mentions",
                                        json -> json.get("total").asLong() == 1)
                                .json()
                                .get("total")
                                .asLong())
                        .isEqualTo(1);
                assertThat(api.get("/api/v1/sources/news").json().get("type").asText())
                        .isEqualTo("feed");
                // sources from the config file are removed there, not through the API
                assertThat(api.delete("/api/v1/sources/config-feeds").status()).isEqualTo(409);
            }
            try (EarshotApp app = start()) {
                ApiClient api = new ApiClient(app.port());
                assertThat(api.get("/api/v1/sources/news").status()).isEqualTo(200);
                assertThat(api.delete("/api/v1/sources/news").status()).isEqualTo(204);
                assertThat(api.get("/api/v1/sources/news").status()).isEqualTo(404);
                assertThat(api.delete("/api/v1/sources/news").status()).isEqualTo(404);
            }
            try (EarshotApp app = start()) {
                ApiClient api = new ApiClient(app.port());
                assertThat(api.get("/api/v1/sources/news").status()).isEqualTo(404);
                // the CLI writes to the data folder; the running server picks it up within seconds
                assertThat(EarshotCommand.execute("source", "add", definition, "--data", data.toString()))
                        .isZero();
                assertThat(api.await(
                                        "/api/v1/sources",
                                        json -> json.get("items").toString().contains("\"news\""))
                                .body())
                        .contains("\"news\"");
                assertThat(EarshotCommand.execute("source", "rm", "news", "--data", data.toString()))
                        .isZero();
                assertThat(api.await(
                                        "/api/v1/sources",
                                        json -> !json.get("items").toString().contains("\"news\""))
                                .body())
                        .doesNotContain("\"news\"");
            }
        }
    }
}
