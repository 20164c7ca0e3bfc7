package io.earshot.source.feed;

/**
 * A document that is not a feed we can read: an HTML page, broken XML, an XML bomb, JSON. The message is the
 * reason as a person reads it in {@code earshot feed check} and in the source's status, e.g.
 * {@code not a feed: got an HTML page}.
 */
final class UnreadableFeedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnreadableFeedException(String reason) {
        super(reason, null, false, false);
    }
}
