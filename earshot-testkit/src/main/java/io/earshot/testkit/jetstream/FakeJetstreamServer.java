package io.earshot.testkit.jetstream;

import io.javalin.Javalin;
import io.javalin.websocket.WsConnectContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A Jetstream {@code /subscribe} endpoint on 127.0.0.1 (a random port) that replays a fixed list of JSON lines
 * to every connection, the way a real Jetstream replays from a cursor:
 *
 * <ul>
 *   <li>{@code cursor=N} sends only events with {@code time_us >= N};
 *   <li>{@code wantedCollections} (exact names or prefixes like {@code app.bsky.graph.*}) filters commits;
 *       identity and account events always pass, as on the real service;
 *   <li>{@code wantedDids} filters every event by its {@code did}.
 * </ul>
 *
 * Lines that are not Jetstream events (garbage, truncated JSON) are sent as they are, whatever the filters,
 * which is how a test feeds a client hostile text frames; {@link Builder#binaryFrameEvery} adds binary ones. Each connection's sender stops after the last line; the
 * connection then stays open and quiet, like a live stream with nothing new, unless {@link Builder#closeWhenDone()}.
 *
 * <pre>{@code
 * try (FakeJetstreamServer server = FakeJetstreamServer.replaying(lines).dropAfter(40).start()) {
 *     URI endpoint = server.uri(); // ws://127.0.0.1:port/subscribe
 *     ...
 *     assertThat(server.subscriptions().get(1).cursor()).hasValue(expected);
 * }
 * }</pre>
 */
public final class FakeJetstreamServer implements AutoCloseable {

    /** How long one frame may take to send before the server gives up on the connection. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final List<ReplayLine> lines;
    private final Builder options;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicInteger messagesSent = new AtomicInteger();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final Javalin app;

    private FakeJetstreamServer(Builder options) {
        this.options = options;
        this.lines = options.lines.stream().map(ReplayLine::parse).toList();
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.ws("/subscribe", ws -> ws.onConnect(this::connected));
        });
        app.start("127.0.0.1", 0);
    }

    /** A builder for a server that replays {@code lines} (one Jetstream event per line). */
    public static Builder replaying(List<String> lines) {
        return new Builder(lines);
    }

    /** A builder for a server that replays the non-blank lines of a JSON-lines file, e.g. a fixture. */
    public static Builder replaying(Path jsonLines) {
        try {
            return new Builder(Files.readAllLines(jsonLines, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jsonLines, e);
        }
    }

    /** {@code ws://127.0.0.1:<port>/subscribe}. */
    public URI uri() {
        return URI.create("ws://127.0.0.1:" + app.port() + "/subscribe");
    }

    /** Every connection so far, oldest first, with the query parameters it subscribed with. */
    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** Frames sent so far over all connections (a fragmented message counts once). */
    public int messagesSent() {
        return messagesSent.get();
    }

    /** Waits until at least {@code count} connections were made; false when {@code timeout} ran out first. */
    public boolean awaitSubscriptions(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (subscriptions.size() < count) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Stops the server: every connection is closed and every sender ends. */
    @Override
    public void close() {
        senders.shutdownNow();
        app.stop();
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void connected(WsConnectContext ctx) {
        Subscription subscription = new Subscription(ctx.queryParamMap());
        subscriptions.add(subscription);
        List<String> toSend = new ArrayList<>();
        for (ReplayLine line : lines) {
            if (line.wantedBy(subscription)) {
                toSend.add(line.text());
            }
        }
        Session session = ctx.session;
        senders.execute(() -> replay(session, toSend));
    }

    private void replay(Session session, List<String> toSend) {
        int sentHere = 0;
        for (String line : toSend) {
            if (!session.isOpen() || Thread.currentThread().isInterrupted()) {
                return;
            }
            if (options.dropAfter > 0 && sentHere == options.dropAfter) {
                session.disconnect(); // abrupt, no close frame: what a crashed server or a cut cable looks like
                return;
            }
            if (!send(session, line)) {
                return;
            }
            sentHere++;
            messagesSent.incrementAndGet();
            if (options.binaryEvery > 0 && sentHere % options.binaryEvery == 0 && !sendBinary(session)) {
                return;
            }
        }
        if (options.closeWhenDone && session.isOpen()) {
            session.close(1000, "replay done", Callback.NOOP);
        }
    }

    private static boolean sendBinary(Session session) {
        try {
            // what compress=true traffic looks like to a client that did not ask for it
            byte[] garbage = {(byte) 0x28, (byte) 0xB5, (byte) 0x2F, (byte) 0xFD, 0, 1, 2, 3};
            await(callback -> session.sendBinary(ByteBuffer.wrap(garbage), callback));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private boolean send(Session session, String line) {
        try {
            if (options.fragmentChars <= 0 || line.length() <= options.fragmentChars) {
                await(callback -> session.sendText(line, callback));
                return true;
            }
            int from = 0;
            while (from < line.length()) {
                int to = Math.min(line.length(), from + options.fragmentChars);
                // never split a surrogate pair across frames: each fragment must be valid UTF-8 on its own
                if (to < line.length() && Character.isHighSurrogate(line.charAt(to - 1))) {
                    to++;
                }
                boolean last = to == line.length();
                String fragment = line.substring(from, to);
                await(callback -> session.sendPartialText(fragment, last, callback));
                from = to;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            // the client went away or stopped reading for SEND_TIMEOUT; this connection is done
            return false;
        }
    }

    private static void await(Consumer<Callback> send) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        send.accept(Callback.from(() -> done.complete(null), done::completeExceptionally));
        done.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The query parameters one connection subscribed with. */
    public record Subscription(Map<String, List<String>> parameters) {

        public Subscription {
            parameters = Map.copyOf(parameters);
        }

        /** The {@code cursor} parameter, when sent and numeric. */
        public OptionalLong cursor() {
            List<String> values = parameters.getOrDefault("cursor", List.of());
            if (values.isEmpty()) {
                return OptionalLong.empty();
            }
            try {
                return OptionalLong.of(Long.parseLong(values.getFirst()));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }

        public List<String> wantedCollections() {
            return List.copyOf(parameters.getOrDefault("wantedCollections", List.of()));
        }

        public List<String> wantedDids() {
            return List.copyOf(parameters.getOrDefault("wantedDids", List.of()));
        }
    }

    /** What the server does besides replaying; start it with {@link #start()}. */
    public static final class Builder {
        private final List<String> lines;
        private int dropAfter;
        private int fragmentChars;
        private boolean closeWhenDone;
        private int binaryEvery;

        private Builder(List<String> lines) {
            this.lines = List.copyOf(lines);
        }

        /**
         * Drops every connection abruptly (no close frame) after it was sent {@code messages} messages, as long
         * as more remain: a client that resumes from its cursor gets the rest over several connections.
         */
        public Builder dropAfter(int messages) {
            if (messages < 1) {
                throw new IllegalArgumentException("dropAfter needs at least 1 message, got " + messages);
            }
            this.dropAfter = messages;
            return this;
        }

        /** Sends each message longer than {@code chars} as several text frames (WebSocket fragmentation). */
        public Builder fragmentInto(int chars) {
            if (chars < 1) {
                throw new IllegalArgumentException("fragments need at least 1 character, got " + chars);
            }
            this.fragmentChars = chars;
            return this;
        }

        /** Sends a binary frame of garbage (zstd-looking bytes) after every {@code messages} messages. */
        public Builder binaryFrameEvery(int messages) {
            if (messages < 1) {
                throw new IllegalArgumentException("binaryFrameEvery needs at least 1 message, got " + messages);
            }
            this.binaryEvery = messages;
            return this;
        }

        /** Closes each connection normally (1000) once everything was sent, instead of staying open. */
        public Builder closeWhenDone() {
            this.closeWhenDone = true;
            return this;
        }

        public FakeJetstreamServer start() {
            return new FakeJetstreamServer(this);
        }
    }
}
