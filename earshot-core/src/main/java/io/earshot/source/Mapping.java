package io.earshot.source;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link EventMapper} made of one message from the wire. Every message has exactly one outcome,
 * so nothing is lost silently: it became events, it was skipped on purpose (an unknown collection, a
 * kind we do not use), or it was rejected as malformed, with a message a person can act on.
 */
public sealed interface Mapping {

    /** The message's position in its stream (a Jetstream {@code time_us}), when it has one. */
    Optional<String> position();

    record Events(List<SourceEvent> events, Optional<String> position) implements Mapping {
        public Events {
            events = List.copyOf(events);
            Objects.requireNonNull(position, "position");
        }
    }

    /** Understood but not used; {@code reason} is a short, stable label fit for counting (e.g. {@code collection:app.bsky.actor.profile}). */
    record Skipped(String reason, Optional<String> position) implements Mapping {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(position, "position");
        }
    }

    /** Malformed input; {@code error} says what is wrong. */
    record Rejected(String error) implements Mapping {
        public Rejected {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public Optional<String> position() {
            return Optional.empty();
        }
    }
}
