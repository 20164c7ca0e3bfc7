package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.testkit.Fixtures;
import io.earshot.testkit.feed.FakeFeedServer;
import io.earshot.testkit.feed.FeedBodies;
import io.earshot.testkit.jetstream.FakeJetstreamServer;
import io.earshot.testkit.mastodon.FakeMastodonServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code earshot run} with a config file listing a Bluesky filter, two Mastodon hashtags and three feeds:
 * every source reports its status, and posts from each network arrive in the archive.
 */
class AllSourcesTest {

    @TempDir
    Path data;

    @Test
    void everyConfiguredSourceRunsAndReportsItsStatus() throws Exception {
        try (FakeJetstreamServer jetstream = FakeJetstreamServer.replaying(
                                Fixtures.fixture("jetstream/production-2026-07-04.jsonl"))
                        .start();
                FakeMastodonServer mastodon = FakeMastodonServer.builder()
                        .token("m-token")
                        .timeline(Fixtures.fixture("mastodon/tag_timeline.json"))
                        .start();
                FakeFeedServer feeds = FakeFeedServer.start()) {
            for (int feed = 1; feed <= 3; feed++) {
                feeds.serve(
                        "/feed" + feed + ".xml",
                        FeedBodies.rss(
                                "Feed " + feed,
                                FeedBodies.item("f" + feed + "-a", "Acme news " + feed),
                                FeedBodies.item("f" + feed + "-b", "More news " + feed)));
            }
            Path config = data.resolve("earshot.yml");
            Files.writeString(config, """
                    sources:
                      - type: bluesky
                        collections: [app.bsky.feed.post, app.bsky.feed.like, app.bsky.feed.repost]
                      - type: mastodon
                        instance: %1$s
                        stream: hashtag
                        tag: mastodon
                        token: ${MASTODON_TOKEN}
                      - type: mastodon
                        instance: %1$s
                        stream: hashtag
                        tag: diaspora
                        token: ${MASTODON_TOKEN}
                        transport: sse
                      - type: feed
                        interval: 15m
                        feeds: [%2$s, %3$s, %4$s]
                    """.formatted(
                            mastodon.uri(), feeds.url("/feed1.xml"), feeds.url("/feed2.xml"), feeds.url("/feed3.xml")));
            EarshotConfig settings = EarshotConfig.load(
                            Optional.of(config),
                            Map.of(
                                    "MASTODON_TOKEN",
                                    "m-token",
                                    "EARSHOT_BLUESKY_JETSTREAM_URL",
                                    jetstream.uri().toString(),
                                    "EARSHOT_BLUESKY_PROFILES",
                                    "off",
                                    "EARSHOT_API_TOKEN",
                                    ApiClient.TOKEN))
                    .withDataDir(data.resolve("data"))
                    .withListen("127.0.0.1", 0);
            try (EarshotApp app = EarshotApp.start(settings)) {
                ApiClient api = new ApiClient(app.port());
                JsonNode sources = api.await("/api/v1/sources", json -> {
                            List<String> connected = new ArrayList<>();
                            json.get("items").forEach(item -> {
                                if (item.get("state").asText().equals("connected")
                                        && item.get("events").asLong() > 0) {
                                    connected.add(item.get("id").asText());
                                }
                            });
                            return connected.size() == 4;
                        })
                        .json();
                List<String> ids = new ArrayList<>();
                sources.get("items").forEach(item -> ids.add(item.get("id").asText()));
                assertThat(ids)
                        .containsExactlyInAnyOrder(
                                "bluesky",
                                "mastodon:127.0.0.1:hashtag:mastodon",
                                "mastodon:127.0.0.1:hashtag:diaspora",
                                "feeds");
                sources.get("items").forEach(item -> {
                    assertThat(item.get("state").asText()).as(item.toString()).isEqualTo("connected");
                    assertThat(item.get("events").asLong()).as(item.toString()).isPositive();
                });
                Map<String, String> endpoints = new HashMap<>();
                sources.get("items")
                        .forEach(item -> endpoints.put(
                                item.get("id").asText(), item.get("endpoint").asText()));
                assertThat(endpoints.get("mastodon:127.0.0.1:hashtag:mastodon"))
                        .as("transport auto: the WebSocket the instance advertises")
                        .startsWith("ws://127.0.0.1:");
                assertThat(endpoints.get("mastodon:127.0.0.1:hashtag:diaspora"))
                        .as("transport: sse")
                        .startsWith(mastodon.uri() + "/api/v1/streaming/hashtag");
                JsonNode health = api.get("/health").json();
                assertThat(health.get("sources")).hasSize(4);
                assertThat(health.get("status").asText()).isEqualTo("ok");
                String metrics = api.get("/metrics").body();
                assertThat(metrics)
                        .contains("earshot_source_up{source=\"feeds\"} 1")
                        .contains("earshot_source_up{source=\"bluesky\"} 1");

                // posts from every network are in the archive
                for (String network : List.of("bluesky", "mastodon", "feed")) {
                    assertThat(api.post(
                                            "/api/v1/topics",
                                            "{\"name\":\"all " + network + "\",\"query\":\"network:" + network + "\"}")
                                    .status())
                            .isEqualTo(201);
                }
                JsonNode topics = api.get("/api/v1/topics").json().get("items");
                for (JsonNode topic : topics) {
                    JsonNode mentions = api.await(
                                    "/api/v1/mentions?topic=" + topic.get("id").asLong(),
                                    json -> json.get("total").asLong() > 0)
                            .json();
                    assertThat(mentions.get("total").asLong())
                            .as(topic.get("name").asText())
                            .isPositive();
                }
            }
        }
    }
}
