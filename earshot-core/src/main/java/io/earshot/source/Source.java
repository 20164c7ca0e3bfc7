package io.earshot.source;

/**
 * A connector that brings posts in: a transport (bytes with a cursor) plus an {@link EventMapper}.
 *
 * <p>Lifecycle is cooperative: {@link #run} loops until {@link #stop} is called or the thread is
 * interrupted, reconnecting with backoff on failure; it reads its starting cursor from the
 * {@link CursorStore} it was built with and never commits cursors itself (the pipeline does, after
 * durable writes).
 */
public interface Source {

    /** A stable id, used for its cursor and status (e.g. {@code bluesky}). */
    String id();

    /** Runs until stopped; delivers batches to {@code sink}, which may block (backpressure). */
    void run(EventSink sink) throws InterruptedException;

    /** Asks {@link #run} to return soon; safe to call from any thread, more than once. */
    void stop();

    SourceStatus status();
}
