package io.earshot.source.mastodon;

/**
 * Thrown inside the mapper when a message is malformed, and turned into a
 * {@link io.earshot.source.Mapping.Rejected} at its edge: it never escapes the package.
 */
final class MalformedStatusException extends RuntimeException {

    MalformedStatusException(String message) {
        // no stack trace: hostile input can make this common, and the message says everything
        super(message, null, false, false);
    }
}
