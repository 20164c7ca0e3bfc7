package io.earshot.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.earshot.server.EarshotApp;
import io.earshot.server.http.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app in a real browser (Chromium through Playwright): log in, edit a topic with an error and a preview,
 * watch mentions arrive live, filter, see the dashboard's charts, XSS payloads shown as text, roles and CSRF.
 * Screenshots of each page go to {@code target/screenshots/} (copied to docs/images/ for the README).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebBrowserTest {

    private EarshotApp app;
    private Browser browser;
    private BrowserContext admin;
    private String base;
    private String adminToken;
    private final List<String> dialogs = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path data) {
        Optional<Path> chromium = Browser.findChromium();
        assumeTrue(
                chromium.isPresent(),
                "browser tests skipped: no 'chromium' on the PATH (apt-get install -y chromium; see DEVELOPERS.md)");
        app = WebTestApps.withAdmin(data);
        base = "http://127.0.0.1:" + app.port();
        browser = Browser.launch(chromium.get());
        admin = browser.context(base, 1280, 900);
        admin.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void logIn() throws Exception {
        Page page = admin.newPage();
        page.navigate("/");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?next=%2F"));
        page.screenshot(
                new Page.ScreenshotOptions().setPath(Browser.screenshots().resolve("login.png")));
        page.getByLabel("User name").fill("admin");
        page.getByLabel("Password").fill("wrong password!");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        assertThat(page.locator("#login-error")).containsText("do not match");
        page.getByLabel("User name").fill("admin");
        page.getByLabel("Password").fill(WebTestApps.ADMIN_PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        assertThat(page.locator("h1")).hasText("Dashboard");
        assertThat(page.locator("#getting-started")).isVisible();
        // an API token for the machine side of the tests (ingest)
        Object token = page.evaluate(
                "() => fetch('/api/v1/tokens', {method: 'POST', headers: {'Content-Type':"
                        + " 'application/json', 'X-CSRF-Token': document.querySelector('meta[name=csrf-token]').content},"
                        + " body: JSON.stringify({label: 'test ingest', role: 'admin'})}).then(r => r.json()).then(j => j.token)");
        adminToken = String.valueOf(token);
        assertThat(adminToken).startsWith("es_");
        page.close();
    }

    @Test
    @Order(2)
    void writeATopicWithAnErrorSeeItMarkedFixItAndSeeThePreview() throws Exception {
        ingest("{\"id\":\"p1\",\"text\":\"The acme rocket launch was great\",\"lang\":\"en\"}");
        Page page = admin.newPage();
        page.navigate("/topics");
        page.getByLabel("Name").fill("Acme");
        page.getByLabel("Query").fill("acme AND (rocket");
        assertThat(page.locator("#topic-error")).not().isEmpty();
        assertThat(page.locator("#topic-marked mark.err")).isVisible();
        assertThat(page.getByLabel("Query")).hasAttribute("aria-invalid", "true");
        page.screenshot(
                new Page.ScreenshotOptions().setPath(Browser.screenshots().resolve("topic-error.png")));
        page.getByLabel("Query").fill("acme AND rocket");
        assertThat(page.locator("#topic-marked")).isHidden();
        assertThat(page.locator("#topic-preview li.mention")).containsText("The acme rocket launch was great");
        assertThat(page.locator("#topic-estimate")).containsText("mentions/day");
        page.screenshot(
                new Page.ScreenshotOptions().setPath(Browser.screenshots().resolve("topic-preview.png")));
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save topic"))
                .click();
        assertThat(page.locator("#topic-list")).containsText("Acme");
        page.close();
    }

    @Test
    @Order(3)
    void mentionsArriveInTheLiveStreamWithoutAReloadAndCanBeFiltered() throws Exception {
        Page page = admin.newPage();
        page.navigate("/stream");
        assertThat(page.locator("#stream-status")).hasText("Live");
        page.evaluate("() => { window.__loadedOnce = true; }");
        ingest("{\"id\":\"live-1\",\"text\":\"I love the new acme rocket, fantastic!\",\"lang\":\"en\","
                + "\"url\":\"https://example.com/live-1\",\"author\":{\"handle\":\"fan\"}}");
        ingest("{\"id\":\"live-2\",\"text\":\"acme rocket exploded, terrible and awful\",\"lang\":\"en\","
                + "\"author\":{\"handle\":\"critic\"}}");
        Locator stream = page.locator("#stream li.mention");
        assertThat(stream.filter(new Locator.FilterOptions().setHasText("fantastic")))
                .hasCount(1);
        assertThat(stream.filter(new Locator.FilterOptions().setHasText("exploded")))
                .hasCount(1);
        assertThat(page.evaluate("() => window.__loadedOnce")).isEqualTo(true);
        Locator first = stream.filter(new Locator.FilterOptions().setHasText("fantastic"));
        assertThat(first.locator("mark").first()).isVisible();
        assertThat(first.locator("a")).hasAttribute("href", "https://example.com/live-1");
        assertThat(first).containsText("fan");
        page.screenshot(
                new Page.ScreenshotOptions().setPath(Browser.screenshots().resolve("stream.png")));

        String positive = String.valueOf(
                page.evaluate(
                        "() => [...document.querySelectorAll('#stream li.mention')].find(li => li.textContent.includes('fantastic')).dataset.sentiment"));
        page.getByLabel("Sentiment").selectOption(positive);
        assertThat(stream.filter(new Locator.FilterOptions().setHasText("fantastic")))
                .isVisible();
        for (Locator item : stream.all()) {
            if (!positive.equals(item.getAttribute("data-sentiment"))) {
                assertThat(item).isHidden();
            }
        }
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause"))
                .click();
        page.getByLabel("Sentiment").selectOption("");
        int before = stream.count();
        ingest("{\"id\":\"live-3\",\"text\":\"acme rocket again\",\"lang\":\"en\"}");
        assertThat(page.locator("#stream-status")).containsText("1 new");
        assertThat(stream).hasCount(before);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resume"))
                .click();
        assertThat(stream.filter(new Locator.FilterOptions().setHasText("acme rocket again")))
                .hasCount(1);
        page.close();
    }

    @Test
    @Order(4)
    void xssPayloadsRenderAsTextAndRunNothing() throws Exception {
        String[] payloads = {
            "acme rocket <img src=x onerror=\\\"window.__xss='img'\\\">",
            "acme rocket <script>window.__xss='script'</script>",
            "acme rocket <a href=\\\"javascript:window.__xss='link'\\\">click</a>",
            "acme rocket <p onmouseover=\\\"window.__xss='mastodon'\\\">hover</p><svg onload=\\\"alert(1)\\\">"
        };
        Page page = admin.newPage();
        page.navigate("/stream");
        assertThat(page.locator("#stream-status")).hasText("Live");
        for (int i = 0; i < payloads.length; i++) {
            ingest(
                    "{\"id\":\"xss-" + i + "\",\"text\":\"" + payloads[i] + "\",\"lang\":\"en\","
                            + "\"url\":\"javascript:window.__xss='url'\",\"author\":{\"handle\":\"<b onclick=alert(2)>x</b>\"}}");
        }
        ingestMastodon();
        Locator stream = page.locator("#stream li.mention");
        assertThat(stream.filter(new Locator.FilterOptions().setHasText("<script>window.__xss='script'</script>")))
                .hasCount(1);
        assertThat(stream.filter(new Locator.FilterOptions().setHasText("<img src=x onerror=\"window.__xss='img'\">")))
                .hasCount(1);
        assertThat(stream.filter(new Locator.FilterOptions().setHasText("mastodon-xss")))
                .hasCount(1);
        page.locator("#stream li.mention").first().hover();
        assertThat(page.locator("#stream img, #stream script, #stream svg, #stream b, #stream p a[href^=javascript]"))
                .hasCount(0);
        assertThat(page.locator("#stream a[href^='javascript']")).hasCount(0);
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
        page.screenshot(
                new Page.ScreenshotOptions().setPath(Browser.screenshots().resolve("xss-as-text.png")));

        page.navigate("/search?q=" + java.net.URLEncoder.encode("acme", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.locator("#results")).containsText("<script>window.__xss='script'</script>");
        assertThat(page.locator("#facets")).containsText("Network");
        assertThat(page.locator("#results img, #results script")).hasCount(0);
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
        page.screenshot(
                new Page.ScreenshotOptions().setPath(Browser.screenshots().resolve("search.png")));
        assertThat(dialogs).isEmpty();
        page.close();
    }

    @Test
    @Order(5)
    void theDashboardDrawsAProjectFromTheAnalyticsApi() throws Exception {
        WebSession robot = new WebSession(app.port());
        String bearer = "Bearer " + adminToken;
        long acme = Json.read(
                        robot.get("/api/v1/topics", "Authorization", bearer).body())
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        long globex = Json.read(robot.json(
                                "POST",
                                "/api/v1/topics",
                                "{\"name\":\"Globex\",\"query\":\"globex\"}",
                                "Authorization",
                                bearer)
                        .body())
                .get("id")
                .asLong();
        ingest("{\"id\":\"g1\",\"text\":\"globex shipped a rocket, great work\",\"lang\":\"en\"}");
        long project = Json.read(robot.json(
                                "POST",
                                "/api/v1/projects",
                                "{\"name\":\"Acme vs Globex\",\"brand\":[" + acme + "],\"competitors\":[" + globex
                                        + "]}",
                                "Authorization",
                                bearer)
                        .body())
                .get("id")
                .asLong();
        var sov = Json.read(robot.get(
                                "/api/v1/analytics/share-of-voice?project=" + project + "&from="
                                        + java.time.Instant.now().minus(java.time.Duration.ofDays(1)),
                                "Authorization",
                                bearer)
                        .body())
                .get("topics");

        Page page = admin.newPage();
        page.navigate("/");
        page.locator("#project").selectOption(String.valueOf(project));
        assertThat(page.locator("#dash-status")).containsText("From the analytics API · project Acme vs Globex");
        assertThat(page.locator("#chart-volume canvas")).hasCount(1);
        assertThat(page.locator("#chart-volume")).containsText("Acme (brand)");
        assertThat(page.locator("#chart-volume")).containsText("Globex");
        assertThat(page.locator("#chart-sentiment canvas")).hasCount(1);
        assertThat(page.locator("#share-of-voice li")).hasCount(2);
        for (var row : sov) {
            Locator item = page.locator(
                    "#share-of-voice li[data-topic=\"" + row.get("topicId").asLong() + "\"]");
            String percent = String.format(
                    java.util.Locale.ROOT,
                    "%.1f%%",
                    100 * row.get("mentionsShare").asDouble());
            assertThat(item)
                    .containsText(
                            row.get("name").asText() + " (" + row.get("role").asText() + ") · " + percent);
            assertThat(item.locator(".count")).hasText(row.get("mentions").asText());
        }
        String total = Json.read(robot.get(
                                "/api/v1/analytics/volume?project=" + project + "&from="
                                        + java.time.Instant.now().minus(java.time.Duration.ofDays(1)),
                                "Authorization",
                                bearer)
                        .body())
                .get("total")
                .asText();
        assertThat(page.locator("#kpi-total")).hasText(total);
        assertThat(page.locator("#recent-spikes")).containsText("add a volume spike rule");
        assertThat(page.locator("#empty-sources")).isVisible();
        page.locator("#range").selectOption("7d");
        assertThat(page.locator("#dash-status")).containsText("daily");
        page.locator("#range").selectOption("24h");
        assertThat(page.locator("#dash-status")).containsText("hourly");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Browser.screenshots().resolve("dashboard.png"))
                .setFullPage(true));
        for (String path : List.of("/sources", "/settings")) {
            page.navigate(path);
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Browser.screenshots().resolve(path.substring(1) + ".png"))
                    .setFullPage(true));
        }
        BrowserContext phone = browser.context(base, 390, 844);
        phone.addCookies(admin.cookies());
        Page small = phone.newPage();
        small.navigate("/");
        assertThat(small.locator("#chart-volume canvas")).hasCount(1);
        assertThat(small.locator("#share-of-voice li")).hasCount(2);
        small.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        small.screenshot(
                new Page.ScreenshotOptions().setPath(Browser.screenshots().resolve("dashboard-phone.png")));
        assertThat(small.evaluate("() => [...document.querySelectorAll('body *')]"
                        + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                        + ".map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 5).join(' ')"))
                .isEqualTo("");
        phone.close();
        page.close();
    }

    @Test
    @Order(6)
    void aViewerCannotCreateTopics() {
        Page page = admin.newPage();
        page.navigate("/settings");
        page.getByLabel("Name").fill("vera");
        page.locator("#user-role").selectOption("viewer");
        page.getByLabel("Password (10+ characters)").fill("a long viewer password");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Add user"))
                .click();
        assertThat(page.locator("#user-rows")).containsText("vera");
        page.close();

        BrowserContext viewerContext = browser.context(base, 1280, 900);
        Page viewer = viewerContext.newPage();
        viewer.navigate("/login");
        viewer.getByLabel("User name").fill("vera");
        viewer.getByLabel("Password").fill("a long viewer password");
        viewer.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        assertThat(viewer.locator("h1")).hasText("Dashboard");
        viewer.navigate("/topics");
        assertThat(viewer.locator("#topic-readonly")).isVisible();
        assertThat(viewer.locator("#topic-save")).isDisabled();
        Object status = viewer.evaluate("() => fetch('/api/v1/topics', {method: 'POST', headers: {'Content-Type':"
                + " 'application/json', 'X-CSRF-Token': document.querySelector('meta[name=csrf-token]').content},"
                + " body: JSON.stringify({name: 'Sneaky', query: 'sneaky'})}).then(r => r.status)");
        assertThat(status).isEqualTo(403);
        viewerContext.close();
    }

    @Test
    @Order(7)
    void aRequestWithoutTheCsrfTokenIsRefused() {
        Page page = admin.newPage();
        page.navigate("/topics");
        Object status = page.evaluate(
                "() => fetch('/api/v1/topics', {method: 'POST', headers: {'Content-Type':"
                        + " 'application/json'}, body: JSON.stringify({name: 'Forged', query: 'forged'})}).then(r => r.status)");
        assertThat(status).isEqualTo(403);
        page.close();
    }

    private void ingest(String post) {
        HttpResponse<String> response = new WebSession(app.port())
                .json("POST", "/api/v1/ingest?format=post&wait=true", post, "Authorization", "Bearer " + adminToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(Json.read(response.body()).get("accepted").asLong()).isEqualTo(1);
    }

    private void ingestMastodon() {
        String status = "{\"id\":\"9001\",\"uri\":\"https://mastodon.example/users/eve/statuses/9001\","
                + "\"url\":\"https://mastodon.example/@eve/9001\",\"created_at\":\"2026-11-26T10:00:00Z\","
                + "\"language\":\"en\",\"account\":{\"id\":\"7\",\"username\":\"eve\",\"acct\":\"eve\","
                + "\"url\":\"https://mastodon.example/@eve\"},\"content\":\"<p onmouseover=\\\"window.__xss='m'\\\">"
                + "acme rocket mastodon-xss &lt;img src=x onerror=alert(3)&gt;"
                + "<img src=x onerror=\\\"window.__xss='m2'\\\"></p>\"}";
        HttpResponse<String> response = new WebSession(app.port())
                .json(
                        "POST",
                        "/api/v1/ingest?format=mastodon&instance=https://mastodon.example&wait=true",
                        status,
                        "Authorization",
                        "Bearer " + adminToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }
}
