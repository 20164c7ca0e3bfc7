package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Influence through the API: scores with their evidence, top authors per topic, advocates, detractors, erasure. */
class InfluenceApiTest {

    private static final String ALICE = "did:plc:aliceaaaaaaaaaaaaaaaaaaa";
    private static final String DAVE = "did:plc:daveddddddddddddddddddddd";
    private static final String QUIET = "did:plc:quietqqqqqqqqqqqqqqqqqqq";

    @TempDir
    Path data;

    private EarshotApp app;
    private ApiClient api;
    private long topic;

    @BeforeEach
    void start() {
        app = EndToEndTest.start(data);
        api = new ApiClient(app.port());
        ApiClient.Response created = api.post("/api/v1/topics", "{\"name\":\"Acme\",\"query\":\"acme\"}");
        topic = created.json().get("id").asLong();
        List<String> lines = new ArrayList<>();
        lines.add(recent(JetstreamLines.post(ALICE, "3aaaaaaaaaaa1", 1, "I love Acme, the best rockets, wonderful!")));
        lines.add(recent(JetstreamLines.post(ALICE, "3aaaaaaaaaaa2", 2, "Acme support was great, thank you, love it")));
        lines.add(recent(JetstreamLines.post(DAVE, "3ddddddddddd1", 3, "Acme is terrible, I hate this awful anvil")));
        lines.add(recent(
                JetstreamLines.post(DAVE, "3ddddddddddd2", 4, "Worst service ever from Acme, horrible and sad")));
        lines.add(recent(JetstreamLines.post(QUIET, "3qqqqqqqqqqq1", 5, "Acme exists")));
        for (int i = 0; i < 6; i++) {
            String fan = "did:plc:fan" + i + "ffffffffffffffffffff";
            lines.add(recent(JetstreamLines.repost(fan, "3fffffffff" + i + "01", 10 + i, ALICE, "3aaaaaaaaaaa1")));
        }
        lines.add(recent(
                JetstreamLines.repost("did:plc:onlyfanooooooooooooooooo", "3oooooooooo01", 20, DAVE, "3ddddddddddd1")));
        assertThat(api.post("/api/v1/ingest?format=jetstream&wait=true", String.join("\n", lines))
                        .status())
                .isEqualTo(202);
        app.influence().recompute();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** The lines' records were created a minute ago, within the graph's window. */
    private static String recent(String line) {
        String now = Instant.now()
                .minus(1, ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.MILLIS)
                .toString();
        return line.replace("2026-07-04T12:00:00.000Z", now).replace("2026-07-04T12:00:01.000Z", now);
    }

    @Test
    void anAuthorsScoreComesWithItsComponentsAndEvidence() {
        ApiClient.Response response = api.get("/api/v1/authors/bluesky:" + ALICE);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode alice = response.json();
        assertThat(alice.get("id").asText()).isEqualTo("bluesky:" + ALICE);
        assertThat(alice.get("score").asDouble()).isEqualTo(100.0);
        assertThat(alice.get("components").get("amplification").asDouble()).isGreaterThan(5.9);
        assertThat(alice.get("components").get("amplified_posts").asInt()).isEqualTo(1);
        assertThat(alice.get("components").get("network_authority").asDouble()).isGreaterThan(1);
        assertThat(alice.get("top_interactions")).hasSize(6);
        assertThat(alice.get("top_interactions").get(0).get("kind").asText()).isEqualTo("repost");
        assertThat(alice.get("top_interactions").get(0).get("post").asText())
                .isEqualTo("bluesky:" + ALICE + ":3aaaaaaaaaaa1");
        assertThat(alice.get("history").isArray()).isTrue();

        assertThat(api.get("/api/v1/authors/bluesky:did:plc:nobody").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/authors/nonsense").status()).isEqualTo(404);
    }

    @Test
    void topAuthorsOverallAndForATopic() {
        JsonNode overall = api.get("/api/v1/authors?limit=5").json();
        assertThat(overall.get("items").get(0).get("id").asText()).isEqualTo("bluesky:" + ALICE);

        JsonNode forTopic = api.get("/api/v1/authors?topics=" + topic).json();
        assertThat(forTopic.get("items"))
                .extracting(item -> item.get("id").asText())
                .containsExactly("bluesky:" + ALICE, "bluesky:" + DAVE);
        assertThat(forTopic.get("items").get(0).get("mentions").asInt()).isEqualTo(2);
        assertThat(forTopic.get("items").get(0).get("topic_score").asDouble()).isEqualTo(100.0);

        assertThat(api.get("/api/v1/authors?topic=abc").status()).isEqualTo(400);
    }

    @Test
    void advocatesAndDetractorsOfAProjectsTopics() {
        JsonNode advocates =
                api.get("/api/v1/influence/advocates?topics=" + topic + ",999").json();
        assertThat(advocates.get("items")).hasSize(1);
        assertThat(advocates.get("items").get(0).get("id").asText()).isEqualTo("bluesky:" + ALICE);
        assertThat(advocates.get("items").get(0).get("positive").asInt()).isEqualTo(2);
        assertThat(advocates.get("items").get(0).get("influence").asDouble()).isEqualTo(100.0);

        JsonNode detractors =
                api.get("/api/v1/influence/detractors?topics=" + topic).json();
        assertThat(detractors.get("items"))
                .extracting(item -> item.get("id").asText())
                .containsExactly("bluesky:" + DAVE);

        assertThat(api.get("/api/v1/influence/advocates").status()).isEqualTo(400);
    }

    @Test
    void aNewRepostChangesTheScoreWithinASecond() throws Exception {
        double before = api.get("/api/v1/authors/bluesky:" + DAVE)
                .json()
                .get("components")
                .get("amplification")
                .asDouble();
        String repost = recent(
                JetstreamLines.repost("did:plc:newfannnnnnnnnnnnnnnnnnn", "3nnnnnnnnnn01", 30, DAVE, "3ddddddddddd2"));
        api.post("/api/v1/ingest?format=jetstream&wait=true", repost);
        long start = System.nanoTime();

        ApiClient.Response after = api.await(
                "/api/v1/authors/bluesky:" + DAVE,
                json -> json.get("components").get("amplification").asDouble() > before + 0.9);

        assertThat(after.json().get("components").get("amplification").asDouble())
                .isGreaterThan(before + 0.9);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(2.5);

        // the next full computation from memory agrees with what the update showed
        double updated = after.json().get("components").get("amplification").asDouble();
        app.influence().rescore();
        assertThat(api.get("/api/v1/authors/bluesky:" + DAVE)
                        .json()
                        .get("components")
                        .get("amplification")
                        .asDouble())
                .isCloseTo(updated, org.assertj.core.api.Assertions.within(1e-3));
    }

    @Test
    void anErasedAuthorIsForgottenAndNeverScoredAgain() throws Exception {
        assertThat(api.delete("/api/v1/authors/bluesky:" + ALICE).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/authors/bluesky:" + ALICE).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/mentions/" + ALICE + ":3aaaaaaaaaaa1").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/influence/advocates?topics=" + topic).json().get("items"))
                .isEmpty();
        assertThat(app.graph()
                        .edgesOf(
                                io.earshot.domain.Network.BLUESKY,
                                ALICE,
                                io.earshot.graph.InteractionGraph.Direction.IN,
                                10))
                .isEmpty();

        // new activity of the erased author is not scored
        api.post(
                "/api/v1/ingest?format=jetstream&wait=true",
                recent(JetstreamLines.repost(
                        "did:plc:latefannnnnnnnnnnnnnnnnnn", "3lllllllll01", 40, ALICE, "3aaaaaaaaaaa2")));
        app.influence().takeInNewEdges();
        app.influence().recompute();
        assertThat(api.get("/api/v1/authors/bluesky:" + ALICE).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/authors?limit=50").json().get("items"))
                .extracting(item -> item.get("id").asText())
                .doesNotContain("bluesky:" + ALICE);
    }
}
