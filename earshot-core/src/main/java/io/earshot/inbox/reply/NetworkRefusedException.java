package io.earshot.inbox.reply;

/** The network said no (bad credentials, a text too long, a deleted post): retrying the same request won't help. */
public final class NetworkRefusedException extends RuntimeException {
    public NetworkRefusedException(String message) {
        super(message);
    }
}
