package io.earshot.source.mastodon;

/** What a connection's reader hands the source's run loop, in arrival order. */
sealed interface Signal {

    /** One complete SSE event. */
    record Event(String name, String data) implements Signal {}

    /** An event that was dropped unread (too large), with why. */
    record Unreadable(String reason) implements Signal {}

    /** The stream ended: the server closed it, or the connection failed. */
    record Ended(String problem) implements Signal {}

    /** {@link MastodonStreamSource#stop()} was called: look at the stop flag now. */
    record Wakeup() implements Signal {}
}
