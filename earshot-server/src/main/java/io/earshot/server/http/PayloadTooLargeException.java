package io.earshot.server.http;

/** A request body over the configured limit; becomes {@code 413 {"error": ...}}. */
public final class PayloadTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
