package io.earshot.server.http;

/** No such resource; becomes {@code 404 {"error": ...}}. */
public final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
