package io.earshot.source.mastodon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads Server-Sent Events from a byte stream, as the WHATWG {@code text/event-stream} format defines them:
 * lines end in LF, CRLF or CR; {@code event:} names the event, {@code data:} lines are joined with newlines,
 * lines starting with {@code :} are comments (Mastodon's heartbeats, {@code :thump}), a blank line ends an
 * event, and an event without data is no event. Invalid UTF-8 is replaced, as the format says, not fatal.
 *
 * <p>An event whose data grows past {@code maxEventBytes} is dropped as it arrives and reported as
 * {@link Item.Oversized}, so a hostile server cannot make us buffer without bound. Every read that brings
 * bytes, heartbeats included, moves {@link #lastHeardNanos()}: that is what liveness watches. One thread
 * reads; any thread may ask when we last heard from the server.
 */
final class SseReader {

    /** What a stream yields. */
    sealed interface Item {
        /** One event; {@code name} is {@code message} when the server named none. */
        record Event(String name, String data) implements Item {}

        /** An event dropped for its size. */
        record Oversized(long bytes) implements Item {}
    }

    private static final int SHRINK_ABOVE = 64 * 1024;

    private final InputStream in;
    private final int maxEventBytes;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private volatile long lastHeardNanos = System.nanoTime();

    private byte[] line = new byte[1024];
    private int lineLength;
    private boolean lineTooLong;
    private boolean afterCarriageReturn;
    private boolean firstLine = true;

    private String eventName = "";
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private long eventBytes;
    private boolean oversized;

    SseReader(InputStream in, int maxEventBytes) {
        this.in = in;
        this.maxEventBytes = maxEventBytes;
        this.maxLineBytes = maxEventBytes + 16; // room for the field name
    }

    long lastHeardNanos() {
        return lastHeardNanos;
    }

    /** The next event, or empty when the stream ended (an event cut off by the end is dropped). */
    Optional<Item> next() throws IOException {
        while (readLine()) {
            if (lineLength == 0 && !lineTooLong) {
                Optional<Item> dispatched = dispatch();
                if (dispatched.isPresent()) {
                    return dispatched;
                }
            } else {
                field();
            }
        }
        return Optional.empty();
    }

    private Optional<Item> dispatch() {
        try {
            if (oversized) {
                return Optional.of(new Item.Oversized(eventBytes));
            }
            if (!hasData) {
                return Optional.empty();
            }
            data.setLength(data.length() - 1); // the newline after the last data line
            return Optional.of(new Item.Event(eventName.isEmpty() ? "message" : eventName, data.toString()));
        } finally {
            eventName = "";
            data.setLength(0);
            if (data.capacity() > SHRINK_ABOVE) {
                data.trimToSize();
            }
            hasData = false;
            eventBytes = 0;
            oversized = false;
        }
    }

    private void field() {
        eventBytes += lineLength + 1L;
        if (lineTooLong || eventBytes > maxEventBytes) {
            oversized = true;
            data.setLength(0);
        }
        if (oversized) {
            return;
        }
        String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
        if (firstLine && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        firstLine = false;
        if (text.startsWith(":")) {
            return; // a comment: a heartbeat, already counted as heard
        }
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (name) {
            case "event" -> eventName = value;
            case "data" -> {
                data.append(value).append('\n');
                hasData = true;
            }
            default -> {} // id and retry mean nothing to us: Mastodon resumes nothing
        }
    }

    /** Reads one line into {@link #line}; false at the end of the stream. */
    private boolean readLine() throws IOException {
        lineLength = 0;
        lineTooLong = false;
        if (line.length > SHRINK_ABOVE) {
            line = new byte[1024]; // one large event should not pin its buffer for the connection's life
        }
        while (true) {
            if (position == limit && !fill()) {
                return false;
            }
            byte b = buffer[position++];
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (b == '\n') {
                    continue; // the LF of a CRLF
                }
            }
            if (b == '\n') {
                return true;
            }
            if (b == '\r') {
                afterCarriageReturn = true;
                return true;
            }
            append(b);
        }
    }

    private void append(byte b) {
        if (lineLength >= maxLineBytes) {
            lineTooLong = true;
            return;
        }
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
        }
        line[lineLength++] = b;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        lastHeardNanos = System.nanoTime();
        return true;
    }
}
