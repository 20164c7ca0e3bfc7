package io.earshot.source.feed;

import static io.earshot.testkit.feed.FeedBodies.item;
import static io.earshot.testkit.feed.FeedBodies.rss;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.testkit.Fixtures;
import io.earshot.testkit.feed.FakeFeedServer;
import io.earshot.testkit.feed.FeedBodies;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code earshot feed check}: one line per input, with a reason a person understands. */
class FeedCheckerTest {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    @AfterEach
    void closeClient() {
        client.shutdownNow();
    }

    @Test
    void urls_are_fetched_and_every_failure_gets_its_reason() throws Exception {
        try (FakeFeedServer server = FakeFeedServer.start()) {
            server.serve("/ok.xml", rss("News", item("1", "One"), item("2", "Two"), item("3", "Three")));
            server.serve("/page.xml", FeedBodies.htmlErrorPage().getBytes(StandardCharsets.UTF_8), "text/html");
            server.serve("/bomb.xml", FeedBodies.billionLaughs());
            server.serve("/big.xml", "<rss>" + " ".repeat(11 << 20) + "</rss>");
            server.endless("/endless.xml");
            server.serve("/slow.xml", rss("Slow", item("1", "x")));
            server.slow("/slow.xml", Duration.ofSeconds(3));
            String dead = FeedHarness.deadUrl("/feed.xml").toString();
            List<String> inputs = List.of(
                    server.url("/ok.xml").toString(),
                    server.url("/missing.xml").toString(),
                    server.url("/page.xml").toString(),
                    server.url("/bomb.xml").toString(),
                    server.url("/big.xml").toString(),
                    server.url("/endless.xml").toString(),
                    dead,
                    server.url("/slow.xml").toString());

            // the first exchange of a JVM loads the HTTP client, the parsers and the server's handlers: not timed
            assertThat(FeedChecker.check(inputs.subList(0, 1), client)).containsExactly("ok 3 " + inputs.get(0));
            List<String> lines = FeedChecker.check(inputs, client, Duration.ofMillis(500));

            assertThat(lines)
                    .containsExactly(
                            "ok 3 " + inputs.get(0),
                            "error " + inputs.get(1) + ": HTTP 404",
                            "error " + inputs.get(2) + ": not a feed: got an HTML page",
                            "error " + inputs.get(3)
                                    + ": XML DOCTYPE declarations with entities are not allowed (possible XML bomb)",
                            "error " + inputs.get(4) + ": too large: over 10 MiB",
                            "error " + inputs.get(5) + ": too large: over 10 MiB",
                            "error " + dead + ": connection refused",
                            "error " + inputs.get(7) + ": timed out after 500 ms");
        }
    }

    @Test
    void local_files_are_read_in_place(@TempDir Path dir) throws Exception {
        Path fixture = Fixtures.fixture("feeds/rome/rss_1.0-ns-on-channel.xml");
        Path truncated = dir.resolve("truncated.xml");
        Files.writeString(truncated, rss("News", item("1", "x")).substring(0, 100));
        Path big = dir.resolve("big.xml");
        Files.write(big, new byte[(10 << 20) + 1]);
        List<String> inputs = List.of(
                fixture.toString(),
                fixture.toUri().toString(),
                dir.resolve("missing.xml").toString(),
                dir.toString(),
                truncated.toString(),
                big.toString(),
                "ftp://example.com/feed.xml");

        List<String> lines = FeedChecker.check(inputs, client);

        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).isEqualTo("ok 44 " + fixture);
        assertThat(lines.get(1)).isEqualTo("ok 44 " + fixture.toUri());
        assertThat(lines.get(2)).isEqualTo("error " + inputs.get(2) + ": no such file");
        assertThat(lines.get(3)).isEqualTo("error " + dir + ": is a folder, not a feed file");
        assertThat(lines.get(4)).startsWith("error " + truncated + ": broken XML at line ");
        assertThat(lines.get(5)).isEqualTo("error " + big + ": too large: over 10 MiB");
        assertThat(lines.get(6))
                .isEqualTo("error ftp://example.com/feed.xml: only http(s) URLs and local files can be checked");
    }

    @Test
    void every_rome_sample_checks_ok() throws IOException, InterruptedException {
        List<String> inputs;
        try (var files = Files.list(Fixtures.fixture("feeds/rome"))) {
            inputs = files.filter(f -> f.toString().endsWith(".xml"))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        }
        assertThat(FeedChecker.check(inputs, client))
                .hasSize(24)
                .allSatisfy(line -> assertThat(line).startsWith("ok "));
    }
}
