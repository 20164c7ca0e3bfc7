package io.earshot.source.mastodon;

import java.time.Duration;

/** Why a connection ended, and so what the source does next. */
sealed interface Problem {

    /** What a person reads in the log and the status. */
    String message();

    /** A network failure, a server error, a dropped or silent stream: retry after a backoff. */
    record Transient(String message) implements Problem {}

    /** HTTP 429: retry, but not before the instance said. */
    record RateLimited(String message, Duration retryAfter) implements Problem {}

    /** HTTP 401 or 403, or a redirect we cannot follow with the token: only a person can fix it. */
    record Refused(String message) implements Problem {}

    /** {@link MastodonStreamSource#stop()} was called. */
    record Stopped() implements Problem {
        @Override
        public String message() {
            return "stopped";
        }
    }

    /** Thrown by the HTTP helpers to end a connection with a {@link Problem}. */
    final class Raised extends Exception {
        private final transient Problem problem;

        Raised(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }
}
