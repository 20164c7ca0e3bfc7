package io.earshot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.server.EarshotApp;
import io.earshot.server.account.AccountSettings;
import io.earshot.server.http.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logins, sessions, cookies, CSRF and rate limiting, over plain HTTP (first-run setup: {@link WebSetupTest}). */
class WebAuthTest {

    @TempDir
    Path data;

    @Test
    void withoutASessionTheApiSays401AndPagesSendToTheLoginPage() {
        try (EarshotApp app = WebTestApps.withAdmin(data)) {
            WebSession anonymous = new WebSession(app.port());
            assertThat(anonymous.get("/health").statusCode()).isEqualTo(200);
            HttpResponse<String> api = anonymous.get("/api/v1/topics");
            assertThat(api.statusCode()).isEqualTo(401);
            assertThat(api.body()).contains("log in first");
            HttpResponse<String> page = anonymous.get("/search?q=acme");
            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(page.headers().firstValue("Location")).contains("/login?next=%2Fsearch%3Fq%3Dacme");
            assertThat(anonymous.get("/metrics").statusCode()).isEqualTo(401);
            assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
            assertThat(anonymous.get("/static/app.js").statusCode()).isEqualTo(200);
            assertThat(anonymous
                            .get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js")
                            .statusCode())
                    .isEqualTo(200);
            // feeds check their own key: the gate lets them through to say so
            assertThat(anonymous.get("/feeds/topics/1.atom?key=nope").body()).doesNotContain("log in first");
            // ingest needs an admin once accounts exist
            assertThat(anonymous
                            .json("POST", "/api/v1/ingest?format=post", "{\"id\":\"1\",\"text\":\"x\"}")
                            .statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void loginSetsAHardenedSessionCookieAndPagesCarryTheSecurityHeaders() {
        try (EarshotApp app = WebTestApps.withAdmin(data)) {
            WebSession browser = new WebSession(app.port());
            HttpResponse<String> login = browser.login("admin", WebTestApps.ADMIN_PASSWORD);
            assertThat(login.statusCode()).isEqualTo(303);
            assertThat(login.headers().firstValue("Location")).contains("/");
            String cookie = browser.setCookieLines.get("earshot_session");
            assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
            HttpResponse<String> me = browser.get("/api/v1/me");
            assertThat(Json.read(me.body()).get("role").asText()).isEqualTo("admin");
            HttpResponse<String> page = browser.get("/");
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(
                            csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
            assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(page.body()).doesNotContain("<script>").doesNotContain("onclick=");

            WebSession behindTls = new WebSession(app.port());
            behindTls.login("admin", WebTestApps.ADMIN_PASSWORD, "X-Forwarded-Proto", "https");
            assertThat(behindTls.setCookieLines.get("earshot_session")).contains("Secure");

            browser.form("/logout", Map.of("_csrf", browser.csrfFromPage("/")));
            assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void wrongPasswordsAreRefusedAndThenThrottledPerAccount() {
        try (EarshotApp app = WebTestApps.withAdmin(data)) {
            WebSession attacker = new WebSession(app.port());
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> wrong = attacker.login("admin", "guess number " + i);
                assertThat(wrong.statusCode()).isEqualTo(303);
                assertThat(wrong.headers().firstValue("Location"))
                        .hasValueSatisfying(l -> assertThat(l).contains("error=wrong"));
            }
            HttpResponse<String> throttled = attacker.login("admin", WebTestApps.ADMIN_PASSWORD);
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
            assertThat(attacker.cookies).doesNotContainKey("earshot_session");
            // an unknown name is refused the same way (no hint which names exist)
            assertThat(attacker.login("nobody", "whatever it is").headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).contains("error=wrong"));
        }
    }

    @Test
    void manyNamesFromOneAddressAreThrottledToo() {
        try (EarshotApp app = WebTestApps.withAdmin(data)) {
            WebSession sprayer = new WebSession(app.port());
            for (int i = 0; i < 20; i++) {
                sprayer.login("user" + i, "password " + i);
            }
            assertThat(sprayer.login("admin", WebTestApps.ADMIN_PASSWORD).statusCode())
                    .isEqualTo(429);
        }
    }

    @Test
    void stateChangingRequestsNeedTheSessionsCsrfToken() {
        try (EarshotApp app = WebTestApps.withAdmin(data)) {
            WebSession browser = new WebSession(app.port());
            browser.login("admin", WebTestApps.ADMIN_PASSWORD);
            String topic = "{\"name\":\"Acme\",\"query\":\"acme\"}";
            HttpResponse<String> forged = browser.json("POST", "/api/v1/topics", topic);
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.body()).contains("CSRF");
            assertThat(browser.json("POST", "/api/v1/topics", topic, "X-CSRF-Token", "wrong")
                            .statusCode())
                    .isEqualTo(403);
            String csrf = browser.csrfFromPage("/topics");
            // another site's page is refused even with the right token (it could only have it by a leak)
            HttpResponse<String> crossSite = browser.json(
                    "POST", "/api/v1/topics", topic, "X-CSRF-Token", csrf, "Origin", "https://evil.example");
            assertThat(crossSite.statusCode()).isEqualTo(403);
            assertThat(crossSite.body()).contains("cross-site");
            assertThat(browser.json("POST", "/api/v1/topics", topic, "X-CSRF-Token", csrf)
                            .statusCode())
                    .isEqualTo(201);
            // logout is state-changing too
            assertThat(browser.form("/logout", Map.of()).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void theLoginFormItselfNeedsItsCsrfCookieAndNeverRedirectsOffSite() {
        try (EarshotApp app = WebTestApps.withAdmin(data)) {
            WebSession forger = new WebSession(app.port());
            HttpResponse<String> forged =
                    forger.form("/login", Map.of("name", "admin", "password", WebTestApps.ADMIN_PASSWORD, "next", "/"));
            assertThat(forged.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).contains("error=expired"));
            assertThat(forger.cookies).doesNotContainKey("earshot_session");

            WebSession browser = new WebSession(app.port());
            String page = browser.get("/login?next=//evil.example/x").body();
            String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
            HttpResponse<String> login = browser.form(
                    "/login",
                    Map.of(
                            "name",
                            "admin",
                            "password",
                            WebTestApps.ADMIN_PASSWORD,
                            "_csrf",
                            csrf,
                            "next",
                            "//evil.example/x"));
            assertThat(login.headers().firstValue("Location")).contains("/");
        }
    }

    @Test
    void passwordsAndTokensAreStoredOnlyAsHashes() throws Exception {
        try (EarshotApp app = WebTestApps.withAdmin(data)) {
            WebSession browser = new WebSession(app.port());
            browser.login("admin", WebTestApps.ADMIN_PASSWORD);
            String csrf = browser.csrfFromPage("/settings");
            HttpResponse<String> created = browser.json(
                    "POST", "/api/v1/tokens", "{\"label\":\"ci\",\"role\":\"viewer\"}", "X-CSRF-Token", csrf);
            assertThat(created.statusCode()).isEqualTo(201);
            String secret = Json.read(created.body()).get("token").asText();
            assertThat(browser.get("/api/v1/tokens").body())
                    .doesNotContain(secret)
                    .contains("\"ci\"");
            String session = browser.cookies.get("earshot_session");
            byte[] database = readAll(data);
            String stored = new String(database, StandardCharsets.ISO_8859_1);
            assertThat(stored)
                    .doesNotContain(secret)
                    .doesNotContain(session)
                    .doesNotContain(WebTestApps.ADMIN_PASSWORD)
                    .contains("$argon2id$v=19$");
        }
    }

    private static byte[] readAll(Path data) throws Exception {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        try (var files = Files.list(data)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("state.db"))
                    .toList()) {
                all.write(Files.readAllBytes(file));
            }
        }
        return all.toByteArray();
    }

    @Test
    void theEnvironmentTokenIsAnAdminToken() {
        try (EarshotApp app = WebTestApps.start(
                data, new AccountSettings(Optional.empty(), Optional.of("automation-token"), false))) {
            WebSession robot = new WebSession(app.port());
            assertThat(robot.get("/api/v1/users", "Authorization", "Bearer automation-token")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(robot.get("/api/v1/users").statusCode()).isEqualTo(401);
        }
    }
}
