package io.earshot.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.earshot.server.EarshotApp;
import io.earshot.server.account.AccountSettings;
import io.earshot.server.http.Json;
import io.earshot.testkit.reply.FakeMastodonInstance;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox in a real browser: a mention that a routing rule sends to Support is worked by a responder with the
 * keyboard, answered from a connected Mastodon account (a local fake instance) with a canned reply, and resolved.
 * Post text with HTML in it stays text in the queue and on the case. Screenshots: {@code inbox.png}, {@code case.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InboxBrowserTest {

    private static final String SECRET =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private static final String RESPONDER_PASSWORD = "a long responder password";
    private static final String REMOTE_URI = "https://elsewhere.social/users/bob/statuses/9";

    private final FakeMastodonInstance mastodon = new FakeMastodonInstance().token("mastodon-token", "acme");
    private final List<String> dialogs = new ArrayList<>();
    private EarshotApp app;
    private Browser browser;
    private WebSession admin;
    private String csrf;
    private String base;

    @BeforeAll
    void start(@TempDir Path data) {
        Optional<Path> chromium = Browser.findChromium();
        assumeTrue(
                chromium.isPresent(),
                "browser tests skipped: no 'chromium' on the PATH (apt-get install -y chromium; see DEVELOPERS.md)");
        app = EarshotApp.start(
                WebTestApps.config(data, Map.of()),
                new AccountSettings(Optional.of(WebTestApps.ADMIN_PASSWORD), Optional.empty(), false),
                Map.of("EARSHOT_SECRET_KEY", SECRET));
        base = "http://127.0.0.1:" + app.port();
        browser = Browser.launch(chromium.get());
        admin = new WebSession(app.port());
        admin.login("admin", WebTestApps.ADMIN_PASSWORD);
        csrf = admin.csrfFromPage("/inbox");

        call("POST", "/api/v1/topics", "{\"name\": \"Acme\", \"query\": \"acme\"}", 201);
        call(
                "POST",
                "/api/v1/routing-rules",
                "{\"name\": \"Everything to support\", \"then\": {\"team\": \"support\", \"priority\": \"high\"}}",
                201);
        call(
                "POST",
                "/api/v1/canned-replies",
                "{\"name\": \"On it\", \"text\": \"Sorry {{author.name|there}}, we are on it. {{agent}}, {{team}}\"}",
                201);
        call(
                "POST",
                "/api/v1/accounts",
                "{\"network\": \"mastodon\", \"instance\": \"" + mastodon.uri() + "\", \"token\": \"mastodon-token\"}",
                201);
        call(
                "POST",
                "/api/v1/users",
                "{\"name\": \"rita\", \"role\": \"responder\", \"password\": \"" + RESPONDER_PASSWORD + "\"}",
                201);

        // a status on another instance, which the fake instance finds when searched (as a real one does)
        mastodon.remoteStatus(REMOTE_URI, "bob@elsewhere.social", "acme lost my parcel");
        call(
                "POST",
                "/api/v1/ingest?format=mastodon&instance=https://elsewhere.social&wait=true",
                "{\"id\": \"9\", \"uri\": \"" + REMOTE_URI + "\", \"url\": \"https://elsewhere.social/@bob/9\","
                        + " \"created_at\": \"" + java.time.Instant.now() + "\", \"language\": \"en\","
                        + " \"account\": {\"id\": \"5\", \"username\": \"bob\", \"acct\": \"bob\","
                        + " \"display_name\": \"Bob\", \"url\": \"https://elsewhere.social/@bob\"},"
                        + " \"content\": \"<p>acme lost my parcel, can anyone help?</p>\"}",
                202);
        call(
                "POST",
                "/api/v1/ingest?format=post&wait=true",
                "{\"id\": \"xss-1\", \"lang\": \"en\", \"text\": \"acme <img src=x onerror=\\\"window.__xss=1\\\">"
                        + "<script>window.__xss=2</script>\", \"url\": \"javascript:window.__xss=3\","
                        + " \"author\": {\"handle\": \"<b onclick=alert(1)>mallory</b>\"}}",
                202);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
        mastodon.close();
    }

    @Test
    @Order(1)
    void aResponderWorksACaseWithTheKeyboardRepliesOnceAndResolvesIt() throws Exception {
        BrowserContext context = browser.context(base, 1280, 900);
        context.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        Page page = context.newPage();
        logIn(page, "rita", RESPONDER_PASSWORD);
        page.navigate("/inbox");

        // the queue: both mentions routed to support, newest first; the HTML one is text
        Locator rows = page.locator("#queue li.case-row");
        assertThat(rows).hasCount(2);
        assertThat(rows.first()).containsText("<script>window.__xss=2</script>");
        assertThat(rows.first()).containsText("<b onclick=alert(1)>mallory</b>");
        assertThat(page.locator("#queue img, #queue script, #queue b")).hasCount(0);
        Locator parcel = rows.filter(new Locator.FilterOptions().setHasText("lost my parcel"));
        assertThat(parcel).containsText("support");
        assertThat(parcel).containsText("high");
        assertThat(parcel).containsText("left");

        // j moves to the parcel, a assigns it to me, Enter opens it
        page.keyboard().press("j");
        assertThat(parcel).isFocused();
        page.keyboard().press("a");
        assertThat(parcel).containsText("→ rita");
        assertThat(page.locator("#queue-status")).containsText("assigned to you");
        page.keyboard().press("?");
        assertThat(page.locator("#help")).isVisible();
        page.keyboard().press("Escape");
        assertThat(page.locator("#help")).isHidden();
        page.screenshot(
                new Page.ScreenshotOptions().setPath(Browser.screenshots().resolve("inbox.png")));
        long id = Long.parseLong(parcel.getAttribute("data-id"));

        // someone else is about to answer: the case says so
        call("POST", "/api/v1/cases/" + id + "/presence", "{\"activity\": \"replying\"}", 200);
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/inbox/cases/" + id));
        assertThat(page.locator("#thread")).containsText("acme lost my parcel, can anyone help?");
        assertThat(page.locator("#thread a").first()).hasAttribute("href", "https://elsewhere.social/@bob/9");
        assertThat(page.locator("#c-assignee")).hasValue("rita");
        assertThat(page.locator("#c-status")).hasValue("open");
        assertThat(page.locator("#case-collision")).containsText("admin is replying");
        assertThat(page.locator("#sla")).containsText("target");
        assertThat(page.locator("#contact")).containsText("Bob");
        assertThat(page.locator("#contact")).containsText("(this one)");

        // a canned reply, filled by the server for this case; a double click sends it once
        assertThat(page.locator("#reply-account option")).containsText("mastodon");
        page.getByLabel("Canned reply")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("On it"));
        assertThat(page.locator("#reply-text")).hasValue("Sorry Bob, we are on it. rita, Support");
        assertThat(page.locator("#reply-count")).containsText("/ 500 characters on mastodon");
        page.locator("#reply-send").dblclick();
        Locator sent = page.locator("#replies li[data-state=sent]");
        assertThat(sent).hasCount(1);
        assertThat(sent.locator(".reply-uri")).containsText(mastodon.uri() + "/users/acme/statuses/");
        assertThat(mastodon.created()).singleElement().satisfies(status -> {
            assertThat(status.text()).isEqualTo("@bob@elsewhere.social Sorry Bob, we are on it. rita, Support");
            assertThat(status.inReplyToId()).isPresent();
        });
        assertThat(page.locator("#c-status")).hasValue("pending");
        assertThat(page.locator("#thread li.outbound")).hasCount(1);

        // e resolves
        page.locator("#h-thread").click();
        page.keyboard().press("e");
        assertThat(page.locator("#c-status")).hasValue("resolved");
        assertThat(page.locator("#history")).containsText("status from pending to resolved");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Browser.screenshots().resolve("case.png"))
                .setFullPage(true));
        assertThat(Json.read(call("GET", "/api/v1/cases/" + id, "", 200))
                        .get("status")
                        .asText())
                .isEqualTo("resolved");
        assertThat(mastodon.created()).hasSize(1);

        // the HTML post, on its own page: text again, and its javascript: link is no link
        page.navigate("/inbox?status=");
        Locator mallory = page.locator("#queue li.case-row").filter(new Locator.FilterOptions().setHasText("mallory"));
        mallory.locator("a.case-link").click();
        assertThat(page.locator("#thread")).containsText("<img src=x onerror=\"window.__xss=1\">");
        assertThat(page.locator("#thread")).containsText("<b onclick=alert(1)>mallory</b>");
        assertThat(page.locator("#thread img, #thread script, #thread b, a[href^=javascript]"))
                .hasCount(0);
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
        assertThat(dialogs).isEmpty();
        context.close();
    }

    @Test
    @Order(2)
    void aReplyInATeamThatRequiresApprovalIsSentWhenSomeoneElseApproves() {
        call("PUT", "/api/v1/teams/pr", "{\"name\": \"PR\", \"approval\": true}", 200);
        String uri = "https://elsewhere.social/users/carol/statuses/12";
        mastodon.remoteStatus(uri, "carol@elsewhere.social", "acme is on the news");
        call(
                "POST",
                "/api/v1/ingest?format=mastodon&instance=https://elsewhere.social&wait=true",
                "{\"id\": \"12\", \"uri\": \"" + uri + "\", \"created_at\": \"" + java.time.Instant.now()
                        + "\", \"account\": {\"id\": \"6\", \"username\": \"carol\", \"acct\": \"carol\","
                        + " \"url\": \"https://elsewhere.social/@carol\"}, \"content\": \"<p>acme is on the news</p>\"}",
                202);
        long id = Json.read(call("GET", "/api/v1/cases?author=mastodon:carol@elsewhere.social", "", 200))
                .at("/items/0/id")
                .asLong();
        call("PATCH", "/api/v1/cases/" + id, "{\"team\": \"pr\"}", 200);
        int before = mastodon.created().size();

        BrowserContext context = browser.context(base, 1280, 900);
        Page page = context.newPage();
        logIn(page, "rita", RESPONDER_PASSWORD);
        page.navigate("/inbox/cases/" + id);
        assertThat(page.locator("#c-team")).hasValue("pr");
        page.getByLabel("Text").fill("Thanks for the coverage!");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply"))
                .click();
        Locator waiting = page.locator("#replies li[data-state=awaiting_approval]");
        assertThat(waiting).containsText("Waiting for someone else");
        assertThat(waiting.getByRole(AriaRole.BUTTON)).hasCount(0);
        assertThat(mastodon.created()).hasSize(before);
        context.close();

        // the admin, in the browser, approves it
        BrowserContext other = browser.context(base, 1280, 900);
        Page reviewer = other.newPage();
        logIn(reviewer, "admin", WebTestApps.ADMIN_PASSWORD);
        reviewer.navigate("/inbox/cases/" + id);
        reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve and send"))
                .click();
        assertThat(reviewer.locator("#replies li[data-state=sent]")).containsText("approved by admin");
        assertThat(mastodon.created()).hasSize(before + 1);
        other.close();
    }

    @Test
    @Order(3)
    void theQueueFitsAPhone() {
        BrowserContext phone = browser.context(base, 390, 844);
        Page page = phone.newPage();
        logIn(page, "rita", RESPONDER_PASSWORD);
        page.navigate("/inbox?status=");
        assertThat(page.locator("#queue li.case-row").first()).isVisible();
        assertThat(page.evaluate("() => [...document.querySelectorAll('body *')]"
                        + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                        + ".map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 5).join(' ')"))
                .isEqualTo("");
        phone.close();
    }

    @Test
    @Order(4)
    void aNewCaseIsAnnouncedWithoutMovingTheQueueAndShownOnN() {
        BrowserContext context = browser.context(base, 1280, 900);
        Page page = context.newPage();
        logIn(page, "rita", RESPONDER_PASSWORD);
        page.navigate("/inbox?status=");
        Locator rows = page.locator("#queue li.case-row");
        assertThat(rows.first()).isVisible();
        int before = rows.count();
        assertThat(page.locator("#queue-new")).isHidden();

        call(
                "POST",
                "/api/v1/ingest?format=post&wait=true",
                "{\"id\": \"late-1\", \"lang\": \"en\", \"text\": \"acme where is my refund\","
                        + " \"author\": {\"handle\": \"carol\"}}",
                202);
        // the queue asks again every 15 s, and at once when the window gets the focus back
        page.evaluate("() => window.dispatchEvent(new Event('focus'))");
        assertThat(page.locator("#queue-new")).containsText("1 new case");
        assertThat(rows).hasCount(before);
        assertThat(page.title()).startsWith("(1) ");
        page.keyboard().press("n");
        assertThat(rows).hasCount(before + 1);
        assertThat(rows.first()).containsText("where is my refund");
        assertThat(page.locator("#queue-new")).isHidden();
        context.close();
    }

    private static void logIn(Page page, String name, String password) {
        page.navigate("/login?next=%2Finbox");
        page.getByLabel("User name").fill(name);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
    }

    /** An admin API call with the admin's session; returns the body after checking the status. */
    private String call(String method, String path, String body, int expected) {
        HttpResponse<String> response =
                method.equals("GET") ? admin.get(path) : admin.json(method, path, body, "X-CSRF-Token", csrf);
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(expected);
        return response.body();
    }
}
