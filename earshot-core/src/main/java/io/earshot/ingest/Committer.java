package io.earshot.ingest;

import io.earshot.archive.MentionArchive;
import io.earshot.domain.Mention;
import io.earshot.domain.PostKey;
import io.earshot.source.CursorStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes what the ingest thread wrote searchable and durable, on a thread of its own. A refresh flushes the
 * writes into a new segment and a commit syncs files: at thousands of posts a second that took a quarter of the
 * ingest thread, and every batch queued behind it waited (docs/benchmarks.md, "Alert latency"). Lucene's writer
 * takes new writes while it flushes and commits, so the ingest thread goes on meanwhile.
 *
 * <p>Rounds are applied in the order they were handed. A commit covers every write made before its round was
 * handed; only after it succeeds are the round's cursors committed, its futures completed and the durable
 * listeners told. When a commit fails, the round's futures fail; its cursors (a later cursor of the same
 * source replaces them) and its news for the durable listeners wait for the next commit that succeeds. Rounds that queue up while a commit runs are
 * applied together, with one refresh and one commit.
 */
final class Committer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Committer.class);

    /**
     * Work for one refresh, and for one commit when {@code commit} is set.
     *
     * @param cursors the sources' cursors to commit once the writes are durable
     * @param done completed once the writes are durable (failed if the commit fails)
     * @param stored mentions written, for the durable listeners
     * @param deleted posts deleted, for the durable listeners
     */
    record Round(
            Map<String, String> cursors,
            List<CompletableFuture<Void>> done,
            List<Mention> stored,
            List<PostKey> deleted,
            boolean commit) {

        static Round refreshOnly() {
            return new Round(Map.of(), List.of(), List.of(), List.of(), false);
        }
    }

    private final MentionArchive archive;
    private final CursorStore cursors;
    private final List<MentionListener> durableListeners;
    private final BlockingQueue<Round> rounds = new LinkedBlockingQueue<>();
    /** What a failed commit left to the next one: its cursors and what the durable listeners were not told. */
    private Round carried = Round.refreshOnly();

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    Committer(MentionArchive archive, CursorStore cursors, List<MentionListener> durableListeners) {
        this.archive = archive;
        this.cursors = cursors;
        this.durableListeners = durableListeners;
        this.thread = Thread.ofPlatform().name("earshot-commit").daemon(false).unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    /** Queues a round; returns at once. */
    void hand(Round round) {
        rounds.add(round);
    }

    private void loop() {
        List<Round> taken = new ArrayList<>();
        while (running.get() || !rounds.isEmpty()) {
            try {
                Round first = rounds.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                rounds.drainTo(taken);
                apply(taken);
                taken.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    private void apply(List<Round> taken) {
        Map<String, String> cursorsNow = new LinkedHashMap<>(carried.cursors());
        List<CompletableFuture<Void>> done = new ArrayList<>();
        List<Mention> stored = new ArrayList<>(carried.stored());
        List<PostKey> deleted = new ArrayList<>(carried.deleted());
        boolean commit = false;
        for (Round round : taken) {
            cursorsNow.putAll(round.cursors());
            done.addAll(round.done());
            stored.addAll(round.stored());
            deleted.addAll(round.deleted());
            commit |= round.commit();
        }
        try {
            // searchable before durable: whoever waits for a commit may search for what it stored
            archive.refresh();
            if (!commit) {
                return;
            }
            archive.commit();
            cursorsNow.forEach(cursors::commit);
        } catch (RuntimeException e) {
            log.error("ingest: commit failed; sources will resume from their last committed cursor", e);
            carried = new Round(cursorsNow, List.of(), stored, deleted, true);
            done.forEach(future -> future.completeExceptionally(e));
            return;
        }
        carried = Round.refreshOnly();
        done.forEach(future -> future.complete(null));
        MentionListeners.tell(durableListeners, stored, deleted);
    }

    /** Applies every round handed so far, then stops. */
    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
