package io.earshot.testkit.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Mastodon instance on 127.0.0.1 (a random port) that speaks the two APIs a listener uses: the streaming
 * API over Server-Sent Events and the REST timelines that fill its gaps.
 *
 * <ul>
 *   <li>Streams {@code /api/v1/streaming/public}, {@code …/public/local}, {@code …/hashtag?tag=X},
 *       {@code …/hashtag/local?tag=X} and {@code …/user}: each connection gets what is published after it
 *       opened (as on the real service, nothing is replayed) as {@code update}, {@code status.update} and
 *       {@code delete} events, and a {@code :thump} heartbeat when quiet.
 *   <li>Timelines {@code /api/v1/timelines/public} (with {@code local=true}), {@code …/tag/:hashtag} and
 *       {@code …/home}, newest first, with {@code max_id}, {@code since_id}, {@code min_id}, {@code limit}
 *       (20 by default, at most 40) and {@code Link} headers ({@code rel="next"} older, {@code rel="prev"}
 *       newer), as Mastodon pages them.
 *   <li>Every endpoint wants {@code Authorization: Bearer <token>} and answers 401 otherwise.
 * </ul>
 *
 * A status is local when its {@code account.acct} has no {@code @}; its hashtags are its {@code tags[].name}.
 * Tests make things go wrong with {@link #dropStreams()}, {@link #sendRaw}, {@link #sendEvent},
 * {@link #refuseStreams}, {@link #respondNext}, {@link #failTimelines} and {@link Builder#dropStreamsAfter}.
 *
 * <pre>{@code
 * try (FakeMastodonServer server = FakeMastodonServer.builder().heartbeat(Duration.ofMillis(50)).start()) {
 *     URI instance = server.uri(); // http://127.0.0.1:port, token server.token()
 *     ... start a source, then:
 *     server.awaitOpenStreams(1, Duration.ofSeconds(5));
 *     server.publish(statusJson);
 *     server.delete("103254193998341330");
 * }
 * }</pre>
 */
public final class FakeMastodonServer implements AutoCloseable {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 40;

    private final Builder options;
    private final Timeline timeline = new Timeline();
    private final List<StreamClient> clients = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger streamsOpened = new AtomicInteger();
    private final AtomicReference<Failure> refuseStreams = new AtomicReference<>();
    private final AtomicReference<Failure> respondNext = new AtomicReference<>();
    private final AtomicInteger respondNextCount = new AtomicInteger();
    private final AtomicReference<Failure> timelineFailure = new AtomicReference<>();
    private final AtomicInteger timelineFailureCount = new AtomicInteger();
    private volatile boolean running = true;
    private final Javalin app;

    private FakeMastodonServer(Builder options) {
        this.options = options;
        options.timeline.forEach(json -> {
            timeline.put(FakeStatus.parse(json));
        });
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/api/v1/streaming/public", ctx -> stream(ctx, Feed.everything("public")));
            config.routes.get("/api/v1/streaming/public/local", ctx -> stream(ctx, Feed.local("public:local")));
            config.routes.get("/api/v1/streaming/hashtag", ctx -> stream(ctx, hashtag(ctx, false)));
            config.routes.get("/api/v1/streaming/hashtag/local", ctx -> stream(ctx, hashtag(ctx, true)));
            config.routes.get("/api/v1/streaming/user", ctx -> stream(ctx, Feed.everything("user")));
            config.routes.get("/api/v1/timelines/public", ctx -> page(ctx, publicFeed(ctx)));
            config.routes.get(
                    "/api/v1/timelines/tag/{hashtag}", ctx -> page(ctx, Feed.hashtag(ctx.pathParam("hashtag"), false)));
            config.routes.get("/api/v1/timelines/home", ctx -> page(ctx, Feed.everything("home")));
        });
        app.start("127.0.0.1", 0);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}: the instance's address. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    /** The token every request must bear; empty when the server takes anonymous requests. */
    public Optional<String> token() {
        return options.token;
    }

    /** Adds a status to the timelines and sends it as {@code update} to every open stream that shows it. */
    public void publish(String statusJson) {
        FakeStatus status = FakeStatus.parse(statusJson);
        timeline.put(status);
        fanOut(status, "update", status.json());
    }

    /** Replaces a status on the timelines and sends it as {@code status.update}. */
    public void edit(String statusJson) {
        FakeStatus status = FakeStatus.parse(statusJson);
        timeline.put(status);
        fanOut(status, "status.update", status.json());
    }

    /** Removes a status from the timelines and sends {@code delete} with its id to every open stream. */
    public void delete(String statusId) {
        timeline.remove(statusId);
        clients.forEach(client -> client.queue.add(new StreamClient.Item.Text(event("delete", statusId), true)));
    }

    /** Sends an event with any name and data to every open stream: garbage, unknown events, huge payloads. */
    public void sendEvent(String name, String data) {
        clients.forEach(client -> client.queue.add(new StreamClient.Item.Text(event(name, data), true)));
    }

    /** Writes {@code text} as it is to every open stream (comments, half an event, bytes that are no SSE). */
    public void sendRaw(String text) {
        clients.forEach(client -> client.queue.add(new StreamClient.Item.Text(text, false)));
    }

    /** Cuts every open stream without ending its response: the client sees the connection fail mid-stream. */
    public void dropStreams() {
        clients.forEach(client -> client.queue.add(new StreamClient.Item.Drop()));
    }

    /** Ends every open stream normally: the client sees the server close the stream. */
    public void closeStreams() {
        clients.forEach(client -> client.queue.add(new StreamClient.Item.Close()));
    }

    /**
     * Answers every streaming request from now on with {@code status} (e.g. 503) until {@link #acceptStreams};
     * REST timelines keep working. A 429 carries {@code Retry-After: 1}.
     */
    public void refuseStreams(int status) {
        refuseStreams.set(new Failure(status));
    }

    public void acceptStreams() {
        refuseStreams.set(null);
    }

    /** Answers the next {@code count} requests of any kind with {@code status}; a 429 has {@code Retry-After: 1}. */
    public void respondNext(int status, int count) {
        respondNext.set(new Failure(status));
        respondNextCount.set(count);
    }

    /** Answers the next {@code count} timeline requests (not streams) with {@code status}. */
    public void failTimelines(int status, int count) {
        timelineFailure.set(new Failure(status));
        timelineFailureCount.set(count);
    }

    /** Every request so far, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Streams open now. */
    public int openStreams() {
        return clients.size();
    }

    /** Streams opened so far (answered 200). */
    public int streamsOpened() {
        return streamsOpened.get();
    }

    /** Waits until at least {@code count} streams are open; false when {@code timeout} ran out first. */
    public boolean awaitOpenStreams(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (clients.size() < count) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /** Stops the server: every stream ends and every handler returns. */
    @Override
    public void close() {
        running = false;
        closeStreams();
        app.stop();
    }

    private void fanOut(FakeStatus status, String name, String json) {
        for (StreamClient client : clients) {
            if (client.feed.wants().test(status)) {
                client.queue.add(new StreamClient.Item.Text(event(name, json), true));
            }
        }
    }

    /** An SSE event: a payload of several lines (pretty-printed JSON) becomes several {@code data:} lines. */
    private static String event(String name, String data) {
        StringBuilder event = new StringBuilder("event: ").append(name).append('\n');
        for (String line : data.split("\r\n|\r|\n", -1)) {
            event.append("data: ").append(line).append('\n');
        }
        return event.append('\n').toString();
    }

    private void stream(Context ctx, Feed feed) {
        if (refused(ctx, refuseStreams.get())) {
            return;
        }
        StreamClient client = new StreamClient(feed);
        // registered before the client sees the answer: everything published from then on reaches it
        clients.add(client);
        try {
            client.serve(ctx, options.heartbeat, options.dropAfter, () -> running, streamsOpened::incrementAndGet);
        } finally {
            clients.remove(client);
        }
    }

    private void page(Context ctx, Feed feed) {
        Failure failure =
                timelineFailureCount.getAndUpdate(count -> Math.max(0, count - 1)) > 0 ? timelineFailure.get() : null;
        if (refused(ctx, failure)) {
            return;
        }
        int limit = Math.clamp(intParam(ctx, "limit", DEFAULT_LIMIT), 1, MAX_LIMIT);
        Timeline.Page page = timeline.page(
                feed,
                limit,
                Optional.ofNullable(ctx.queryParam("max_id")),
                Optional.ofNullable(ctx.queryParam("since_id")),
                Optional.ofNullable(ctx.queryParam("min_id")));
        if (!page.statuses().isEmpty()) {
            String base = uri() + ctx.path() + "?" + keptParameters(ctx);
            ctx.header(
                    "Link",
                    "<" + base + "max_id=" + page.oldest().orElseThrow() + ">; rel=\"next\", <" + base + "min_id="
                            + page.newest().orElseThrow() + ">; rel=\"prev\"");
        }
        List<String> bodies = new ArrayList<>(page.statuses().size());
        page.statuses().forEach(status -> bodies.add(status.json()));
        ctx.contentType("application/json").result("[" + String.join(",", bodies) + "]");
    }

    /** Records the request, checks its token and injected failures; true when it has been answered. */
    private boolean refused(Context ctx, Failure injected) {
        Optional<String> authorization = Optional.ofNullable(ctx.header("Authorization"));
        requests.add(new Request(ctx.path(), ctx.queryParamMap(), authorization));
        if (options.token.isPresent() && !authorization.equals(options.token.map(token -> "Bearer " + token))) {
            ctx.status(401).contentType("application/json").result("{\"error\":\"The access token is invalid\"}");
            return true;
        }
        Failure failure = null;
        if (respondNextCount.getAndUpdate(count -> Math.max(0, count - 1)) > 0) {
            failure = respondNext.get();
        } else if (injected != null) {
            failure = injected;
        }
        if (failure == null) {
            return false;
        }
        if (failure.status() == 429) {
            ctx.header("Retry-After", "1");
        }
        ctx.status(failure.status()).contentType("application/json").result("{\"error\":\"injected failure\"}");
        return true;
    }

    private static Feed publicFeed(Context ctx) {
        return "true".equals(ctx.queryParam("local")) ? Feed.local("public:local") : Feed.everything("public");
    }

    private static Feed hashtag(Context ctx, boolean local) {
        String tag = ctx.queryParam("tag");
        if (tag == null || tag.isBlank()) {
            throw new BadRequestResponse("{\"error\":\"tag is missing\"}");
        }
        return Feed.hashtag(tag, local);
    }

    private static String keptParameters(Context ctx) {
        StringBuilder kept = new StringBuilder();
        for (String name : List.of("limit", "local")) {
            String value = ctx.queryParam(name);
            if (value != null) {
                kept.append(name)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                        .append('&');
            }
        }
        return kept.toString();
    }

    private static int intParam(Context ctx, String name, int fallback) {
        try {
            String value = ctx.queryParam(name);
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** One request the server received. */
    public record Request(String path, Map<String, List<String>> parameters, Optional<String> authorization) {
        public Request {
            parameters = Map.copyOf(parameters);
        }

        /** The first value of a query parameter. */
        public Optional<String> parameter(String name) {
            return parameters.getOrDefault(name, List.of()).stream().findFirst();
        }

        public boolean isStream() {
            return path.startsWith("/api/v1/streaming/");
        }
    }

    private record Failure(int status) {}

    /** How the server behaves; start it with {@link #start()}. */
    public static final class Builder {
        private Optional<String> token = Optional.of("test-token");
        private final List<String> timeline = new ArrayList<>();
        private Duration heartbeat = Duration.ofSeconds(15);
        private int dropAfter;

        private Builder() {}

        /** The bearer token every request must carry ({@code test-token} by default). */
        public Builder token(String value) {
            this.token = Optional.of(value);
            return this;
        }

        /** Takes requests without a token, as Mastodon before 4.2 did for public streams. */
        public Builder anonymous() {
            this.token = Optional.empty();
            return this;
        }

        /** Statuses already on the timelines when the server starts (REST only: streams replay nothing). */
        public Builder timeline(List<String> statuses) {
            this.timeline.addAll(statuses);
            return this;
        }

        /** Statuses already on the timelines: the elements of a JSON array file, such as a fixture. */
        public Builder timeline(Path jsonArray) {
            try {
                JsonNode statuses = new ObjectMapper().readTree(Files.readString(jsonArray));
                statuses.forEach(status -> timeline.add(status.toString()));
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + jsonArray, e);
            }
        }

        /** How often a quiet stream gets a {@code :thump} comment (15 s, like Mastodon); zero for never. */
        public Builder heartbeat(Duration every) {
            if (every.isNegative()) {
                throw new IllegalArgumentException("heartbeat cannot be negative, got " + every);
            }
            this.heartbeat = every;
            return this;
        }

        /** Cuts every stream after it was sent {@code events} events (garbage included, heartbeats not). */
        public Builder dropStreamsAfter(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("dropStreamsAfter needs at least 1 event, got " + events);
            }
            this.dropAfter = events;
            return this;
        }

        public FakeMastodonServer start() {
            return new FakeMastodonServer(this);
        }
    }
}
