package io.earshot.source;

/**
 * Turns one message of a network's wire format into {@link SourceEvent}s. A mapper is a pure function:
 * no I/O, no state, safe to call from many threads. It never throws on bad input; it returns
 * {@link Mapping.Rejected} instead.
 */
@FunctionalInterface
public interface EventMapper {
    Mapping map(String message);
}
