package io.earshot.embedded.archive;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The searcher and global ordinals that counts of multi-valued columns (top terms, hashtags, links; trending) run
 * on.
 *
 * <p>Global ordinals belong to one reader, and the archive's reader changes with every refresh: built on demand,
 * the first such query after a write pays for the numbering (~115 ms for the terms column at a million mentions).
 * So a server {@linkplain #keepWarm keeps them warm}: a background thread rebuilds them for each new reader, for
 * the columns asked for in the last {@link #IDLE} minutes, and queries use that reader as long as it is at most
 * {@code maxLag} behind the live one. Analytics may then miss the last {@code maxLag} of writes (a second or two,
 * like a search engine's refresh interval); the live stream and search never lag. Without warming (tests, the
 * command line) every query sees every refreshed write.
 */
final class FacetReaders implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FacetReaders.class);

    /** Columns not asked for in this long are no longer kept warm. */
    static final Duration IDLE = Duration.ofMinutes(10);

    @FunctionalInterface
    interface Work<T> {
        T apply(IndexSearcher searcher, GlobalOrdinals.Mapped mapped) throws IOException;
    }

    /** A reader that was the live one at {@code liveAt}, holding a reference, with its columns numbered. */
    private record Warm(IndexSearcher searcher, Instant liveAt, Map<String, GlobalOrdinals.Mapped> columns) {}

    private final SearcherManager searchers;
    private final Clock clock;
    private final GlobalOrdinals ordinals = new GlobalOrdinals();
    private final Map<String, Instant> asked = new ConcurrentHashMap<>();
    private volatile Optional<Warm> warm = Optional.empty();
    private volatile Duration maxLag = Duration.ZERO;
    private Optional<ScheduledExecutorService> warmer = Optional.empty();

    FacetReaders(SearcherManager searchers, Clock clock) {
        this.searchers = searchers;
        this.clock = clock;
    }

    /**
     * From now on, rebuilds the global ordinals of each new reader in the background and lets queries use a reader
     * up to {@code maxLag} behind the live one. Once only; {@link #close} stops it.
     */
    synchronized void keepWarm(Duration maxLag) {
        if (maxLag.isNegative() || maxLag.isZero()) {
            throw new IllegalArgumentException("the analytics lag must be positive, was " + maxLag);
        }
        if (warmer.isPresent()) {
            throw new IllegalStateException("analytics are already kept warm");
        }
        this.maxLag = maxLag;
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable ->
                Thread.ofPlatform().daemon().name("earshot-analytics-warmer").unstarted(runnable));
        // a tick at a third of the lag leaves room for a rebuild before the warm reader is too old
        long period = Math.max(50, maxLag.toMillis() / 3);
        executor.scheduleWithFixedDelay(this::warmQuietly, period, period, TimeUnit.MILLISECONDS);
        warmer = Optional.of(executor);
    }

    /** Runs {@code work} on a searcher and the global ordinals of {@code field} for it. */
    <T> T withOrdinals(String field, Work<T> work) throws IOException {
        Instant now = clock.instant();
        asked.put(field, now);
        Optional<Warm> current = warm;
        if (current.isPresent()) {
            Warm w = current.get();
            GlobalOrdinals.Mapped mapped = w.columns().get(field);
            if (mapped != null
                    && !now.isAfter(w.liveAt().plus(maxLag))
                    && w.searcher().getIndexReader().tryIncRef()) {
                try {
                    return work.apply(w.searcher(), mapped);
                } finally {
                    w.searcher().getIndexReader().decRef();
                }
            }
        }
        IndexSearcher live = searchers.acquire();
        try {
            return work.apply(live, ordinals.of(live.getIndexReader(), field));
        } finally {
            searchers.release(live);
        }
    }

    private void warmQuietly() {
        try {
            warm();
        } catch (IOException | RuntimeException e) {
            log.warn("analytics: keeping the column numbering warm failed; queries build it themselves", e);
        }
    }

    /** One tick: take the live reader and number the columns asked for lately, unless that is done already. */
    void warm() throws IOException {
        Instant now = clock.instant();
        asked.values().removeIf(at -> at.isBefore(now.minus(IDLE)));
        Optional<Warm> old = warm;
        if (asked.isEmpty()) {
            warm = Optional.empty();
            old.ifPresent(this::release);
            return;
        }
        IndexSearcher live = searchers.acquire();
        if (old.isPresent()
                && old.get().searcher().getIndexReader() == live.getIndexReader()
                && old.get().columns().keySet().containsAll(asked.keySet())) {
            // nothing was written since: the warm reader is still the live one
            searchers.release(live);
            warm = Optional.of(new Warm(old.get().searcher(), now, old.get().columns()));
            return;
        }
        Map<String, GlobalOrdinals.Mapped> columns = new HashMap<>();
        try {
            for (String field : asked.keySet()) {
                columns.put(field, ordinals.of(live.getIndexReader(), field));
            }
        } catch (IOException | RuntimeException e) {
            searchers.release(live);
            throw e;
        }
        warm = Optional.of(new Warm(live, now, Map.copyOf(columns)));
        old.ifPresent(this::release);
    }

    private void release(Warm w) {
        try {
            searchers.release(w.searcher());
        } catch (IOException e) {
            log.warn("analytics: releasing a reader failed", e);
        }
    }

    /** Stops warming and lets go of the warm reader; before the searchers close. */
    @Override
    public synchronized void close() {
        warmer.ifPresent(executor -> {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        warmer = Optional.empty();
        Optional<Warm> last = warm;
        warm = Optional.empty();
        last.ifPresent(this::release);
    }
}
