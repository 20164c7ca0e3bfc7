package io.earshot.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.archive.MentionArchive;
import io.earshot.archive.MentionSearch;
import io.earshot.domain.Mention;
import io.earshot.server.EarshotApp;
import io.earshot.server.EarshotConfig;
import io.earshot.server.http.Json;
import io.earshot.testkit.jetstream.FakeJetstreamServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code earshot run} in its own JVM, killed with SIGKILL in the middle of ingesting, then started again:
 * the archive ends up with every post exactly once and every like counted exactly once.
 */
class KilledProcessTest {

    private static final int POSTS = 15_000;
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path data;

    @Test
    void aKilledProcessLosesNothingAndDuplicatesNothing() throws Exception {
        List<String> stream = SyntheticStream.postsWithOneLikeEach(POSTS);
        try (FakeJetstreamServer jetstream =
                FakeJetstreamServer.replaying(stream).start()) {
            Process child = startChild(jetstream.uri());
            long storedWhenKilled;
            try {
                int port = awaitPort(child);
                storedWhenKilled = awaitSomeStored(port);
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(storedWhenKilled).as("killed mid-ingest").isPositive().isLessThan(POSTS);

            EarshotConfig config = EarshotConfig.fromEnvironment(Map.of(
                            "EARSHOT_BLUESKY_JETSTREAM_URL",
                            jetstream.uri().toString(),
                            "EARSHOT_BLUESKY_PROFILES",
                            "off"))
                    .withDataDir(data)
                    .withListen("127.0.0.1", 0);
            try (EarshotApp app = EarshotApp.start(config)) {
                MentionArchive archive = app.archive();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (allLiked(archive) < POSTS && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(archive.size()).isEqualTo(POSTS);
                assertThat(allLiked(archive)).isEqualTo(POSTS);
            }
        }
    }

    /** How many distinct posts are stored with exactly one like; fails if any has more (a doubled count). */
    private static long allLiked(MentionArchive archive) {
        Set<String> seen = new HashSet<>();
        long liked = 0;
        Optional<String> cursor = Optional.empty();
        do {
            MentionArchive.MentionPage page =
                    archive.search(new MentionSearch(Optional.empty(), Optional.empty(), false, 1000, cursor));
            for (Mention mention : page.items()) {
                assertThat(seen.add(mention.key().id()))
                        .as("stored once: " + mention.key())
                        .isTrue();
                assertThat(mention.engagement().likes())
                        .as("likes of " + mention.key())
                        .isLessThanOrEqualTo(1);
                liked += mention.engagement().likes();
            }
            cursor = page.next();
        } while (cursor.isPresent());
        return liked;
    }

    private Process startChild(URI jetstream) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.earshot.server.cli.EarshotCommand",
                        "run",
                        "--data",
                        data.toString(),
                        "--port",
                        "0")
                .redirectErrorStream(true);
        builder.environment().put("EARSHOT_BLUESKY_JETSTREAM_URL", jetstream.toString());
        builder.environment().remove("EARSHOT_API_TOKEN");
        builder.environment().put("EARSHOT_BLUESKY_PROFILES", "off");
        return builder.start();
    }

    private static int awaitPort(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                Thread.ofPlatform().daemon().start(() -> drain(out));
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("the child process never said it was listening");
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // keep the pipe empty so the child never blocks on its log
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    private static long awaitSomeStored(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode health = Json.read(response.body());
            long stored = health.get("ingest").get("posts_stored").asLong();
            if (stored >= 1_000) {
                return stored;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the child process stored nothing within 60 s");
    }
}
