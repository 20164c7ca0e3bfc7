package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.testkit.Fixtures;
import io.earshot.testkit.jetstream.FakeJetstreamServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code earshot run} against a real WebSocket server on 127.0.0.1 that speaks Jetstream and drops the
 * connection repeatedly: the archive ends up holding exactly the fixture's posts, and a restart resumes
 * from the committed cursor.
 */
class LiveSourceTest {

    private static final Pattern TIME_US = Pattern.compile("\"time_us\":\\d+");

    @TempDir
    Path data;

    @Test
    void firehoseWithRepeatedDisconnectsEndsUpExactlyInTheArchive() throws Exception {
        // the capture spans 0.3 s; spread it over 152 s so that a resume "a few seconds early" (5 s) re-sends
        // only the last few events, as on the real firehose, instead of everything
        List<String> lines = Files.readAllLines(Fixtures.fixture("jetstream/production-2026-07-04.jsonl"));
        List<String> spread = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            spread.add(TIME_US.matcher(lines.get(i))
                    .replaceFirst("\"time_us\":" + (1_783_000_000_000_000L + i * 1_000_000L)));
        }
        try (FakeJetstreamServer jetstream =
                FakeJetstreamServer.replaying(spread).dropAfter(40).start()) {
            assertThat(config(jetstream).activeSources()).hasSize(1);
            try (EarshotApp app = EarshotApp.start(config(jetstream))) {
                ApiClient api = new ApiClient(app.port());
                long topic = api.post("/api/v1/topics", "{\"name\":\"Government\",\"query\":\"government\"}")
                        .json()
                        .get("id")
                        .asLong();
                JsonNode health = api.await(
                                "/health",
                                json -> json.get("ingest").get("posts_stored").asLong() >= 17)
                        .json();
                assertThat(health.get("sources").get(0).get("id").asText()).isEqualTo("bluesky");
                assertThat(health.get("sources").get(0).get("events").asLong()).isPositive();
                JsonNode sources = api.get("/api/v1/sources").json().get("items");
                assertThat(sources).hasSize(1);
                assertThat(sources.get(0).get("type").asText()).isEqualTo("bluesky");
                assertThat(sources.get(0).get("state").asText()).isIn("connected", "retrying");
                assertThat(sources.get(0).has("lagSeconds")).isTrue();
                assertThat(api.get("/api/v1/sources/bluesky").status()).isEqualTo(200);
                assertThat(api.get("/api/v1/sources/nope").status()).isEqualTo(404);
                awaitArchived(app, postKeys(lines));
                JsonNode mentions = api.await(
                                "/api/v1/mentions?topic=" + topic,
                                json -> json.get("total").asLong() == 3)
                        .json();
                assertThat(mentions.get("total").asLong()).isEqualTo(3);
                assertThat(storedKeys(app))
                        .as("every post of the capture, once")
                        .containsExactlyInAnyOrderElementsOf(postKeys(lines));
                // 152 events, dropped every 40 and resumed 5 s early: at least four connections
                assertThat(jetstream.subscriptions().size()).isGreaterThanOrEqualTo(4);
                // the later connections resumed from a committed cursor, a few seconds early
                List<FakeJetstreamServer.Subscription> subscriptions = jetstream.subscriptions();
                assertThat(subscriptions.get(0).cursor()).isEmpty();
                assertThat(subscriptions.get(subscriptions.size() - 1).cursor()).isPresent();
                assertThat(subscriptions.get(0).wantedCollections())
                        .contains("app.bsky.feed.post", "app.bsky.feed.like");
            }
            // a restart resumes from the committed cursor and stores nothing twice
            int before = jetstream.subscriptions().size();
            try (EarshotApp app = EarshotApp.start(config(jetstream))) {
                assertThat(jetstream.awaitSubscriptions(before + 1, Duration.ofSeconds(10)))
                        .isTrue();
                assertThat(jetstream.subscriptions().get(before).cursor()).isPresent();
                Thread.sleep(500);
                assertThat(app.archive().size()).isEqualTo(17);
            }
        }
    }

    private EarshotConfig config(FakeJetstreamServer jetstream) {
        return EarshotConfig.fromEnvironment(Map.of(
                        "EARSHOT_BLUESKY_JETSTREAM_URL",
                        jetstream.uri().toString(),
                        "EARSHOT_BLUESKY_PROFILES",
                        "off",
                        // the capture's posts are months old: kept, unmatched ones too, however long a slow run takes
                        // (retention runs a minute after start)
                        "EARSHOT_RETENTION_UNMATCHED",
                        "3650d",
                        "EARSHOT_API_TOKEN",
                        ApiClient.TOKEN))
                .withDataDir(data)
                .withListen("127.0.0.1", 0);
    }

    /** The ids of the posts the capture creates (and does not delete), as the mentions API writes them. */
    private static List<String> postKeys(List<String> lines) {
        List<String> keys = new ArrayList<>();
        for (String line : lines) {
            JsonNode event = io.earshot.server.http.Json.read(line);
            JsonNode commit = event.path("commit");
            if (commit.path("collection").asText().equals("app.bsky.feed.post")
                    && commit.path("operation").asText().equals("create")) {
                keys.add("bluesky:" + event.get("did").asText() + ":"
                        + commit.get("rkey").asText());
            }
        }
        return keys;
    }

    private static List<String> storedKeys(EarshotApp app) {
        return app
                .archive()
                .search(new io.earshot.archive.MentionSearch(
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        false,
                        1000,
                        java.util.Optional.empty()))
                .items()
                .stream()
                .map(mention -> mention.key().id())
                .toList();
    }

    private static void awaitArchived(EarshotApp app, List<String> keys) throws InterruptedException {
        // generous: the JDK's WebSocket client can hang on a connection cut right after a frame, and the source
        // only replaces such a connection after its liveness ping goes unanswered (30 s + 30 s); on a loaded
        // machine that has happened twice in one run. On a quiet one this takes a few seconds.
        long deadline = System.nanoTime() + Duration.ofSeconds(200).toNanos();
        while (!new HashSet<>(storedKeys(app)).containsAll(keys) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }
}
