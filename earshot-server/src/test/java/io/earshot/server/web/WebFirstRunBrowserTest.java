package io.earshot.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.earshot.server.EarshotApp;
import io.earshot.server.account.AccountSettings;
import io.earshot.server.account.AccountSettings.SessionLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh install in a real browser: every page leads to {@code /setup}; the code from the data folder makes the
 * first admin, who lands on the dashboard; left idle, the session ends and the next click shows the login page.
 */
class WebFirstRunBrowserTest {

    @TempDir
    Path data;

    @Test
    void theSetupCodeMakesTheFirstAdminAndAnIdleSessionEndsAtTheLoginPage() throws Exception {
        Optional<Path> chromium = Browser.findChromium();
        assumeTrue(chromium.isPresent(), "browser tests skipped: no 'chromium' on the PATH (see DEVELOPERS.md)");
        AccountSettings settings =
                AccountSettings.none().withSessions(new SessionLimits(Duration.ofSeconds(3), Duration.ofHours(1)));
        try (EarshotApp app = WebTestApps.start(data, settings);
                Browser browser = Browser.launch(chromium.get())) {
            BrowserContext context = browser.context("http://127.0.0.1:" + app.port(), 1280, 900);
            Page page = context.newPage();
            page.navigate("/topics");
            assertThat(page).hasURL(Pattern.compile(".*/setup$"));
            assertThat(page.locator("h1")).hasText("Set up Earshot");

            String code = Files.readString(data.resolve("setup-code.txt")).strip();
            page.getByLabel("Setup code").fill("WRNG-CODE");
            page.getByLabel("Admin user name").fill("ana");
            page.getByLabel("Password (10+ characters)").fill("a long admin password");
            page.getByLabel("Password again").fill("a long admin password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create admin and log in"))
                    .click();
            assertThat(page.locator("#setup-error")).containsText("not the setup code");

            page.getByLabel("Setup code").fill(code);
            page.getByLabel("Admin user name").fill("ana");
            page.getByLabel("Password (10+ characters)").fill("a long admin password");
            page.getByLabel("Password again").fill("a long admin password");
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.screenshots().resolve("setup.png")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create admin and log in"))
                    .click();
            assertThat(page.locator("h1")).hasText("Dashboard");
            assertThat(page.locator(".who")).containsText("ana · admin");
            assertThat(page.locator("#empty-topics")).isVisible();
            assertThat(data.resolve("setup-code.txt")).doesNotExist();

            // left alone past the idle timeout, the next page is the login page, saying why
            Thread.sleep(3500);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Topics"))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/login\\?next=%2Ftopics&error=ended$"));
            assertThat(page.locator("#login-error")).containsText("Your session has ended");
            page.getByLabel("User name").fill("ana");
            page.getByLabel("Password").fill("a long admin password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                    .click();
            assertThat(page.locator("h1")).hasText("Topics");
            context.close();
        }
    }
}
