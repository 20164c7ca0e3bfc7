package io.earshot.testkit.mastodon;

import java.util.Optional;

/** One open streaming connection, SSE or WebSocket: what the server does to every stream goes through here. */
sealed interface Subscriber permits StreamClient, SocketClient {

    /**
     * Sends an event to the streams of this connection that show {@code about} (to all of them when empty: a
     * delete, or garbage), in the connection's own framing.
     */
    void event(String name, String data, Optional<FakeStatus> about);

    /** Sends text as it is: bytes on an SSE stream, one text frame on a WebSocket. */
    void raw(String text);

    /** Cuts the connection without a proper end, as a crash or a cut cable does. */
    void drop();

    /** Ends the connection properly. */
    void close();
}
