package io.earshot.source.bluesky;

import io.earshot.source.socket.MessageJoiner;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives one connection's frames and hands whole messages to the run loop through {@code signals}.
 *
 * <p>Flow control: the JDK WebSocket calls a receive method only when asked with {@link WebSocket#request}.
 * This listener asks for the first {@code window} messages when the connection opens; after that the run
 * loop asks for more only when the sink has taken what it holds, so at most {@code window} messages are in
 * memory and a slow sink stops us reading from the socket. The listener itself asks again only for what
 * does not complete a message (a fragment, a ping), which the window does not count.
 *
 * <p>Fragments are joined up to {@code maxMessageChars}; a longer message is dropped as it arrives and
 * reported as {@link Signal.Unreadable}, so a hostile server cannot make us buffer without bound. The JDK
 * invokes a listener's methods one at a time, so the builder needs no lock.
 */
final class JetstreamListener implements WebSocket.Listener {

    private final BlockingQueue<Signal> signals;
    private final AtomicLong received;
    private final int window;
    private final MessageJoiner joiner;
    private volatile long lastHeardNanos = System.nanoTime();

    JetstreamListener(BlockingQueue<Signal> signals, AtomicLong received, int window, int maxMessageChars) {
        this.signals = signals;
        this.received = received;
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
        received.incrementAndGet();
        signals.add(
                switch (joined.get()) {
                    case MessageJoiner.Joined.Message message -> new Signal.Text(message.text());
                    case MessageJoiner.Joined.Oversized oversized ->
                        new Signal.Unreadable("message of " + oversized.chars() + "+ characters is over the limit of "
                                + oversized.limit() + "; dropped");
                });
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        lastHeardNanos = System.nanoTime();
        // we never ask for compress=true, so a binary frame is not a Jetstream event we can read
        if (!last) {
            webSocket.request(1);
            return null;
        }
        received.incrementAndGet();
        signals.add(new Signal.Unreadable(
                "binary message (Jetstream sends text unless compression is asked for); dropped"));
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        lastHeardNanos = System.nanoTime();
        // the JDK answers the ping itself; a ping uses up one request, so ask for its replacement
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        lastHeardNanos = System.nanoTime(); // the answer to our liveness ping
        webSocket.request(1);
        return null;
    }

    /** When the server last sent anything (a frame, a ping, a pong), in {@link System#nanoTime()}. */
    long lastHeardNanos() {
        return lastHeardNanos;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        signals.add(new Signal.Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        signals.add(new Signal.Failed(error));
    }
}
