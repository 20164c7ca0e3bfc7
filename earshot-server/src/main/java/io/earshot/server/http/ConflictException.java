package io.earshot.server.http;

/** The request clashes with what exists (e.g. an id in use); becomes {@code 409 {"error": ...}}. */
public final class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
