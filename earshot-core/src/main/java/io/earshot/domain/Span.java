package io.earshot.domain;

/** A highlighted stretch of a post's text: Java {@code char} offsets, {@code start} inclusive, {@code end} exclusive. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a span needs 0 <= start <= end, got [" + start + ", " + end + ")");
        }
    }
}
