package io.earshot.embedded.archive;

import io.earshot.domain.Mention;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexWriter;

/**
 * Writes a large batch of mentions from several threads. Turning posts into documents and inverting their
 * text is most of ingest's own work (JFR at 10,000 posts/s: ~60% of the ingest thread), and Lucene's writer
 * takes documents from many threads at once, each into an in-memory segment of its own. The calling thread
 * writes a share itself and returns when every share is written; small batches it writes alone.
 */
final class ParallelWrites implements AutoCloseable {

    /** Below this many mentions per thread, handing work over costs more than it saves. */
    private static final int MIN_PER_THREAD = 64;

    private final int threads;
    private final FieldType textType;
    private final ExecutorService helpers;

    /**
     * @param threads how many threads write at most, the caller's included (at least 1)
     * @param textType how the text is indexed ({@link TextLayout})
     */
    ParallelWrites(int threads, FieldType textType) {
        this.threads = Math.max(1, threads);
        this.textType = textType;
        this.helpers = Executors.newFixedThreadPool(
                Math.max(1, this.threads - 1),
                runnable -> Thread.ofPlatform().daemon().name("earshot-index").unstarted(runnable));
    }

    /**
     * Upserts every mention (by key) and notes it in {@code pending}; parallel when the batch is large. Each key
     * must appear once: shares are written in no particular order.
     */
    void upsert(IndexWriter writer, List<Mention> mentions, PendingWrites pending) throws IOException {
        int parts = Math.min(threads, mentions.size() / MIN_PER_THREAD);
        if (parts <= 1) {
            write(writer, mentions, pending);
            return;
        }
        int size = (mentions.size() + parts - 1) / parts;
        List<Future<?>> shares = new ArrayList<>(parts - 1);
        for (int from = size; from < mentions.size(); from += size) {
            List<Mention> share = mentions.subList(from, Math.min(mentions.size(), from + size));
            shares.add(helpers.submit(() -> {
                write(writer, share, pending);
                return null;
            }));
        }
        Throwable failure = null;
        try {
            write(writer, mentions.subList(0, size), pending);
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        // every share is finished before returning, failed or not: no write may outlive the call
        for (Future<?> share : shares) {
            try {
                share.get();
            } catch (ExecutionException e) {
                failure = first(failure, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = first(failure, e);
            }
        }
        rethrow(failure);
    }

    private void write(IndexWriter writer, List<Mention> mentions, PendingWrites pending) throws IOException {
        for (Mention mention : mentions) {
            writer.updateDocument(
                    ArchiveDocuments.keyTerm(mention.key()), ArchiveDocuments.toDocument(mention, textType));
            pending.upserted(mention.key().id());
        }
    }

    private static Throwable first(Throwable known, Throwable next) {
        if (known == null) {
            return next;
        }
        known.addSuppressed(next);
        return known;
    }

    private static void rethrow(Throwable failure) throws IOException {
        switch (failure) {
            case null -> {}
            case IOException e -> throw e;
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            case InterruptedException e -> throw new InterruptedIOException("interrupted while writing mentions");
            default -> throw new IllegalStateException(failure);
        }
    }

    @Override
    public void close() {
        helpers.shutdownNow();
    }
}
