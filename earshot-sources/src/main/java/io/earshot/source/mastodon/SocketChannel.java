package io.earshot.source.mastodon;

import io.earshot.source.socket.MessageJoiner;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WebSocket to Mastodon's streaming server. Its listener joins each message's fragments, reads the envelope
 * ({@link StreamMessages}) and puts one {@link Signal} per message on the connection's queue.
 *
 * <p>Flow control: the JDK client calls the listener only for messages asked for with {@link WebSocket#request}.
 * The first {@code window} are asked for when the socket opens, and one more each time the run loop takes one
 * ({@link #taken()}), so at most {@code window} messages wait in memory and a slow sink stops us reading the
 * socket, as the bounded queue does for SSE. The listener asks by itself only for what completes no message
 * (a fragment, a ping, a pong).
 *
 * <p>A message longer than {@code maxMessageChars} is dropped as it arrives and reported as unreadable, so a
 * hostile server cannot make us buffer without bound. Liveness: a socket carries no heartbeat messages, so when
 * the server has been quiet for a while the run loop pings it ({@link #probe()}); a pong, a ping of the server's
 * own or any message counts as heard.
 */
final class SocketChannel implements StreamChannel {

    /** The status the JDK reports when the connection ended without a close frame (RFC 6455, 7.4.1). */
    private static final int ABNORMAL_CLOSURE = 1006;

    private static final Duration CLOSE_GRACE = Duration.ofMillis(500);
    private static final ByteBuffer PING = ByteBuffer.wrap("earshot".getBytes(StandardCharsets.US_ASCII));

    private final URI endpoint;
    private final BlockingQueue<Signal> signals;
    private final Listener listener;
    private WebSocket socket;

    private SocketChannel(URI endpoint, BlockingQueue<Signal> signals, int window, int maxMessageChars) {
        this.endpoint = endpoint;
        this.signals = signals;
        this.listener = new Listener(window, maxMessageChars);
    }

    /** Opens a socket to {@code endpoint}; messages go to {@code signals}, at most {@code window} unread. */
    static SocketChannel open(
            InstanceHttp http, URI endpoint, BlockingQueue<Signal> signals, int window, int maxMessageChars)
            throws Problem.Raised, InterruptedException {
        SocketChannel channel = new SocketChannel(endpoint, signals, window, maxMessageChars);
        channel.socket = http.openWebSocket(endpoint, channel.listener);
        return channel;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public long lastHeardNanos() {
        return listener.lastHeardNanos;
    }

    @Override
    public void taken() {
        socket.request(1);
    }

    @Override
    public void probe() {
        try {
            socket.sendPing(PING.duplicate()).whenComplete((ignored, error) -> {
                if (error != null) {
                    signals.offer(new Signal.Ended("connection lost: " + Problems.describe(error)));
                }
            });
        } catch (RuntimeException e) {
            signals.offer(new Signal.Ended("connection lost: " + Problems.describe(e)));
        }
    }

    @Override
    public String silence() {
        return "not even an answer to a ping";
    }

    /** Says goodbye when the server is still there (it frees the subscription at once), then drops the socket. */
    @Override
    public void close() {
        if (!socket.isOutputClosed() && !socket.isInputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "earshot closing")
                        .get(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the server went away first; aborting below is all that is left to do
            }
        }
        socket.abort();
    }

    /** The JDK calls one method at a time, so the joiner needs no lock. */
    private final class Listener implements WebSocket.Listener {
        private final int window;
        private final MessageJoiner joiner;
        private volatile long lastHeardNanos = System.nanoTime();

        Listener(int window, int maxMessageChars) {
            this.window = window;
            this.joiner = new MessageJoiner(maxMessageChars);
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            lastHeardNanos = System.nanoTime();
            webSocket.request(window);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastHeardNanos = System.nanoTime();
            Optional<MessageJoiner.Joined> joined = joiner.add(data, last);
            if (joined.isEmpty()) {
                webSocket.request(1);
                return null;
            }
            signals.offer(
                    switch (joined.get()) {
                        case MessageJoiner.Joined.Message message -> StreamMessages.read(message.text());
                        case MessageJoiner.Joined.Oversized oversized ->
                            new Signal.Unreadable("message of " + oversized.chars()
                                    + "+ characters is over the limit of " + oversized.limit() + "; dropped");
                    });
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            lastHeardNanos = System.nanoTime();
            if (!last) {
                webSocket.request(1);
                return null;
            }
            signals.offer(new Signal.Unreadable("binary message (Mastodon streams text); dropped"));
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            lastHeardNanos = System.nanoTime();
            webSocket.request(1); // the JDK answers the ping itself; it used up one request
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastHeardNanos = System.nanoTime(); // the answer to our probe
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            signals.offer(new Signal.Ended(
                    statusCode == ABNORMAL_CLOSURE
                            ? "connection dropped (no close frame)"
                            : "the server closed the stream (" + statusCode
                                    + (reason.isBlank() ? "" : ": " + Json.clip(reason)) + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            signals.offer(new Signal.Ended("connection lost: " + Problems.describe(error)));
        }
    }
}
