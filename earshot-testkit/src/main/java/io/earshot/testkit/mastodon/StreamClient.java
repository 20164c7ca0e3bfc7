package io.earshot.testkit.mastodon;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** One open streaming connection: what it follows, and what is waiting to be written to it. */
final class StreamClient {

    /** Something to do on the connection, in order. */
    sealed interface Item {
        /** Bytes to write as they are: an event, a comment, garbage. */
        record Text(String text, boolean countsAsEvent) implements Item {}

        /** Cut the connection without ending the response, as a crash or a cut cable does. */
        record Drop() implements Item {}

        /** End the response normally. */
        record Close() implements Item {}
    }

    final Feed feed;
    final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();

    StreamClient(Feed feed) {
        this.feed = feed;
    }
}
