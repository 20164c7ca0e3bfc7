package io.earshot.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.earshot.server.EarshotApp;
import io.earshot.server.EarshotConfig;
import io.earshot.server.account.AccountSettings;
import io.earshot.server.http.Json;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert rule editor in a real browser: a form, not JSON; what it saves is what the API then holds. */
class WebAlertsBrowserTest {

    @TempDir
    Path data;

    @Test
    void aRuleMadeWithTheFormIsTheRuleTheApiHolds() throws Exception {
        Optional<Path> chromium = Browser.findChromium();
        assumeTrue(chromium.isPresent(), "browser tests skipped: no 'chromium' on the PATH (see DEVELOPERS.md)");
        // an SMTP server to name, so email channels are accepted (no rule fires here: nothing is sent)
        EarshotConfig config = WebTestApps.config(data, java.util.Map.of("EARSHOT_SMTP_HOST", "127.0.0.1"));
        AccountSettings admin = new AccountSettings(Optional.of(WebTestApps.ADMIN_PASSWORD), Optional.empty(), false);
        try (EarshotApp app = EarshotApp.start(config, admin);
                Browser browser = Browser.launch(chromium.get())) {
            BrowserContext context = browser.context("http://127.0.0.1:" + app.port(), 1280, 1000);
            context.onDialog(dialog -> dialog.accept());
            Page page = context.newPage();
            page.navigate("/login");
            page.getByLabel("User name").fill("admin");
            page.getByLabel("Password").fill(WebTestApps.ADMIN_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                    .click();
            assertThat(page.locator("h1")).hasText("Dashboard");
            long topic = call(page, "POST", "/api/v1/topics", "{\"name\":\"Acme\",\"query\":\"acme\"}")
                    .get("id")
                    .asLong();

            page.navigate("/alerts");
            assertThat(page.locator("#rule-list")).containsText("No rules yet");
            page.getByLabel("Name").fill("Acme spikes");
            page.locator("#rule-topics").selectOption(String.valueOf(topic));
            page.getByLabel("Filter query (optional)").fill("outage OR down");
            page.getByLabel("Condition").selectOption("volume_spike");
            page.getByLabel("Sensitivity").selectOption("high");
            page.getByLabel("Minimum mentions in the window").fill("5");
            page.getByLabel("Cooldown").fill("90m");
            page.getByLabel("Webhook URL", new Page.GetByLabelOptions().setExact(true))
                    .fill("https://hooks.example.com/earshot");
            page.getByLabel("Webhook secret (signs each request)").fill("s3cret-signing-key");
            page.getByLabel("Email to (comma-separated)").fill("pr@example.com, ops@example.com");
            page.getByLabel("At most per hour (0: no limit)").fill("4");
            page.getByLabel("Quiet hours from").fill("22:00");
            page.getByLabel("to", new Page.GetByLabelOptions().setExact(true)).fill("07:00");
            page.locator("#f-quiet-zone").fill("Mars/Olympus");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create rule"))
                    .click();
            // the API's own words, next to the form
            assertThat(page.locator("#rule-error")).containsText("unknown time zone 'Mars/Olympus'");
            page.locator("#f-quiet-zone").fill("Europe/Paris");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create rule"))
                    .click();
            assertThat(page.locator("#rule-list")).containsText("Acme spikes");
            assertThat(page.locator("#rule-error")).isEmpty();

            JsonNode rules = call(page, "GET", "/api/v1/alerts", "").get("items");
            assertThat(rules).hasSize(1);
            JsonNode rule = rules.get(0);
            assertThat(rule.get("name").asText()).isEqualTo("Acme spikes");
            assertThat(rule.get("topics").get(0).asLong()).isEqualTo(topic);
            assertThat(rule.get("filter").asText()).isEqualTo("outage OR down");
            assertThat(rule.get("condition").toString())
                    .contains("\"type\":\"volume_spike\"", "\"sensitivity\":\"high\"", "\"min_volume\":5")
                    .contains("\"cooldown\":\"90m\"");
            assertThat(rule.get("channels").toString())
                    .contains("https://hooks.example.com/earshot", "********", "pr@example.com", "ops@example.com");
            assertThat(rule.get("fatigue").toString()).contains("\"max_per_hour\":4", "22:00", "Europe/Paris");
            long id = rule.get("id").asLong();

            // edit: the form is filled from the rule; the secret stays unless retyped
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit Acme spikes"))
                    .click();
            assertThat(page.getByLabel("Condition")).hasValue("volume_spike");
            assertThat(page.getByLabel("Cooldown")).hasValue("90m");
            page.getByLabel("Name").fill("Acme volume spikes");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes"))
                    .click();
            assertThat(page.locator("#rule-list")).containsText("Acme volume spikes");
            JsonNode edited = call(page, "GET", "/api/v1/alerts/" + id, "");
            assertThat(edited.get("name").asText()).isEqualTo("Acme volume spikes");
            assertThat(edited.get("condition").get("sensitivity").asText()).isEqualTo("high");
            assertThat(app.alerts().get(id).orElseThrow().definition()).contains("s3cret-signing-key");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause Acme volume spikes"))
                    .click();
            assertThat(page.locator("#rule-list .badge")).hasText("paused");
            assertThat(call(page, "GET", "/api/v1/alerts/" + id, "")
                            .get("paused")
                            .asBoolean())
                    .isTrue();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("History of Acme volume spikes"))
                    .click();
            assertThat(page.locator("#alert-history")).containsText("This rule has not fired yet.");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Browser.screenshots().resolve("alerts.png"))
                    .setFullPage(true));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete Acme volume spikes"))
                    .click();
            assertThat(page.locator("#rule-list")).containsText("No rules yet");
            assertThat(call(page, "GET", "/api/v1/alerts", "").get("items")).isEmpty();
            context.close();
        }
    }

    /** A request from the page, with its session and CSRF token, as the page's own script makes it. */
    private static JsonNode call(Page page, String method, String path, String body) {
        Object text = page.evaluate(
                "([method, path, body]) => fetch(path, {method: method, headers: {'Content-Type': 'application/json',"
                        + " 'X-CSRF-Token': document.querySelector('meta[name=csrf-token]').content},"
                        + " body: body || undefined}).then(r => r.text())",
                java.util.List.of(method, path, body));
        return Json.read(String.valueOf(text));
    }
}
