package io.earshot.source.bluesky;

/** What a connection's listener hands the source's run loop, in arrival order. */
sealed interface Signal {

    /** One complete text message (fragments already joined). */
    record Text(String message) implements Signal {}

    /** A message that was dropped unread (too large, or binary), with why. */
    record Unreadable(String reason) implements Signal {}

    /** The server closed the connection. */
    record Closed(int statusCode, String reason) implements Signal {}

    /** The connection failed (reset, timed out, protocol error). */
    record Failed(Throwable error) implements Signal {}

    /** {@link JetstreamSource#stop()} was called: look at the stop flag now. */
    record Wakeup() implements Signal {}
}
