package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projects over HTTP: brand and competitor topics, checked, updated, deleted. */
class ProjectsApiTest {

    @TempDir
    Path data;

    @Test
    void aProjectGroupsABrandItsCompetitorsAndOtherTopics() {
        try (EarshotApp app = EndToEndTest.start(data)) {
            ApiClient api = new ApiClient(app.port());
            long acme = topic(api, "Acme", "acme");
            long globex = topic(api, "Globex", "globex");
            long industry = topic(api, "Anvils", "anvil*");
            ApiClient.Response created = api.post(
                    "/api/v1/projects",
                    "{\"name\": \"Acme\", \"brand\": [" + acme + "], \"competitors\": [" + globex + "], \"others\": ["
                            + industry + "]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long id = created.json().get("id").asLong();
            assertThat(created.json().get("competitors").toString()).isEqualTo("[" + globex + "]");

            ApiClient.Response refused = api.post("/api/v1/projects", "{\"name\": \"x\", \"brand\": [99]}");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("error").asText()).contains("no topic 99");
            ApiClient.Response twice = api.post(
                    "/api/v1/projects", "{\"name\": \"x\", \"brand\": [" + acme + "], \"others\": [" + acme + "]}");
            assertThat(twice.json().get("error").asText()).contains("named twice");

            api.delete("/api/v1/topics/" + industry);
            JsonNode shown = api.get("/api/v1/projects/" + id).json();
            assertThat(shown.get("missingTopics").toString()).isEqualTo("[" + industry + "]");

            ApiClient.Response updated = api.put(
                    "/api/v1/projects/" + id,
                    "{\"name\": \"Acme Corp\", \"brand\": [" + acme + "], \"competitors\": [" + globex + "]}");
            assertThat(updated.json().get("name").asText()).isEqualTo("Acme Corp");
            assertThat(updated.json().has("missingTopics")).isFalse();
            assertThat(api.get("/api/v1/projects").json().get("items")).hasSize(1);
            ApiClient.Response advocates = api.get("/api/v1/influence/advocates?project=" + id);
            assertThat(advocates.status()).as(advocates.body()).isEqualTo(200);
            assertThat(advocates.json().get("topics").toString()).isEqualTo("[" + acme + "]");
            assertThat(api.get("/api/v1/influence/detractors?project=999").status())
                    .isEqualTo(404);
            assertThat(api.delete("/api/v1/projects/" + id).status()).isEqualTo(204);
            assertThat(api.get("/api/v1/projects/" + id).status()).isEqualTo(404);
        }
    }

    private static long topic(ApiClient api, String name, String query) {
        return api.post("/api/v1/topics", "{\"name\":\"" + name + "\",\"query\":\"" + query + "\"}")
                .json()
                .get("id")
                .asLong();
    }
}
