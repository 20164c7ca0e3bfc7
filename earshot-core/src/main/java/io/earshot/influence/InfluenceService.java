package io.earshot.influence;

import io.earshot.archive.MentionArchive;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.graph.Edge;
import io.earshot.graph.EdgePage;
import io.earshot.graph.InteractionGraph;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps every author's influence current: new edges taken in as they are stored ({@link #takeInNewEdges}, every
 * second or so: the affected scores change at once), every account scored again from the edges in memory
 * ({@link #rescore}, ~1.3 s for the Higgs week, every 15 minutes), everything read again from the interaction
 * graph and the archive's audiences ({@link #recompute}, at start, every few hours and after an erasure: it also
 * drops edges undone or expired since), one score a day kept for history, and erasure of an author on request.
 */
public final class InfluenceService implements InfluenceScores {

    /** How many of the day's best scores are kept for history (every account would be millions of rows a day). */
    static final int HISTORY_ACCOUNTS = 50_000;

    private final InteractionGraph graph;
    private final MentionArchive archive;
    private final InfluenceStore store;
    private final InfluenceSettings settings;
    private final Clock clock;
    private volatile InfluenceSnapshot snapshot;
    private volatile Set<String> excluded;
    private volatile boolean reloadWanted;
    private RecentEdges recent = new RecentEdges();

    public InfluenceService(
            InteractionGraph graph,
            MentionArchive archive,
            InfluenceStore store,
            InfluenceSettings settings,
            Clock clock) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.snapshot = InfluenceSnapshot.empty(settings, clock.instant());
        this.excluded = Set.copyOf(store.excluded());
    }

    /** The scores as of now (the last full computation and what was taken in since). */
    public InfluenceSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public Optional<AuthorInfluence> influence(Network network, String accountId) {
        if (isExcluded(network, accountId)) {
            return Optional.empty();
        }
        return snapshot.of(network, accountId);
    }

    public boolean isExcluded(Network network, String accountId) {
        return excluded.contains(InfluenceStore.key(network, accountId));
    }

    /**
     * Scores every account again from the edges the graph keeps (its retention window) and the audiences the
     * archive's posts carry. Returns the new snapshot.
     */
    public synchronized InfluenceSnapshot recompute() {
        Instant now = clock.instant();
        EdgeTable edges = new EdgeTable();
        RecentEdges seen = new RecentEdges();
        graph.forEachSince(now.minus(InteractionGraph.DEFAULT_RETENTION), edge -> {
            seen.firstSight(edge);
            if (!isExcluded(edge.network(), edge.from()) && !isExcluded(edge.network(), edge.to())) {
                edges.add(edge);
            }
        });
        long[] followers = followers(edges, now);
        InfluenceSnapshot computed = Scoring.compute(edges, followers, now.getEpochSecond(), settings);
        this.snapshot = computed;
        seen.prune();
        this.recent = seen;
        return computed;
    }

    /**
     * Scores every account again from the edges already in memory (those of the last {@link #recompute} and those
     * taken in since), with the audiences known then: a full computation without reading the store.
     */
    public synchronized InfluenceSnapshot rescore() {
        InfluenceSnapshot current = snapshot;
        InfluenceSnapshot computed = Scoring.compute(
                current.table(), current.followers(), clock.instant().getEpochSecond(), settings);
        this.snapshot = computed;
        return computed;
    }

    /**
     * Takes in the edges stored since the last look; returns how many. After an erasure it reloads everything
     * instead ({@link #recompute}), off the thread that erased.
     */
    public synchronized int takeInNewEdges() {
        if (reloadWanted) {
            reloadWanted = false;
            recompute();
            return 0;
        }
        int taken = 0;
        Optional<String> cursor = Optional.empty();
        InfluenceSnapshot current = snapshot;
        Instant from = recent.lookFrom();
        do {
            EdgePage page = graph.edgesSince(from, cursor, InteractionGraph.MAX_PAGE);
            for (Edge edge : page.edges()) {
                if (recent.firstSight(edge)
                        && !isExcluded(edge.network(), edge.from())
                        && !isExcluded(edge.network(), edge.to())) {
                    current.add(edge);
                    taken++;
                }
            }
            cursor = page.next();
        } while (cursor.isPresent());
        recent.prune();
        return taken;
    }

    /**
     * Erases an author: their posts leave the archive, their interactions leave the graph, their score and its
     * history are forgotten, and they are excluded from scoring from now on (their future interactions are not
     * counted, for them or for others). Call it where archive and graph writes are made (the ingest thread). The
     * author is out of every answer at once; others' scores lose the author's interactions at the next
     * {@link #takeInNewEdges} (a second later in the server), which reloads everything.
     */
    public synchronized void erase(Network network, String accountId) {
        store.exclude(network, accountId, clock.instant());
        Set<String> updated = new HashSet<>(excluded);
        updated.add(InfluenceStore.key(network, accountId));
        excluded = Set.copyOf(updated);
        archive.deleteByAuthor(network, accountId);
        archive.commit();
        graph.removeAccount(network, accountId);
        reloadWanted = true;
    }

    /** Keeps today's scores of the best-scored accounts, for {@link #history}. */
    public void recordToday() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        store.recordDay(today, snapshot.top(HISTORY_ACCOUNTS));
    }

    public List<InfluenceStore.DailyScore> history(Network network, String accountId, int days) {
        return isExcluded(network, accountId) ? List.of() : store.history(network, accountId, days);
    }

    public InfluenceSettings settings() {
        return settings;
    }

    /** The largest audience any of an account's posts in the graph's window reported, or -1. */
    private long[] followers(EdgeTable edges, Instant now) {
        Map<Integer, Long> known = new HashMap<>();
        archive.forEachSince(now.minus(InteractionGraph.DEFAULT_RETENTION).minus(Duration.ofDays(1)), mention -> {
            Post post = mention.post();
            post.author().followers().ifPresent(count -> {
                if (!isExcluded(post.key().network(), post.author().id())) {
                    int account = edges.accounts.number(
                            post.author().network(), post.author().id());
                    known.merge(account, count, Math::max);
                }
            });
        });
        long[] followers = new long[edges.accounts.size()];
        java.util.Arrays.fill(followers, -1);
        known.forEach((account, count) -> followers[account] = count);
        return followers;
    }
}
