/**
 * The ingest pipeline: normalise → de-duplicate → match topics → store, in batches, with a bounded queue.
 *
 * <p>Sources hand {@link io.earshot.source.SourceBatch batches} to {@link io.earshot.ingest.IngestPipeline#sink()};
 * when storage is slower than the network the queue fills and the sources wait (backpressure). One
 * thread applies each batch with {@link io.earshot.ingest.BatchProcessor}, makes it searchable, commits
 * it durably and only then commits the sources' cursors: a crash loses nothing (the source resumes from
 * its cursor) and a replay doubles nothing (every write is idempotent on {@code network:native-id};
 * engagement counters are recomputed from the {@link io.earshot.ingest.InteractionLedger}).
 *
 * <p>Deletes are honoured: a deleted post is removed from the archive and its key is kept as a tombstone
 * ({@link io.earshot.ingest.TombstoneStore}, no content), so a late or replayed copy never brings it back.
 */
package io.earshot.ingest;
