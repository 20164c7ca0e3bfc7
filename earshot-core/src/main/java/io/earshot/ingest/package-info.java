/**
 * The ingest pipeline: normalise → de-duplicate → match topics → store, in batches, with a bounded queue.
 *
 * <p>Sources hand {@link io.earshot.source.SourceBatch batches} to {@link io.earshot.ingest.IngestPipeline#sink()};
 * when storage is slower than the network the queue fills and the sources wait (backpressure). One
 * thread applies each batch with {@link io.earshot.ingest.BatchProcessor}; a second one (the committer)
 * makes the writes searchable every second, commits them durably and only then commits the sources'
 * cursors, while the first goes on writing: a crash loses nothing (the source resumes from its cursor)
 * and a replay doubles nothing (every write is idempotent on {@code network:native-id}; engagement
 * counters are recomputed from the {@link io.earshot.ingest.InteractionLedger}).
 *
 * <p>What a batch needs from the state database (authors' handles, engagement already counted) is read
 * with one query per batch, not one per post: at 10,000 posts/s those lookups, and waiting for the
 * database behind the inbox, took a fifth of the ingest thread.
 *
 * <p>Deletes are honoured: a deleted post is removed from the archive and its key is kept as a tombstone
 * ({@link io.earshot.ingest.TombstoneStore}, no content), so a late or replayed copy never brings it back.
 */
package io.earshot.ingest;
