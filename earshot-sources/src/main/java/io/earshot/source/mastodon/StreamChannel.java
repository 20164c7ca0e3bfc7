package io.earshot.source.mastodon;

import java.net.URI;

/**
 * An open stream, SSE or WebSocket, whose reader puts {@link Signal}s on the connection's queue. The connection's
 * run loop does the rest the same way for both: mapping, batching, back-fill, liveness.
 */
sealed interface StreamChannel extends AutoCloseable permits SseChannel, SocketChannel {

    /** Where it reads from, as the status shows it: the scheme says the transport. */
    URI endpoint();

    /** When the server last sent anything, heartbeats and pings included, in {@link System#nanoTime()}. */
    long lastHeardNanos();

    /** The run loop took one message off the queue: the channel may read one more. */
    void taken();

    /** Nothing heard for a while: ask the server for a sign of life where the transport can (a ping). */
    void probe();

    /** What a silent connection did not even send, for the message that gives it up. */
    String silence();

    /** Ends the connection; safe to call twice. */
    @Override
    void close();
}
