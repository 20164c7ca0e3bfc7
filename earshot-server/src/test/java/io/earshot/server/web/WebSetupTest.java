package io.earshot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.server.EarshotApp;
import io.earshot.server.account.AccountSettings;
import io.earshot.server.account.AccountSettings.SessionLimits;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fresh install is never open: the setup code makes the first admin. And sessions end when left idle. */
class WebSetupTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path data;

    @Test
    void aFreshInstallIsClosedUntilTheSetupCodeMakesTheFirstAdmin() throws Exception {
        try (EarshotApp app = WebTestApps.start(data, AccountSettings.none())) {
            WebSession browser = new WebSession(app.port());
            assertThat(browser.get("/health").statusCode()).isEqualTo(200);
            HttpResponse<String> api = browser.get("/api/v1/topics");
            assertThat(api.statusCode()).isEqualTo(401);
            assertThat(api.body()).contains("/setup", "setup code", "earshot user add");
            assertThat(browser.get("/metrics").statusCode()).isEqualTo(401);
            assertThat(browser.json("POST", "/api/v1/topics", "{\"name\":\"a\",\"query\":\"a\"}")
                            .statusCode())
                    .isEqualTo(401);
            assertThat(browser.get("/").headers().firstValue("Location")).contains("/setup");
            assertThat(browser.get("/login").headers().firstValue("Location")).contains("/setup");

            Path file = data.resolve("setup-code.txt");
            String code = Files.readString(file).strip();
            assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            HttpResponse<String> page = browser.get("/setup");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Setup code", file.toString()).doesNotContain(code);

            assertThat(setup(browser, Map.of("code", "AAAA-AAAA")).headers().firstValue("Location"))
                    .contains("/setup?error=code");
            assertThat(setup(browser, Map.of("code", code, "password2", "something else entirely"))
                            .headers()
                            .firstValue("Location"))
                    .contains("/setup?error=mismatch");
            assertThat(setup(browser, Map.of("code", code, "_csrf", "forged"))
                            .headers()
                            .firstValue("Location"))
                    .contains("/setup?error=expired");
            assertThat(browser.get("/api/v1/users", "Authorization", "Bearer " + code)
                            .statusCode())
                    .isEqualTo(401);

            // case and dashes do not matter, as when someone types the code from a screen
            HttpResponse<String> done = setup(
                    browser,
                    Map.of("code", code.toLowerCase(java.util.Locale.ROOT).replace("-", " ")));
            assertThat(done.statusCode()).isEqualTo(303);
            assertThat(done.headers().firstValue("Location")).contains("/");
            assertThat(browser.get("/api/v1/me").body()).contains("\"ana\"", "\"admin\"", "\"session\"");
            assertThat(browser.get("/").statusCode()).isEqualTo(200);
            assertThat(file).doesNotExist();

            // the code is void: nobody gets a second admin with it
            WebSession late = new WebSession(app.port());
            assertThat(late.get("/setup").headers().firstValue("Location")).contains("/login");
            assertThat(setup(late, Map.of("code", code, "name", "mallory"), "")
                            .headers()
                            .firstValue("Location"))
                    .contains("/login");
            assertThat(browser.get("/api/v1/users").body()).contains("ana").doesNotContain("mallory");
            assertThat(late.get("/api/v1/topics").body()).contains("log in first");
        }
        // a restart with an admin issues no code
        try (EarshotApp app = WebTestApps.start(data, AccountSettings.none())) {
            assertThat(data.resolve("setup-code.txt")).doesNotExist();
            assertThat(new WebSession(app.port()).get("/login").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void wrongSetupCodesAreThrottledLikeLogins() throws Exception {
        try (EarshotApp app = WebTestApps.start(data, AccountSettings.none())) {
            WebSession guesser = new WebSession(app.port());
            for (int i = 0; i < 5; i++) {
                assertThat(setup(guesser, Map.of("code", "WRNG-CD" + (i + 2))).statusCode())
                        .isEqualTo(303);
            }
            String code = Files.readString(data.resolve("setup-code.txt")).strip();
            HttpResponse<String> blocked = setup(guesser, Map.of("code", code));
            assertThat(blocked.statusCode()).isEqualTo(429);
            assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void aSessionEndsWhenLeftIdleAndAtItsMaximumLength() throws Exception {
        AccountSettings settings = new AccountSettings(
                Optional.of(WebTestApps.ADMIN_PASSWORD),
                Optional.empty(),
                false,
                new SessionLimits(Duration.ofMillis(1500), Duration.ofSeconds(4)));
        try (EarshotApp app = WebTestApps.start(data, settings)) {
            WebSession busy = new WebSession(app.port());
            WebSession idle = new WebSession(app.port());
            assertThat(busy.login("admin", WebTestApps.ADMIN_PASSWORD).statusCode())
                    .isEqualTo(303);
            assertThat(idle.login("admin", WebTestApps.ADMIN_PASSWORD).statusCode())
                    .isEqualTo(303);
            long start = System.nanoTime();
            while (System.nanoTime() - start < Duration.ofMillis(2500).toNanos()) {
                assertThat(busy.get("/api/v1/me").statusCode()).isEqualTo(200);
                Thread.sleep(300);
            }
            HttpResponse<String> ended = idle.get("/api/v1/me");
            assertThat(ended.statusCode()).isEqualTo(401);
            assertThat(ended.body()).contains("session has ended");
            HttpResponse<String> page = idle.get("/stream");
            assertThat(page.headers().firstValue("Location")).contains("/login?next=%2Fstream&error=ended");
            assertThat(idle.get("/login?error=ended").body()).contains("Your session has ended");

            // in use all along, the busy session still ends at its maximum length
            while (System.nanoTime() - start < Duration.ofMillis(4300).toNanos()) {
                Thread.sleep(300);
                busy.get("/api/v1/me");
            }
            assertThat(busy.get("/api/v1/me").statusCode()).isEqualTo(401);
            assertThat(busy.setCookieLines.get("earshot_session")).contains("Max-Age=4;");
        }
    }

    private static HttpResponse<String> setup(WebSession browser, Map<String, String> fields) {
        String page = browser.get("/setup").body();
        Matcher csrf = CSRF_FIELD.matcher(page);
        return setup(browser, fields, csrf.find() ? csrf.group(1) : "");
    }

    private static HttpResponse<String> setup(WebSession browser, Map<String, String> fields, String csrf) {
        Map<String, String> form = new java.util.HashMap<>(Map.of(
                "_csrf",
                csrf,
                "name",
                "ana",
                "password",
                "a long admin password",
                "password2",
                "a long admin password"));
        form.putAll(fields);
        return browser.form("/setup", form);
    }
}
