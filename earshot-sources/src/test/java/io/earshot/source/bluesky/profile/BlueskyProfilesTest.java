package io.earshot.source.bluesky.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlueskyProfilesTest {

    private static final String DID = "did:plc:z72i7hdynmk6r22z27h6tvur";

    /** Shaped like public.api.bsky.app's answer for bsky.app (all its fields; the values are illustrative). */
    private static final String BSKY_APP = """
            {"did":"did:plc:z72i7hdynmk6r22z27h6tvur","handle":"bsky.app","displayName":"Bluesky",
             "avatar":"https://cdn.bsky.app/img/avatar/plain/did:plc:z72i7hdynmk6r22z27h6tvur/x@jpeg",
             "associated":{"lists":0,"feedgens":0,"starterPacks":8,"labeler":false,"chat":{"allowIncoming":"none"}},
             "labels":[],"createdAt":"2023-04-12T04:53:57.057Z",
             "description":"official Bluesky account (check username\\ud83d\\udc46)\\n\\nBugs, feature requests: https://github.com/bluesky-social/social-app/issues",
             "indexedAt":"2025-01-10T17:34:33.237Z","followersCount":32981004,"followsCount":7,"postsCount":693,
             "pinnedPost":{"cid":"bafyreia","uri":"at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3l"}}
            """;

    private interface Responder {
        void respond(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final List<String> actors = new CopyOnWriteArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    private volatile Responder responder = exchange -> send(exchange, 200, BSKY_APP, Map.of());
    private HttpServer server;
    private ExecutorService executor;
    private BlueskyProfiles profiles;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/xrpc/app.bsky.actor.getProfile", exchange -> {
            actors.add(exchange.getRequestURI().getQuery());
            try {
                responder.respond(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.start();
        profiles = profiles(config());
    }

    @AfterEach
    void stop() {
        profiles.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private ProfileConfig config() {
        return ProfileConfig.defaults()
                .withBase(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .withRequestTimeout(Duration.ofMillis(300));
    }

    private BlueskyProfiles profiles(ProfileConfig config) {
        if (profiles != null) {
            profiles.close();
        }
        profiles = new BlueskyProfiles(config, clock);
        return profiles;
    }

    private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach(exchange.getResponseHeaders()::add);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void parsesARealisticProfile() {
        Optional<Profile> profile = profiles.profile(DID);

        assertThat(profile)
                .contains(new Profile(DID, "bsky.app", Optional.of("Bluesky"), 32_981_004, 7, 693, clock.instant()));
        assertThat(actors).containsExactly("actor=" + DID);
        assertThat(profiles.errors()).isZero();
    }

    @Test
    void aProfileWithoutDisplayNameOrCountsHasEmptyNameAndZeroCounts() {
        responder = exchange -> send(exchange, 200, """
                {"did":"did:plc:new","handle":"new.bsky.social","displayName":""}""", Map.of());

        assertThat(profiles.profile("did:plc:new"))
                .contains(new Profile("did:plc:new", "new.bsky.social", Optional.empty(), 0, 0, 0, clock.instant()));
    }

    @Test
    void aCacheHitMakesNoRequest() {
        profiles.profile(DID);
        clock.advance(Duration.ofHours(5));

        assertThat(profiles.profile(DID)).map(Profile::handle).contains("bsky.app");
        assertThat(profiles.cached(DID)).isPresent();
        assertThat(profiles.requests()).isEqualTo(1);
        assertThat(actors).hasSize(1);
    }

    @Test
    void anExpiredProfileIsFetchedAgain() {
        profiles.profile(DID);
        clock.advance(Duration.ofHours(6).plusSeconds(1));
        responder = exchange -> send(exchange, 200, BSKY_APP.replace("32981004", "32981100"), Map.of());

        assertThat(profiles.profile(DID)).map(Profile::followers).contains(32_981_100L);
        assertThat(profiles.profile(DID).orElseThrow().fetchedAt()).isEqualTo(clock.instant());
        assertThat(actors).hasSize(2);
    }

    @Test
    void anUnknownActorIsRememberedForTheShorterTime() {
        responder = exchange ->
                send(exchange, 400, "{\"error\":\"InvalidRequest\",\"message\":\"Profile not found\"}", Map.of());

        assertThat(profiles.profile("did:plc:gone")).isEmpty();
        clock.advance(Duration.ofMinutes(9));
        assertThat(profiles.profile("did:plc:gone")).isEmpty();
        assertThat(actors).hasSize(1);

        clock.advance(Duration.ofMinutes(2));
        responder = exchange -> send(exchange, 404, "", Map.of());
        assertThat(profiles.profile("did:plc:gone")).isEmpty();
        assertThat(profiles.profile("did:plc:gone")).isEmpty();
        assertThat(actors).hasSize(2);
        assertThat(profiles.errors()).isZero();
    }

    @Test
    void theRateLimitCapsRequestsAndNeverWaits() {
        profiles(config().withRequestsPerSecond(5));

        for (int i = 0; i < 20; i++) {
            profiles.profile("did:plc:a" + i);
        }
        assertThat(actors).hasSize(5);
        assertThat(profiles.profile("did:plc:a19")).isEmpty();

        clock.advance(Duration.ofMillis(400));
        for (int i = 0; i < 20; i++) {
            profiles.profile("did:plc:b" + i);
        }
        assertThat(actors).hasSize(7);
        assertThat(profiles.errors()).isZero();
    }

    @Test
    void aStaleProfileIsServedWhenOutOfTokens() {
        profiles(config().withRequestsPerSecond(1));
        profiles.profile(DID);
        clock.advance(Duration.ofHours(7));
        profiles.profile("did:plc:other");

        assertThat(profiles.profile(DID)).map(Profile::handle).contains("bsky.app");
        assertThat(actors).hasSize(2);
    }

    @Test
    void http429PausesAllRequestsUntilRetryAfter() {
        responder = exchange -> send(exchange, 429, "{\"error\":\"RateLimitExceeded\"}", Map.of("Retry-After", "30"));

        assertThat(profiles.profile(DID)).isEmpty();
        responder = exchange -> send(exchange, 200, BSKY_APP, Map.of());
        clock.advance(Duration.ofSeconds(29));
        assertThat(profiles.profile(DID)).isEmpty();
        assertThat(profiles.profile("did:plc:other")).isEmpty();
        assertThat(actors).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(profiles.profile(DID)).isPresent();
        assertThat(actors).hasSize(2);
        assertThat(profiles.errors()).isEqualTo(1);
    }

    @Test
    void http429HonoursRateLimitResetInEpochSeconds() {
        long reset = clock.instant().plusSeconds(120).getEpochSecond();
        responder = exchange ->
                send(exchange, 429, "", Map.of("RateLimit-Reset", Long.toString(reset), "Retry-After", "5"));

        profiles.profile(DID);
        clock.advance(Duration.ofSeconds(119));
        profiles.profile(DID);
        assertThat(actors).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        profiles.profile(DID);
        assertThat(actors).hasSize(2);
    }

    @Test
    void pauseEndReadsEitherHeaderAndIsBounded() {
        Instant now = Instant.parse("2025-06-01T12:00:00Z");

        assertThat(BlueskyProfiles.pauseEnd(headers(Map.of("ratelimit-reset", "10")), now))
                .isEqualTo(now.plusSeconds(10));
        assertThat(BlueskyProfiles.pauseEnd(headers(Map.of("Retry-After", "Sun, 01 Jun 2025 12:01:00 GMT")), now))
                .isEqualTo(now.plusSeconds(60));
        assertThat(BlueskyProfiles.pauseEnd(headers(Map.of("Retry-After", "soon")), now))
                .isEqualTo(now.plusSeconds(30));
        assertThat(BlueskyProfiles.pauseEnd(headers(Map.of("Retry-After", "999999")), now))
                .isEqualTo(now.plus(Duration.ofHours(1)));
    }

    @Test
    void serverErrorsAreCountedNotCachedNotThrown() {
        responder = exchange -> send(exchange, 502, "<html>Bad gateway</html>", Map.of());

        assertThat(profiles.profile(DID)).isEmpty();
        assertThat(profiles.profile(DID)).isEmpty();
        assertThat(profiles.errors()).isEqualTo(2);
        assertThat(actors).hasSize(2);
        assertThat(profiles.cached(DID)).isEmpty();
    }

    @Test
    void malformedAnswersAreCountedAndEmpty() {
        responder = exchange -> send(exchange, 200, "{\"did\":\"did:plc:x\",", Map.of());
        assertThat(profiles.profile("did:plc:x")).isEmpty();

        responder = exchange -> send(exchange, 200, "{\"did\":\"did:plc:x\",\"followersCount\":3}", Map.of());
        assertThat(profiles.profile("did:plc:x")).isEmpty();

        responder = exchange ->
                send(exchange, 200, "{\"did\":\"did:plc:x\",\"handle\":\"x\",\"followersCount\":\"many\"}", Map.of());
        assertThat(profiles.profile("did:plc:x")).isEmpty();

        responder = exchange -> send(exchange, 200, "[]", Map.of());
        assertThat(profiles.profile("did:plc:x")).isEmpty();

        assertThat(profiles.errors()).isEqualTo(4);
    }

    @Test
    void oversizedAnswersAreCountedAndEmpty() {
        String huge = "{\"did\":\"did:plc:x\",\"handle\":\"x\",\"description\":\""
                + "a".repeat(BlueskyProfiles.MAX_BODY_BYTES) + "\"}";
        responder = exchange -> send(exchange, 200, huge, Map.of());
        assertThat(profiles.profile("did:plc:x")).isEmpty();

        responder = exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0); // chunked: no length to check up front
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 20; i++) {
                    out.write(chunk);
                }
            } catch (IOException clientHungUp) {
                // expected: the client stops reading past the limit
            }
        };
        assertThat(profiles.profile("did:plc:x")).isEmpty();
        assertThat(profiles.errors()).isEqualTo(2);
    }

    @Test
    void timeoutsAndRefusalsAreCountedAndEmpty() throws IOException {
        responder = exchange -> {
            Thread.sleep(1_000);
            send(exchange, 200, BSKY_APP, Map.of());
        };
        long started = System.nanoTime();
        assertThat(profiles.profile(DID)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
        assertThat(profiles.errors()).isEqualTo(1);

        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        profiles(config().withBase(URI.create("http://127.0.0.1:" + closedPort)));
        assertThat(profiles.profile(DID)).isEmpty();
        assertThat(profiles.errors()).isEqualTo(1);
    }

    @Test
    void theLeastRecentlyUsedProfileIsEvicted() {
        profiles(config().withMaxEntries(2));
        responder = exchange -> {
            String did = exchange.getRequestURI().getQuery().substring("actor=".length());
            send(exchange, 200, "{\"did\":\"" + did + "\",\"handle\":\"h\"}", Map.of());
        };
        profiles.profile("did:plc:a");
        profiles.profile("did:plc:b");
        profiles.profile("did:plc:a");
        profiles.profile("did:plc:c");

        assertThat(profiles.cached("did:plc:a")).isPresent();
        assertThat(profiles.cached("did:plc:b")).isEmpty();
        assertThat(profiles.cached("did:plc:c")).isPresent();
    }

    @Test
    void configAndArgumentsAreChecked() {
        assertThatThrownBy(() -> ProfileConfig.defaults().withBase(URI.create("ftp://example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> ProfileConfig.defaults().withRequestsPerSecond(0))
                .hasMessageContaining("requestsPerSecond");
        assertThatThrownBy(() -> ProfileConfig.defaults().withMaxEntries(0)).hasMessageContaining("maxEntries");
        assertThatThrownBy(() -> profiles.profile(" ")).hasMessageContaining("give a DID");
    }

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> map = new HashMap<>();
        values.forEach((k, v) -> map.put(k, List.of(v)));
        return HttpHeaders.of(map, (k, v) -> true);
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
