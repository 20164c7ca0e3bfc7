package io.earshot.source.socket;

import java.util.Optional;

/**
 * Joins the text fragments of WebSocket messages, one message at a time, up to {@code maxChars}: a longer
 * message is dropped as it arrives (what came so far is let go at once) and reported by its size, so memory
 * stays bounded whatever the server sends. Not thread-safe; the JDK calls a listener's methods one at a time.
 */
public final class MessageJoiner {

    /** What a last fragment completes. */
    public sealed interface Joined {
        /** A whole message. */
        record Message(String text) implements Joined {}

        /** A message dropped for its size: at least {@code chars} characters, over {@code limit}. */
        record Oversized(long chars, int limit) implements Joined {}
    }

    /** A buffer grown past this by one large message is let go, not kept for the connection's life. */
    private static final int SHRINK_ABOVE = 64 * 1024;

    private final int maxChars;
    private final StringBuilder assembling = new StringBuilder();
    private boolean discarding;
    private long discardedChars;

    public MessageJoiner(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive, got " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /** Adds a fragment; when it is the {@code last} one, returns the message it completes, else empty. */
    public Optional<Joined> add(CharSequence fragment, boolean last) {
        if (!discarding && assembling.length() + fragment.length() > maxChars) {
            discarding = true;
            discardedChars = assembling.length();
            assembling.setLength(0);
            assembling.trimToSize();
        }
        if (discarding) {
            discardedChars += fragment.length();
        } else {
            assembling.append(fragment);
        }
        if (!last) {
            return Optional.empty();
        }
        Joined joined =
                discarding ? new Joined.Oversized(discardedChars, maxChars) : new Joined.Message(assembling.toString());
        discarding = false;
        assembling.setLength(0);
        if (assembling.capacity() > SHRINK_ABOVE) {
            assembling.trimToSize();
        }
        return Optional.of(joined);
    }
}
