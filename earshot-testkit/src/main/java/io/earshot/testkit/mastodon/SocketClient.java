package io.earshot.testkit.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One WebSocket to {@code /api/v1/streaming}, as Mastodon's streaming server speaks it: the streams it follows
 * (from {@code ?stream=…&tag=…}, and {@code {"type":"subscribe",…}} messages), and the messages waiting to be
 * sent, {@code {"stream":["hashtag","x"],"event":"update","payload":"<JSON text>"}}. A sender thread writes
 * them in order, one at a time (Jetty allows no concurrent sends), and pings when quiet, as Mastodon does.
 */
final class SocketClient implements Subscriber {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    /** One stream this socket follows: its name as Mastodon writes it in messages, and what it shows. */
    private record Subscription(List<String> stream, Feed feed) {}

    private final Session session;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final BlockingQueue<StreamClient.Item> queue = new LinkedBlockingQueue<>();

    SocketClient(Session session) {
        this.session = session;
    }

    /**
     * Follows {@code stream} (with {@code tag} for hashtags); an unknown stream gets Mastodon's error message.
     */
    void subscribe(String stream, Optional<String> tag) {
        Optional<Subscription> subscription = subscription(stream, tag);
        if (subscription.isEmpty()) {
            ObjectNode error =
                    JSON.createObjectNode().put("error", "Unknown stream type").put("status", 400);
            queue.add(new StreamClient.Item.Text(error.toString(), false));
            return;
        }
        subscriptions.removeIf(existing -> existing.stream().equals(subscription.get().stream()));
        subscriptions.add(subscription.get());
    }

    /** Handles a message from the client: {@code subscribe} and {@code unsubscribe}; anything else is ignored. */
    void received(String message) {
        JsonNode command;
        try {
            command = JSON.readTree(message);
        } catch (Exception e) {
            return;
        }
        String stream = command.path("stream").asText("");
        Optional<String> tag = Optional.of(command.path("tag").asText("")).filter(value -> !value.isBlank());
        switch (command.path("type").asText("")) {
            case "subscribe" -> subscribe(stream, tag);
            case "unsubscribe" ->
                subscription(stream, tag)
                        .ifPresent(gone -> subscriptions.removeIf(
                                existing -> existing.stream().equals(gone.stream())));
            default -> {}
        }
    }

    @Override
    public void event(String name, String data, Optional<FakeStatus> about) {
        for (Subscription subscription : subscriptions) {
            if (about.isEmpty() || subscription.feed().wants().test(about.get())) {
                ObjectNode message = JSON.createObjectNode();
                ArrayNode stream = message.putArray("stream");
                subscription.stream().forEach(stream::add);
                message.put("event", name).put("payload", data);
                queue.add(new StreamClient.Item.Text(message.toString(), true));
            }
        }
    }

    @Override
    public void raw(String text) {
        queue.add(new StreamClient.Item.Text(text, false));
    }

    @Override
    public void drop() {
        queue.add(new StreamClient.Item.Drop());
    }

    @Override
    public void close() {
        queue.add(new StreamClient.Item.Close());
    }

    /**
     * Sends what is queued until told to stop, the server closes or the client goes away; pings fill the quiet
     * (none when {@code heartbeat} is zero). Runs on its own thread.
     */
    void serve(Duration heartbeat, int dropAfter, BooleanSupplier running) {
        try {
            int events = 0;
            long heartbeatMillis = heartbeat.toMillis();
            while (running.getAsBoolean() && session.isOpen()) {
                StreamClient.Item item = queue.poll(heartbeatMillis > 0 ? heartbeatMillis : 50, TimeUnit.MILLISECONDS);
                switch (item) {
                    case null -> {
                        if (heartbeatMillis > 0) {
                            await(callback -> session.sendPing(ByteBuffer.allocate(0), callback));
                        }
                    }
                    case StreamClient.Item.Text text -> {
                        await(callback -> session.sendText(text.text(), callback));
                        if (text.countsAsEvent() && ++events == dropAfter) {
                            session.disconnect();
                            return;
                        }
                    }
                    case StreamClient.Item.Drop drop -> {
                        session.disconnect(); // abrupt, no close frame
                        return;
                    }
                    case StreamClient.Item.Close close -> {
                        session.close(1000, "closed by the test", Callback.NOOP);
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the client went away or stopped reading for SEND_TIMEOUT
        } finally {
            if (!running.getAsBoolean() && session.isOpen()) {
                session.close(1001, "server stopping", Callback.NOOP);
            }
        }
    }

    /** The streams Mastodon knows, named as its messages name them. */
    private static Optional<Subscription> subscription(String stream, Optional<String> tag) {
        return switch (stream) {
            case "public" -> Optional.of(new Subscription(List.of("public"), Feed.everything("public")));
            case "public:local" -> Optional.of(new Subscription(List.of("public:local"), Feed.local("public:local")));
            case "user" -> Optional.of(new Subscription(List.of("user"), Feed.everything("user")));
            case "hashtag", "hashtag:local" ->
                tag.map(value ->
                        new Subscription(List.of(stream, value), Feed.hashtag(value, stream.endsWith(":local"))));
            default -> Optional.empty();
        };
    }

    private static void await(Consumer<Callback> send) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        send.accept(Callback.from(() -> done.complete(null), done::completeExceptionally));
        done.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
