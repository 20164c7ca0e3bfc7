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
 * takes them in batches and lets {@link BatchProcessor} match and store them. Every refresh interval a second
 * thread (the {@link Committer}) makes the writes searchable and, every commit interval, durable, and only
 * then commits each source's cursor; the ingest thread goes on writing meanwhile.
 *
 * <p>Other work that must not race with ingestion (topic backfill, retention) is queued as a
 * {@link #submitTask task} and runs on the same thread, between batches.
 */
public final class IngestPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    /**
     * Tuning; the defaults suit a laptop.
     *
     * @param commitInterval how often writes are made durable (fsync), and the sources' cursors committed
     * @param refreshInterval how often writes are made searchable; at most {@code commitInterval} (a commit
     *     refreshes too). Each refresh flushes a small sorted segment that merges must later rewrite: refreshing after
     *     every batch took over a third of the ingest thread at 3,000 posts/s, and at 1 s rather than 250 ms (commit
     *     500 ms) the rate an alert reaches its webhook within 500 ms (p99) went from 2,500 to 3,000 posts/s
     *     (docs/benchmarks.md). Alerts and the live stream do not wait for either ({@link Moment#WRITTEN}).
     */
    public record Settings(
            int queueCapacity, int maxEventsPerBatch, Duration commitInterval, Duration refreshInterval) {
        public static final Settings DEFAULT =
                new Settings(64, 2_000, Duration.ofMillis(1000), Duration.ofMillis(1000));

        public Settings {
            if (queueCapacity < 1
                    || maxEventsPerBatch < 1
                    || commitInterval.isNegative()
                    || refreshInterval.isNegative()
                    || refreshInterval.compareTo(commitInterval) > 0) {
                throw new IllegalArgumentException(
                        "pipeline settings must be positive, and the refresh interval at most the commit interval");
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
    private final List<Mention> storedThisRound = new ArrayList<>();
    private final List<PostKey> deletedThisRound = new ArrayList<>();
    private final List<MentionListener> durableListeners = new CopyOnWriteArrayList<>();
    private final List<MentionListener> writtenListeners = new CopyOnWriteArrayList<>();
    private final Committer committer;
    private Instant lastCommit;
    private Instant lastRefresh;
    private boolean unrefreshed;
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
        this.lastRefresh = lastCommit;
        this.worker = Thread.ofPlatform().name("earshot-ingest").daemon(false).unstarted(this::loop);
        this.committer = new Committer(archive, cursors, durableListeners);
    }

    public void start() {
        if (running.compareAndSet(false, true)) {
            committer.start();
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
                handRoundIfDue(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        handRoundIfDue(true);
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
                    storedThisRound.clear();
                    deletedThisRound.clear();
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
        storedThisRound.clear();
        deletedThisRound.clear();
        List<SourceBatch> batches = new ArrayList<>();
        for (Work work : drained) {
            switch (work) {
                case BatchWork batchWork -> batches.add(batchWork.batch());
                case TaskWork taskWork -> {
                    flushBatches(batches);
                    batches.clear();
                    // a task (e.g. a topic backfill) searches the archive: it must see every batch before it
                    refresh();
                    taskWork.task().run();
                }
            }
        }
        flushBatches(batches);
        unrefreshed = true;
        for (Work work : drained) {
            awaitingCommit.add(future(work));
        }
        storedSinceCommit.addAll(storedThisRound);
        deletedSinceCommit.addAll(deletedThisRound);
        MentionListeners.tell(writtenListeners, storedThisRound, deletedThisRound);
        storedThisRound.clear();
        deletedThisRound.clear();
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
        storedThisRound.addAll(processor.process(events, counters));
        deletedThisRound.addAll(processor.takeDeleted());
    }

    /** Refreshes the archive now, on this thread (before a task that searches it). */
    private void refresh() {
        archive.refresh();
        lastRefresh = clock.instant();
        unrefreshed = false;
    }

    /**
     * Hands the writes since the last round to the committer when a commit or a refresh is due ({@code force}:
     * commit whatever awaits one, at shutdown). The ingest thread goes on writing while the committer works.
     */
    private void handRoundIfDue(boolean force) {
        Instant now = clock.instant();
        boolean awaiting = !awaitingCommit.isEmpty() || !uncommittedCursors.isEmpty();
        if (awaiting && (force || !now.isBefore(lastCommit.plus(settings.commitInterval())))) {
            committer.hand(new Committer.Round(
                    new LinkedHashMap<>(uncommittedCursors),
                    List.copyOf(awaitingCommit),
                    List.copyOf(storedSinceCommit),
                    List.copyOf(deletedSinceCommit),
                    true));
            uncommittedCursors.clear();
            awaitingCommit.clear();
            storedSinceCommit.clear();
            deletedSinceCommit.clear();
            lastCommit = now;
            lastRefresh = now;
            unrefreshed = false;
        } else if (unrefreshed && !now.isBefore(lastRefresh.plus(settings.refreshInterval()))) {
            committer.hand(Committer.Round.refreshOnly());
            lastRefresh = now;
            unrefreshed = false;
        }
    }

    /** When a listener is told about mentions. */
    public enum Moment {
        /**
         * As soon as a batch is written, before it is searchable (at most {@link Settings#refreshInterval} later)
         * and durable (at most {@link Settings#commitInterval} later). For listeners that need only the mentions
         * they are given and whose own effects are idempotent and durable on their own, such as alerts (each rule
         * remembers what it sent) and the live stream: should the process die before the commit, the source
         * replays the batch and they are told again, with nothing doubled.
         */
        WRITTEN,
        /** After the durable commit: what the listener is told will never be replayed. */
        DURABLE
    }

    /** Adds a listener for mentions, told after they are durably stored. */
    public void addListener(MentionListener listener) {
        addListener(listener, Moment.DURABLE);
    }

    /** Adds a listener for mentions, told at {@code moment}. */
    public void addListener(MentionListener listener, Moment moment) {
        (moment == Moment.WRITTEN ? writtenListeners : durableListeners).add(listener);
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
            committer.close();
        }
    }
}
