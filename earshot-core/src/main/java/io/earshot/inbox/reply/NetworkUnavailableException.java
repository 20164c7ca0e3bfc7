package io.earshot.inbox.reply;

/** The network could not be reached, or kept failing or rate-limiting past the retries: try again later. */
public final class NetworkUnavailableException extends RuntimeException {
    public NetworkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public NetworkUnavailableException(String message) {
        super(message);
    }
}
