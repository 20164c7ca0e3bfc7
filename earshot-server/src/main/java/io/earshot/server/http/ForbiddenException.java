package io.earshot.server.http;

/** The caller is known but their role may not do this (HTTP 403). */
public final class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
