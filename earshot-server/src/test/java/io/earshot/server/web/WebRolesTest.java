package io.earshot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.server.EarshotApp;
import io.earshot.server.http.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each role, through API tokens of that role: what it may and may not do (403 with a reason). */
class WebRolesTest {

    @TempDir
    Path data;

    @Test
    void eachRoleMayDoItsPartAndNoMore() {
        try (EarshotApp app = WebTestApps.withAdmin(data)) {
            WebSession admin = new WebSession(app.port());
            admin.login("admin", WebTestApps.ADMIN_PASSWORD);
            String csrf = admin.csrfFromPage("/settings");
            String viewer = token(admin, csrf, "viewer");
            String responder = token(admin, csrf, "responder");
            String analyst = token(admin, csrf, "analyst");
            WebSession client = new WebSession(app.port());
            String topic = "{\"name\":\"Acme\",\"query\":\"acme\"}";

            // viewer: reads everything, changes nothing
            assertThat(client.get("/api/v1/topics", auth(viewer)).statusCode()).isEqualTo(200);
            assertThat(client.get("/api/v1/mentions", auth(viewer)).statusCode())
                    .isEqualTo(200);
            assertThat(client.get("/api/v1/sources", auth(viewer)).statusCode()).isEqualTo(200);
            HttpResponse<String> denied = client.json("POST", "/api/v1/topics", topic, auth(viewer));
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.body()).contains("viewer").contains("analyst");
            assertThat(client.json("PUT", "/api/v1/mentions/x:1/sentiment", "{\"label\":\"negative\"}", auth(viewer))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(client.get("/api/v1/users", auth(viewer)).statusCode()).isEqualTo(403);

            // responder: sentiment corrections (here the mention does not exist: 400/404, not 403)
            assertThat(client.json(
                                    "PUT",
                                    "/api/v1/mentions/bluesky:nope/sentiment",
                                    "{\"label\":\"negative\"}",
                                    auth(responder))
                            .statusCode())
                    .isNotEqualTo(403)
                    .isNotEqualTo(401);
            assertThat(client.json("POST", "/api/v1/topics", topic, auth(responder))
                            .statusCode())
                    .isEqualTo(403);

            // analyst: topics and alerts, not sources or users
            assertThat(client.json("POST", "/api/v1/topics", topic, auth(analyst))
                            .statusCode())
                    .isEqualTo(201);
            assertThat(client.json("POST", "/api/v1/sources", "{\"type\":\"feed\"}", auth(analyst))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(client.json("POST", "/api/v1/tokens", "{\"role\":\"admin\"}", auth(analyst))
                            .statusCode())
                    .isEqualTo(403);

            // a revoked token stops working at once
            long id = Json.read(admin.get("/api/v1/tokens").body())
                    .get("items")
                    .get(0)
                    .get("id")
                    .asLong();
            assertThat(admin.json("DELETE", "/api/v1/tokens/" + id, "", "X-CSRF-Token", csrf)
                            .statusCode())
                    .isEqualTo(204);
            assertThat(client.get("/api/v1/topics", auth(viewer)).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aViewerSessionCannotCreateTopicsEvenWithItsCsrfToken() {
        try (EarshotApp app = WebTestApps.withAdmin(data)) {
            WebSession admin = new WebSession(app.port());
            admin.login("admin", WebTestApps.ADMIN_PASSWORD);
            String csrf = admin.csrfFromPage("/settings");
            assertThat(admin.json(
                                    "POST",
                                    "/api/v1/users",
                                    "{\"name\":\"vera\",\"role\":\"viewer\",\"password\":\"a long viewer password\"}",
                                    "X-CSRF-Token",
                                    csrf)
                            .statusCode())
                    .isEqualTo(201);
            assertThat(admin.json(
                                    "POST",
                                    "/api/v1/users",
                                    "{\"name\":\"shorty\",\"role\":\"viewer\",\"password\":\"short\"}",
                                    "X-CSRF-Token",
                                    csrf)
                            .body())
                    .contains("at least 10 characters");
            WebSession vera = new WebSession(app.port());
            vera.login("vera", "a long viewer password");
            String veraCsrf = vera.csrfFromPage("/topics");
            assertThat(vera.json("POST", "/api/v1/topics", "{\"name\":\"A\",\"query\":\"a\"}", "X-CSRF-Token", veraCsrf)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(vera.get("/topics").body()).contains("data-role=\"viewer\"");
        }
    }

    private static String token(WebSession admin, String csrf, String role) {
        HttpResponse<String> created = admin.json(
                "POST",
                "/api/v1/tokens",
                "{\"label\":\"" + role + "\",\"role\":\"" + role + "\"}",
                "X-CSRF-Token",
                csrf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.read(created.body()).get("token").asText();
    }

    private static String[] auth(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }
}
