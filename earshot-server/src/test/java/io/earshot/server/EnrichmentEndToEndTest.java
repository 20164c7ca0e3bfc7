package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mention is heard (sentiment, emotion, language, entities), and a person's correction wins and stays. */
class EnrichmentEndToEndTest {

    private static final String ALICE = "did:plc:aliceaaaaaaaaaaaaaaaaaaa";

    @TempDir
    Path data;

    private EarshotApp app;
    private ApiClient api;

    @BeforeEach
    void start() {
        app = EndToEndTest.start(data);
        api = new ApiClient(app.port());
        assertThat(api.post("/api/v1/topics", "{\"name\":\"Acme\",\"query\":\"acme\"}")
                        .status())
                .isEqualTo(201);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void mentionsCarrySentimentEmotionLanguageAndEntities() {
        String happy = JetstreamLines.post(
                ALICE, "3enr1", 1, "I love my new Acme rocket, it is wonderful! $ACME \uD83D\uDE0D");
        String angry = JetstreamLines.post(ALICE, "3enr2", 2, "Acme support is terrible, I hate waiting for hours")
                .replace(",\"langs\":[\"en\"]", "");
        assertThat(api.post("/api/v1/ingest?format=jetstream&wait=true", happy + "\n" + angry)
                        .status())
                .isEqualTo(202);

        JsonNode positive = mention("3enr1");
        assertThat(positive.get("sentiment").get("label").asText()).isEqualTo("positive");
        assertThat(positive.get("sentiment").get("score").asDouble()).isBetween(0.34, 1.0);
        assertThat(positive.get("sentiment").get("corrected").asBoolean()).isFalse();
        assertThat(positive.get("cashtags").toString()).contains("ACME");
        assertThat(positive.get("emoji").toString()).contains("\uD83D\uDE0D");

        // the same query language filters by what was heard
        JsonNode angryOnes = api.get("/api/v1/mentions?q=" + ApiClient.encode("acme sentiment:negative"))
                .json();
        assertThat(angryOnes.get("total").asLong()).isEqualTo(1);
        assertThat(angryOnes.get("items").get(0).get("id").asText()).endsWith("3enr2");
        assertThat(api.get("/api/v1/mentions?q=" + ApiClient.encode("sentiment:positive"))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        ApiClient.Response badLabel = api.get("/api/v1/mentions?q=" + ApiClient.encode("sentiment:furious"));
        assertThat(badLabel.status()).isEqualTo(400);
        assertThat(badLabel.json().get("position").asInt()).isEqualTo(11);
        // topics say what is about you, not how it is said
        ApiClient.Response topic =
                api.post("/api/v1/topics", "{\"name\":\"Angry\",\"query\":\"acme AND sentiment:negative\"}");
        assertThat(topic.status()).isEqualTo(400);
        assertThat(topic.json().get("position").asInt()).isEqualTo(10);
        assertThat(topic.json().get("error").asText()).contains("filters search results, not topics");

        JsonNode negative = mention("3enr2");
        assertThat(negative.get("sentiment").get("label").asText()).isEqualTo("negative");
        // no language tag from the network: detected
        assertThat(negative.get("lang").asText()).isEqualTo("en");
    }

    @Test
    void aCorrectionWinsEverywhereAndSurvivesReDelivery() {
        String line = JetstreamLines.post(ALICE, "3enr3", 3, "Acme is fine I guess");
        api.post("/api/v1/ingest?format=jetstream&wait=true", line);
        ApiClient.Response corrected =
                api.put("/api/v1/mentions/bluesky:" + ALICE + ":3enr3/sentiment", "{\"label\":\"negative\"}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().get("sentiment").get("label").asText()).isEqualTo("negative");
        assertThat(corrected.json().get("sentiment").get("corrected").asBoolean())
                .isTrue();
        assertThat(mention("3enr3").get("sentiment").get("label").asText()).isEqualTo("negative");
        assertThat(api.get("/api/v1/mentions?q=" + ApiClient.encode("sentiment:negative"))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);

        // the same post delivered again keeps the correction
        api.post("/api/v1/ingest?format=jetstream&wait=true", line);
        assertThat(mention("3enr3").get("sentiment").get("label").asText()).isEqualTo("negative");

        assertThat(api.put("/api/v1/mentions/bluesky:" + ALICE + ":3enr3/sentiment", "{\"label\":\"furious\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.put("/api/v1/mentions/bluesky:" + ALICE + ":nope/sentiment", "{\"label\":\"negative\"}")
                        .status())
                .isEqualTo(404);
    }

    private JsonNode mention(String rkey) {
        ApiClient.Response response = api.get("/api/v1/mentions/bluesky:" + ALICE + ":" + rkey);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
