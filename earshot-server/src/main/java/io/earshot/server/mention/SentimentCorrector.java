package io.earshot.server.mention;

import io.earshot.archive.MentionArchive;
import io.earshot.domain.Mention;
import io.earshot.domain.PostKey;
import io.earshot.enrich.sentiment.SentimentLabel;
import io.earshot.ingest.IngestPipeline;
import io.earshot.ingest.SentimentCorrections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Applies a person's sentiment correction: remembered in the state store (so it survives a re-delivery and
 * can feed training) and written into the archive (so search, counts and exports use it). The archive
 * write runs on the ingest thread, like every archive write, and is durable when this returns.
 */
public final class SentimentCorrector {

    private final MentionArchive archive;
    private final SentimentCorrections corrections;
    private final IngestPipeline pipeline;

    public SentimentCorrector(MentionArchive archive, SentimentCorrections corrections, IngestPipeline pipeline) {
        this.archive = archive;
        this.corrections = corrections;
        this.pipeline = pipeline;
    }

    /** The corrected mention, or empty when no such mention is stored. */
    public Optional<Mention> correct(PostKey key, SentimentLabel label) {
        AtomicReference<Optional<Mention>> result = new AtomicReference<>(Optional.empty());
        try {
            pipeline.submitTask(() -> archive.get(key).ifPresent(mention -> {
                        corrections.correct(key, mention.post().text(), label);
                        Mention corrected = mention.withSentimentCorrection(Optional.of(label));
                        archive.upsert(List.of(corrected));
                        result.set(Optional.of(corrected));
                    }))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving the correction", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "the correction could not be saved: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "the correction is queued behind ingestion and was not saved within 30 s; try again");
        }
        return result.get();
    }
}
