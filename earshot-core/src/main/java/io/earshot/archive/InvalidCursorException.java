package io.earshot.archive;

/** A page cursor that Earshot did not produce, or that was damaged in transit. */
public final class InvalidCursorException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidCursorException(String cursor) {
        super("invalid page cursor '" + cursor + "': pass the 'next' value of the previous page unchanged");
    }
}
