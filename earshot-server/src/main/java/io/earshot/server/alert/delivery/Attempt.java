package io.earshot.server.alert.delivery;

import java.time.Duration;
import java.util.Optional;

/** What one try of a delivery came to. */
sealed interface Attempt {

    /** The receiver took it (2xx, or the SMTP server accepted the message). */
    record Delivered() implements Attempt {}

    /** Worth another try (timeouts, 408, 429, 5xx, refused connections), after {@code retryAfter} if said. */
    record TryAgain(String error, Optional<Duration> retryAfter) implements Attempt {}

    /** Never going to work as it is (another 4xx, a refused address): straight to the dead letters. */
    record Refused(String error) implements Attempt {}
}
