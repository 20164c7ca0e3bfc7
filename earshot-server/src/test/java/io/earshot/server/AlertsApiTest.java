package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.embedded.state.SqliteStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alert rules over HTTP: created, checked, fired by ingested mentions into their history, paused, deleted. */
class AlertsApiTest {

    @TempDir
    Path data;

    @Test
    void anEveryMatchRuleFiresOncePerMentionIntoItsHistory() throws Exception {
        try (EarshotApp app = EndToEndTest.start(data)) {
            ApiClient api = new ApiClient(app.port());
            long topic = api.post("/api/v1/topics", "{\"name\":\"Acme\",\"query\":\"acme\"}")
                    .json()
                    .get("id")
                    .asLong();
            ApiClient.Response created = api.post(
                    "/api/v1/alerts",
                    "{\"name\": \"Acme outages\", \"topics\": [" + topic + "], \"filter\": \"down OR outage\","
                            + " \"condition\": {\"type\": \"every_match\"},"
                            + " \"channels\": [{\"type\": \"webhook\", \"url\": \"https://hooks.example.com/x\","
                            + " \"secret\": \"s3cret\"}],"
                            + " \"fatigue\": {\"group_window\": \"0s\", \"max_per_hour\": 100}}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long rule = created.json().get("id").asLong();
            assertThat(created.json().at("/channels/0/secret").asText()).isEqualTo("********");
            assertThat(api.get("/api/v1/alerts").json().get("items")).hasSize(1);

            ingest(
                    api,
                    JetstreamLines.post("did:plc:alice", "3a1", 1, "acme is down again"),
                    JetstreamLines.post("did:plc:bob", "3a2", 2, "acme is lovely"));
            JsonNode history = awaitHistory(api, rule, 1);
            JsonNode alert = history.get(0);
            assertThat(alert.get("type").asText()).isEqualTo("every_match");
            assertThat(alert.at("/rule/name").asText()).isEqualTo("Acme outages");
            assertThat(alert.get("reason").asText()).isEqualTo("1 new mention");
            assertThat(alert.get("mentions"))
                    .singleElement()
                    .satisfies(mention -> assertThat(mention.toString()).contains("acme is down again"));

            // the same post again (a replay) is not notified twice
            ingest(api, JetstreamLines.post("did:plc:alice", "3a1", 1, "acme is down again"));
            Thread.sleep(500);
            assertThat(api.get("/api/v1/alerts/" + rule + "/history").json().get("items"))
                    .hasSize(1);

            // paused: nothing fires; resumed: it does again
            assertThat(api.post("/api/v1/alerts/" + rule + "/pause", "")
                            .json()
                            .get("paused")
                            .asBoolean())
                    .isTrue();
            ingest(api, JetstreamLines.post("did:plc:carol", "3a3", 3, "acme outage"));
            Thread.sleep(500);
            assertThat(api.get("/api/v1/alerts/" + rule + "/history").json().get("items"))
                    .hasSize(1);
            api.post("/api/v1/alerts/" + rule + "/resume", "");
            Thread.sleep(300);
            ingest(api, JetstreamLines.post("did:plc:dave", "3a4", 4, "acme outage here too"));
            assertThat(awaitHistory(api, rule, 2).get(0).toString()).contains("acme outage here too");

            assertThat(api.get("/metrics").body())
                    .contains("earshot_alerts_fired_total{type=\"every_match\"} 2")
                    .contains("earshot_alerts_active_rules 1");

            // a rule sent back as the API shows it keeps its secret
            JsonNode shown = api.get("/api/v1/alerts/" + rule).json();
            ApiClient.Response updated = api.put("/api/v1/alerts/" + rule, shown.toString());
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            assertThat(app.alerts().get(rule).orElseThrow().definition()).contains("s3cret");

            assertThat(api.delete("/api/v1/alerts/" + rule).status()).isEqualTo(204);
            assertThat(api.get("/api/v1/alerts/" + rule).status()).isEqualTo(404);
        }
    }

    @Test
    void aRuleWithAMistakeIsRefusedWithWhatToWrite() {
        try (EarshotApp app = EndToEndTest.start(data)) {
            ApiClient api = new ApiClient(app.port());
            long topic = api.post("/api/v1/topics", "{\"name\":\"Acme\",\"query\":\"acme\"}")
                    .json()
                    .get("id")
                    .asLong();
            assertRefused(
                    api,
                    "{\"name\": \"x\", \"topics\": [999], \"condition\": {\"type\": \"every_match\"}}",
                    "no topic 999");
            assertRefused(
                    api,
                    "{\"name\": \"x\", \"topics\": [" + topic + "], \"condition\": {\"type\": \"sometimes\"}}",
                    "unknown condition type 'sometimes'");
            assertRefused(
                    api,
                    "{\"name\": \"x\", \"topics\": [" + topic + "], \"filter\": \"outage sentiment:negative\","
                            + " \"condition\": {\"type\": \"every_match\"}}",
                    "use the rule's \"sentiment\" filter");
            assertRefused(
                    api,
                    "{\"name\": \"x\", \"topics\": [" + topic + "],"
                            + " \"condition\": {\"type\": \"volume_spike\", \"window\": \"soon\"}}",
                    "'soon' is not a duration");
            assertRefused(
                    api,
                    "{\"name\": \"x\", \"topics\": [" + topic + "],"
                            + " \"condition\": {\"type\": \"digest\", \"time_zone\": \"Mars/Olympus\"}}",
                    "unknown time zone");
            assertRefused(
                    api,
                    "{\"name\": \"x\", \"topics\": [" + topic + "], \"condition\": {\"type\": \"every_match\"},"
                            + " \"channels\": [{\"type\": \"webhook\", \"url\": \"ftp://x\"}]}",
                    "must be http(s)");
            assertRefused(api, "{\"name\": \"x\", \"topics\": []}", "at least one topic");
            assertRefused(api, "[1, 2]", "is a JSON object");
            assertThat(api.get("/api/v1/alerts").json().get("items")).isEmpty();
        }
    }

    @Test
    void rulesFromTheConfigFileAreCreatedUpdatedByNameAndRemovedWithIt() {
        try (SqliteStateStore store = SqliteStateStore.open(data)) {
            store.create("Acme", "acme");
        }
        String spike =
                "{\"name\": \"From config\", \"topics\": [\"acme\"], \"condition\": {\"type\": \"volume_spike\"}}";
        long id;
        try (EarshotApp app = start(List.of(spike))) {
            ApiClient api = new ApiClient(app.port());
            JsonNode rule = api.get("/api/v1/alerts").json().get("items").get(0);
            id = rule.get("id").asLong();
            assertThat(rule.get("topics").toString()).isEqualTo("[1]");
            assertThat(rule.get("from_config").asBoolean()).isTrue();
            ApiClient.Response refused = api.put("/api/v1/alerts/" + id, rule.toString());
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("error").asText()).contains("earshot.yml");
            assertThat(api.post("/api/v1/alerts/" + id + "/pause", "").status()).isEqualTo(200);
        }
        try (EarshotApp app = start(List.of(spike.replace("volume_spike", "every_match")))) {
            JsonNode rule =
                    new ApiClient(app.port()).get("/api/v1/alerts/" + id).json();
            assertThat(rule.at("/condition/type").asText()).isEqualTo("every_match");
        }
        try (EarshotApp app = start(List.of())) {
            assertThat(new ApiClient(app.port()).get("/api/v1/alerts").json().get("items"))
                    .isEmpty();
        }
    }

    private EarshotApp start(List<String> alerts) {
        return EarshotApp.start(EarshotConfig.fromEnvironment(Map.of("EARSHOT_API_TOKEN", ApiClient.TOKEN))
                .withDataDir(data)
                .withListen("127.0.0.1", 0)
                .withSource(EarshotConfig.SourceChoice.NONE)
                .withAlerts(alerts));
    }

    private static void assertRefused(ApiClient api, String body, String message) {
        ApiClient.Response response = api.post("/api/v1/alerts", body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).contains(message);
    }

    private static void ingest(ApiClient api, String... lines) {
        ApiClient.Response response = api.post("/api/v1/ingest?format=jetstream&wait=true", String.join("\n", lines));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    private static JsonNode awaitHistory(ApiClient api, long rule, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode items = api.get("/api/v1/alerts/" + rule + "/history").json().get("items");
        while (items.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(50);
            items = api.get("/api/v1/alerts/" + rule + "/history").json().get("items");
        }
        assertThat(items).hasSize(size);
        return items;
    }
}
