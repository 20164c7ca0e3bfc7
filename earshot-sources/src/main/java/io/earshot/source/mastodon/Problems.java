package io.earshot.source.mastodon;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
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
            case HttpConnectTimeoutException timeout -> "connect timed out";
            case HttpTimeoutException timeout -> "timed out";
            case ConnectException refused -> refused.getMessage() == null ? "connection refused" : refused.getMessage();
            case UnknownHostException unknown -> "unknown host " + unknown.getMessage();
            case UnresolvedAddressException unresolved -> "unknown host";
            case EOFException eof -> "connection closed mid-response";
            default -> {
                String message = cause.getMessage();
                yield message == null || message.isBlank()
                        ? "connection dropped (" + cause.getClass().getSimpleName() + ")"
                        : message + " (" + cause.getClass().getSimpleName() + ")";
            }
        };
    }
}
