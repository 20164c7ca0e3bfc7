package io.earshot.ingest;

import io.earshot.archive.MentionArchive;
import io.earshot.domain.Mention;
import io.earshot.domain.PostKey;
import io.earshot.source.CursorStore;
import io.earshot.source.EventSink;
import io.earshot.source.SourceBatch;
import io.earshot.source.SourceEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer between the sources and storage: normalised events go in through a bounded queue
 * ({@link #sink()} blocks when it is full, slowing the sources instead of growing memory); one thread
 * takes them in batches, lets {@link BatchProcessor} match and store them, makes them visible to search,
 * commits them durably, and only then commits each source's cursor.
 *
 * <p>Other work that must not race with ingestion (topic backfill, retention) is queued as a
 * {@link #submitTask task} and runs on the same thread, between batches.
 */
public final class IngestPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    /** Tuning; the defaults suit a laptop. */
    public record Settings(int queueCapacity, int maxEventsPerBatch, Duration commitInterval) {
        public static final Settings DEFAULT = new Settings(64, 2_000, Duration.ofMillis(500));

        public Settings {
            if (queueCapacity < 1 || maxEventsPerBatch < 1 || commitInterval.isNegative()) {
                throw new IllegalArgumentException("pipeline settings must be positive");
            }
        }
    }

    private sealed interface Work {}

    private record BatchWork(SourceBatch batch, CompletableFuture<Void> stored) implements Work {}

    private record TaskWork(Runnable task, CompletableFuture<Void> done) implements Work {}

    private final BlockingQueue<Work> queue;
    private final BatchProcessor processor;
    private final MentionArchive archive;
    private final CursorStore cursors;
    private final Settings settings;
    private final Clock clock;
    private final IngestCounters counters = new IngestCounters();
    private final AtomicBoolean running = new AtomicBoolean(false);
    private final Thread worker;
    private final Map<String, String> uncommittedCursors = new LinkedHashMap<>();
    private final List<CompletableFuture<Void>> awaitingCommit = new ArrayList<>();
    private final List<Mention> storedSinceCommit = new ArrayList<>();
    private final List<PostKey> deletedSinceCommit = new ArrayList<>();
    private final List<MentionListener> listeners = new CopyOnWriteArrayList<>();
    private Instant lastCommit;
    private volatile Optional<String> lastError = Optional.empty();

    public IngestPipeline(
            BatchProcessor processor, MentionArchive archive, CursorStore cursors, Settings settings, Clock clock) {
        this.processor = processor;
        this.archive = archive;
        this.cursors = cursors;
        this.settings = settings;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.lastCommit = clock.instant();
        this.worker = Thread.ofPlatform().name("earshot-ingest").daemon(false).unstarted(this::loop);
    }

    public void start() {
        if (running.compareAndSet(false, true)) {
            worker.start();
        }
    }

    /** Where sources deliver: blocks while the queue is full. */
    public EventSink sink() {
        return batch -> submit(batch);
    }

    /** Queues a batch; the future completes once it is durably stored (and its cursor committed). */
    public CompletableFuture<Void> submit(SourceBatch batch) throws InterruptedException {
        requireRunning();
        CompletableFuture<Void> stored = new CompletableFuture<>();
        queue.put(new BatchWork(batch, stored));
        counters.queued(batch.events().size());
        return stored;
    }

    /** Runs {@code task} on the ingest thread, between batches; the future completes when it has run and its writes are durable. */
    public CompletableFuture<Void> submitTask(Runnable task) {
        requireRunning();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            queue.put(new TaskWork(task, done));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
        }
        return done;
    }

    public IngestCounters counters() {
        return counters;
    }

    /** Events waiting in the queue (an indication of backpressure). */
    public int queuedBatches() {
        return queue.size();
    }

    private void requireRunning() {
        if (!running.get()) {
            throw new IllegalStateException("the ingest pipeline is not running");
        }
    }

    private void loop() {
        List<Work> drained = new ArrayList<>();
        while (running.get() || !queue.isEmpty()) {
            try {
                Work first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    drained.add(first);
                    drainMore(drained);
                    processWithRetries(drained);
                    drained.clear();
                }
                commitIfDue(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        commitIfDue(true);
    }

    /**
     * Storage failures are retried, not skipped: every write is idempotent, so re-running a partly applied
     * batch is safe, and while it fails the queue fills and the sources wait. Only on shutdown are the
     * batches given up, uncommitted, so their sources resume from the last committed cursor next time.
     */
    private void processWithRetries(List<Work> drained) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                process(drained);
                lastError = Optional.empty();
                return;
            } catch (RuntimeException e) {
                counters.failed();
                lastError = Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
                long backoffMillis = Math.min(30_000L, 100L << Math.min(attempt, 8));
                log.error(
                        "ingest: storing a batch failed (attempt {}); retrying in {} ms. Nothing is acknowledged until it succeeds.",
                        attempt,
                        backoffMillis,
                        e);
                if (!running.get()) {
                    uncommittedCursors.clear();
                    storedSinceCommit.clear();
                    deletedSinceCommit.clear();
                    drained.forEach(work -> future(work).completeExceptionally(e));
                    return;
                }
                Thread.sleep(backoffMillis);
            }
        }
    }

    /** The last storage error while it persists; empty when ingestion is healthy. */
    public Optional<String> lastError() {
        return lastError;
    }

    private void drainMore(List<Work> drained) {
        int events = events(drained.get(0));
        while (events < settings.maxEventsPerBatch() && !(drained.get(drained.size() - 1) instanceof TaskWork)) {
            Work next = queue.peek();
            if (next == null || next instanceof TaskWork) {
                break;
            }
            drained.add(queue.poll());
            events += events(next);
        }
    }

    private void process(List<Work> drained) {
        List<SourceBatch> batches = new ArrayList<>();
        for (Work work : drained) {
            switch (work) {
                case BatchWork batchWork -> batches.add(batchWork.batch());
                case TaskWork taskWork -> {
                    flushBatches(batches);
                    batches.clear();
                    // a task (e.g. a topic backfill) searches the archive: it must see every batch before it
                    archive.refresh();
                    taskWork.task().run();
                }
            }
        }
        flushBatches(batches);
        archive.refresh();
        for (Work work : drained) {
            awaitingCommit.add(future(work));
        }
    }

    private void flushBatches(List<SourceBatch> batches) {
        if (batches.isEmpty()) {
            return;
        }
        List<SourceEvent> events = new ArrayList<>();
        for (SourceBatch batch : batches) {
            events.addAll(batch.events());
            batch.cursor().ifPresent(cursor -> uncommittedCursors.put(batch.sourceId(), cursor));
        }
        storedSinceCommit.addAll(processor.process(events, counters));
        deletedSinceCommit.addAll(processor.takeDeleted());
    }

    private void commitIfDue(boolean force) {
        if (awaitingCommit.isEmpty() && uncommittedCursors.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (!force && Duration.between(lastCommit, now).compareTo(settings.commitInterval()) < 0) {
            return;
        }
        try {
            archive.commit();
            uncommittedCursors.forEach(cursors::commit);
            uncommittedCursors.clear();
            lastCommit = now;
            awaitingCommit.forEach(future -> future.complete(null));
            notifyListeners();
        } catch (RuntimeException e) {
            log.error("ingest: commit failed; sources will resume from their last committed cursor", e);
            awaitingCommit.forEach(future -> future.completeExceptionally(e));
        }
        awaitingCommit.clear();
    }

    /** Adds a listener for mentions, told after they are durably stored. */
    public void addListener(MentionListener listener) {
        listeners.add(listener);
    }

    private void notifyListeners() {
        if (!deletedSinceCommit.isEmpty()) {
            List<PostKey> deleted = List.copyOf(deletedSinceCommit);
            deletedSinceCommit.clear();
            for (MentionListener listener : listeners) {
                try {
                    listener.postsDeleted(deleted);
                } catch (RuntimeException e) {
                    log.warn("a mention listener failed; ingestion goes on", e);
                }
            }
        }
        if (storedSinceCommit.isEmpty()) {
            return;
        }
        // a retried batch may have stored the same post twice: tell listeners once, with its last version
        Map<PostKey, Mention> latest = new LinkedHashMap<>();
        storedSinceCommit.forEach(mention -> latest.put(mention.key(), mention));
        List<Mention> stored =
                latest.values().stream().filter(Mention::matchedAnyTopic).toList();
        List<Mention> replies = latest.values().stream()
                .filter(mention -> !mention.matchedAnyTopic())
                .toList();
        storedSinceCommit.clear();
        for (MentionListener listener : listeners) {
            try {
                if (!stored.isEmpty()) {
                    listener.mentionsStored(stored);
                }
                if (!replies.isEmpty()) {
                    listener.repliesStored(replies);
                }
            } catch (RuntimeException e) {
                log.warn("a mention listener failed; ingestion goes on", e);
            }
        }
    }

    private static int events(Work work) {
        return work instanceof BatchWork batchWork ? batchWork.batch().events().size() : 0;
    }

    private static CompletableFuture<Void> future(Work work) {
        return switch (work) {
            case BatchWork batchWork -> batchWork.stored();
            case TaskWork taskWork -> taskWork.done();
        };
    }

    /** Stops taking work, stores and commits everything queued, then returns. */
    @Override
    public void close() {
        if (running.compareAndSet(true, false)) {
            try {
                worker.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
