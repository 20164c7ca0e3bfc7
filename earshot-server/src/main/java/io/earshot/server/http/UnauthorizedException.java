package io.earshot.server.http;

/** A request without a valid API token; becomes {@code 401 {"error": ...}}. */
public final class UnauthorizedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message) {
        super(message);
    }
}
