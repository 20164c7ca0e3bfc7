package io.earshot.server.http;

import java.util.OptionalInt;

/** A request the API cannot serve as sent; becomes {@code 400 {"error": ..., "position": n}}. */
public class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient OptionalInt position;

    public BadRequestException(String message) {
        this(message, OptionalInt.empty());
    }

    public BadRequestException(String message, OptionalInt position) {
        super(message);
        this.position = position;
    }

    public OptionalInt position() {
        return position;
    }
}
