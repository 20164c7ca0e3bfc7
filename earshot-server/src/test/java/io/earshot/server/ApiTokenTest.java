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
            ApiClient anonymous = new ApiClient(app.port());
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
}
