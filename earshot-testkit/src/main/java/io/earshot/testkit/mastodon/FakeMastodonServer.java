package io.earshot.testkit.mastodon;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.websocket.WsConnectContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A Mastodon instance on 127.0.0.1 (a random port) that speaks the APIs a listener uses: the streaming API
 * over Server-Sent Events and over WebSocket, the REST timelines that fill its gaps, and the instance's
 * description that says where its streaming server is.
 *
 * <ul>
 *   <li>Streams {@code /api/v1/streaming/public}, {@code …/public/local}, {@code …/hashtag?tag=X},
 *       {@code …/hashtag/local?tag=X} and {@code …/user}: each connection gets what is published after it
 *       opened (as on the real service, nothing is replayed) as {@code update}, {@code status.update} and
 *       {@code delete} events, and a {@code :thump} heartbeat when quiet.
 *   <li>The WebSocket {@code /api/v1/streaming?stream=hashtag&tag=X} (or {@code public}, {@code public:local},
 *       {@code user}; more streams with {@code {"type":"subscribe","stream":…,"tag":…}} messages): the same
 *       events as {@code {"stream":["hashtag","X"],"event":"update","payload":"<the status as JSON text>"}}
 *       text frames, and pings when quiet. The same calls publish to, drop and break both kinds of stream.
 *   <li>{@code /api/v2/instance} with {@code configuration.urls.streaming}: its own {@code ws://} address, or
 *       what {@link FakeMastodonBuilder#advertiseStreaming} says, or nothing
 *       ({@link FakeMastodonBuilder#advertiseNoStreaming}).
 *   <li>Timelines {@code /api/v1/timelines/public} (with {@code local=true}), {@code …/tag/:hashtag} and
 *       {@code …/home}, newest first, with {@code max_id}, {@code since_id}, {@code min_id}, {@code limit}
 *       (20 by default, at most 40) and {@code Link} headers ({@code rel="next"} older, {@code rel="prev"}
 *       newer), as Mastodon pages them.
 *   <li>Every endpoint but the instance's description wants {@code Authorization: Bearer <token>} (or
 *       {@code access_token=<token>}) and answers 401 otherwise; a refused WebSocket handshake too.
 * </ul>
 *
 * A status is local when its {@code account.acct} has no {@code @}; its hashtags are its {@code tags[].name}.
 * Tests make things go wrong with {@link #dropStreams()}, {@link #sendRaw}, {@link #sendEvent},
 * {@link #refuseStreams}, {@link #respondNext}, {@link #failTimelines} and {@link FakeMastodonBuilder#dropStreamsAfter}.
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
    private static final String SOCKET_PATH = "/api/v1/streaming";

    private final FakeMastodonBuilder options;
    private final Timeline timeline = new Timeline();
    private final List<Subscriber> clients = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger streamsOpened = new AtomicInteger();
    private final AtomicReference<Failure> refuseStreams = new AtomicReference<>();
    private final AtomicReference<Failure> respondNext = new AtomicReference<>();
    private final AtomicInteger respondNextCount = new AtomicInteger();
    private final AtomicReference<Failure> timelineFailure = new AtomicReference<>();
    private final AtomicInteger timelineFailureCount = new AtomicInteger();
    private final Map<Session, SocketClient> sockets = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private final Javalin app;

    FakeMastodonServer(FakeMastodonBuilder options) {
        this.options = options;
        options.timeline.forEach(json -> timeline.put(FakeStatus.parse(json)));
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
            config.routes.get("/api/v2/instance", this::instance);
            config.routes.wsBeforeUpgrade(SOCKET_PATH, ctx -> {
                if (refused(ctx, refuseStreams.get(), true)) {
                    ctx.skipRemainingHandlers();
                }
            });
            config.routes.ws(SOCKET_PATH, ws -> {
                ws.onConnect(this::socketConnected);
                ws.onMessage(ctx -> socketOf(ctx.session).ifPresent(client -> client.received(ctx.message())));
                // the sender may be waiting for its next heartbeat: tell it the client went away
                ws.onClose(ctx -> socketOf(ctx.session).ifPresent(Subscriber::close));
                ws.onError(ctx -> socketOf(ctx.session).ifPresent(Subscriber::close));
            });
        });
        app.start("127.0.0.1", 0);
    }

    public static FakeMastodonBuilder builder() {
        return new FakeMastodonBuilder();
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
        clients.forEach(client -> client.event("update", status.json(), Optional.of(status)));
    }

    /** Replaces a status on the timelines and sends it as {@code status.update}. */
    public void edit(String statusJson) {
        FakeStatus status = FakeStatus.parse(statusJson);
        timeline.put(status);
        clients.forEach(client -> client.event("status.update", status.json(), Optional.of(status)));
    }

    /** Removes a status from the timelines and sends {@code delete} with its id to every open stream. */
    public void delete(String statusId) {
        timeline.remove(statusId);
        clients.forEach(client -> client.event("delete", statusId, Optional.empty()));
    }

    /** Sends an event with any name and data to every open stream: garbage, unknown events, huge payloads. */
    public void sendEvent(String name, String data) {
        clients.forEach(client -> client.event(name, data, Optional.empty()));
    }

    /**
     * Writes {@code text} as it is to every open stream (comments, half an event, bytes that are no SSE); a
     * WebSocket gets it as one text frame (garbage that is no streaming message).
     */
    public void sendRaw(String text) {
        clients.forEach(client -> client.raw(text));
    }

    /** Cuts every open stream without ending its response: the client sees the connection fail mid-stream. */
    public void dropStreams() {
        clients.forEach(Subscriber::drop);
    }

    /** Ends every open stream normally: the client sees the server close the stream. */
    public void closeStreams() {
        clients.forEach(Subscriber::close);
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

    private void stream(Context ctx, Feed feed) {
        if (refused(ctx, refuseStreams.get(), true)) {
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

    /** One WebSocket: follows the stream its query names, if any, and is sent to like an SSE stream. */
    private void socketConnected(WsConnectContext ctx) {
        SocketClient client = new SocketClient(ctx.session);
        Optional.ofNullable(ctx.queryParam("stream"))
                .ifPresent(stream -> client.subscribe(stream, Optional.ofNullable(ctx.queryParam("tag"))));
        sockets.put(ctx.session, client);
        clients.add(client);
        streamsOpened.incrementAndGet();
        Thread.ofVirtual().name("fake-mastodon-socket").start(() -> {
            try {
                client.serve(options.heartbeat, options.dropAfter, () -> running);
            } finally {
                clients.remove(client);
                sockets.remove(ctx.session);
            }
        });
    }

    private Optional<SocketClient> socketOf(Session session) {
        return Optional.ofNullable(sockets.get(session));
    }

    /**
     * {@code /api/v2/instance}, public as on Mastodon: where the streaming server is
     * ({@code configuration.urls.streaming}, this server's own {@code ws://} address unless the builder said
     * otherwise).
     */
    private void instance(Context ctx) {
        if (refused(ctx, null, false)) {
            return;
        }
        Optional<URI> streaming = options.advertiseStreaming
                ? Optional.of(options.streaming.orElse(URI.create("ws://127.0.0.1:" + app.port())))
                : Optional.empty();
        ctx.contentType("application/json").result(options.instanceDocument(uri(), streaming));
    }

    private void page(Context ctx, Feed feed) {
        Failure failure =
                timelineFailureCount.getAndUpdate(count -> Math.max(0, count - 1)) > 0 ? timelineFailure.get() : null;
        if (refused(ctx, failure, true)) {
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

    /**
     * Records the request, checks its token (the header, or {@code access_token} as Mastodon also takes) when
     * {@code needsToken}, and injected failures; true when it has been answered.
     */
    private boolean refused(Context ctx, Failure injected, boolean needsToken) {
        Optional<String> authorization = Optional.ofNullable(ctx.header("Authorization"))
                .or(() -> Optional.ofNullable(ctx.queryParam("access_token")).map(token -> "Bearer " + token));
        requests.add(new Request(ctx.path(), ctx.queryParamMap(), authorization));
        if (needsToken
                && options.token.isPresent()
                && !authorization.equals(options.token.map(token -> "Bearer " + token))) {
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

        /** An SSE stream or a WebSocket. */
        public boolean isStream() {
            return path.startsWith(SOCKET_PATH);
        }

        public boolean isWebSocket() {
            return path.equals(SOCKET_PATH);
        }
    }

    private record Failure(int status) {}
}
