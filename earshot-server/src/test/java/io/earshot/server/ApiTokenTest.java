package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With EARSHOT_API_TOKEN set, the API needs it; health stays open. */
class ApiTokenTest {

    @TempDir
    Path data;

    @Test
    void apiRequiresTheTokenWhenOneIsConfigured() {
        EarshotConfig config = EarshotConfig.fromEnvironment(Map.of("EARSHOT_API_TOKEN", "s3cret-token"))
                .withDataDir(data)
                .withListen("127.0.0.1", 0)
                .withSource(EarshotConfig.SourceChoice.NONE);
        try (EarshotApp app = EarshotApp.start(config)) {
            ApiClient anonymous = ApiClient.anonymous(app.port());
            ApiClient wrong = new ApiClient(app.port(), "nope");
            ApiClient right = new ApiClient(app.port(), "s3cret-token");
            ApiClient.Response denied = anonymous.get("/api/v1/topics");
            assertThat(denied.status()).isEqualTo(401);
            assertThat(denied.json().get("error").asText()).contains("Authorization: Bearer");
            assertThat(wrong.get("/api/v1/topics").status()).isEqualTo(401);
            assertThat(anonymous.post("/api/v1/ingest", "{}").status()).isEqualTo(401);
            assertThat(right.get("/api/v1/topics").status()).isEqualTo(200);
            assertThat(anonymous.get("/health").status()).isEqualTo(200);
        }
    }

    @Test
    void aWebhookSourceCanHaveItsOwnToken() {
        EarshotConfig config = EarshotConfig.fromEnvironment(Map.of())
                .withDataDir(data)
                .withListen("127.0.0.1", 0)
                .withSource(EarshotConfig.SourceChoice.NONE)
                .withIngestTokens(Map.of("helpdesk", "desk-token"));
        try (EarshotApp app = EarshotApp.start(config)) {
            String post = "{\"id\":\"t-1\",\"text\":\"acme is down\"}";
            ApiClient anonymous = ApiClient.anonymous(app.port());
            ApiClient desk = new ApiClient(app.port(), "desk-token");
            assertThat(anonymous
                            .post("/api/v1/ingest?format=post&source=helpdesk", post)
                            .status())
                    .isEqualTo(401);
            ApiClient.Response accepted = desk.post("/api/v1/ingest?format=post&source=helpdesk&wait=true", post);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            assertThat(accepted.json().get("accepted").asLong()).isEqualTo(1);
            assertThat(app.archive().size()).isEqualTo(1);
            // other webhook sources need an admin: with no admin yet, the answer says how to set one up
            ApiClient.Response refused =
                    anonymous.post("/api/v1/ingest?format=post&wait=true", "{\"id\":\"t-2\",\"text\":\"x\"}");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("error").asText()).contains("/setup", "setup code");
            assertThat(app.archive().size()).isEqualTo(1);
        }
    }
}
