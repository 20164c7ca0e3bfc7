package io.earshot.server.web;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Playwright driving Debian's Chromium, offline: the launch settings of DEVELOPERS.md. Playwright never downloads
 * a browser here ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}); without a {@code chromium} on the PATH the browser
 * tests are skipped with a message saying how to install it.
 */
final class Browser implements AutoCloseable {

    static final List<String> ARGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic");

    final Playwright playwright;
    final com.microsoft.playwright.Browser chromium;

    private Browser(Path executable) {
        this.playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(executable)
                        .setHeadless(true)
                        .setArgs(ARGS));
    }

    /** The chromium on the PATH (or {@code EARSHOT_CHROMIUM}), if there is one. */
    static Optional<Path> findChromium() {
        Optional<Path> configured = Optional.ofNullable(System.getenv("EARSHOT_CHROMIUM"))
                .filter(value -> !value.isBlank())
                .map(Path::of);
        if (configured.isPresent()) {
            return configured.filter(Files::isExecutable);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .flatMap(dir -> Stream.of(Path.of(dir, "chromium"), Path.of(dir, "chromium-browser")))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static Browser launch(Path executable) {
        return new Browser(executable);
    }

    com.microsoft.playwright.BrowserContext context(String baseUrl, int width, int height) {
        return chromium.newContext(new NewContextOptions().setBaseURL(baseUrl).setViewportSize(width, height));
    }

    static Path screenshots() throws IOException {
        return Files.createDirectories(Path.of("target", "screenshots"));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
