package io.earshot.source.bluesky;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns connection failures into the short reason a person reads in a log line or the status. */
final class Problems {

    private Problems() {}

    static String describe(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return switch (cause) {
            case WebSocketHandshakeException handshake ->
                "the server refused the WebSocket upgrade with HTTP "
                        + handshake.getResponse().statusCode();
            case HttpConnectTimeoutException timeout -> "connect timed out";
            case HttpTimeoutException timeout -> "timed out";
            case ConnectException refused -> refused.getMessage() == null ? "connection refused" : refused.getMessage();
            case UnknownHostException unknown -> "unknown host " + unknown.getMessage();
            case UnresolvedAddressException unresolved -> "unknown host";
            default -> {
                String message = cause.getMessage();
                // the JDK reports a cut connection as IOException("closed"), or, racing with its own close
                // handling, as a bare InternalError: keep the type for context
                yield message == null || message.isBlank()
                        ? "connection dropped (" + cause.getClass().getSimpleName() + ")"
                        : message + " (" + cause.getClass().getSimpleName() + ")";
            }
        };
    }
}
