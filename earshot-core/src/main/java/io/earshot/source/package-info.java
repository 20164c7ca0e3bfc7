/**
 * The source SPI. A {@link io.earshot.source.Source} is a transport (bytes in, with a cursor) plus an
 * {@link io.earshot.source.EventMapper} (bytes to {@link io.earshot.source.SourceEvent events}). Sources
 * deliver {@link io.earshot.source.SourceBatch batches} to an {@link io.earshot.source.EventSink}, which
 * blocks when the pipeline is full, and report their health as a {@link io.earshot.source.SourceStatus}.
 * A source reads its starting cursor from the {@link io.earshot.source.CursorStore}; only the pipeline
 * commits cursors, after the events they cover are durably stored.
 */
package io.earshot.source;
