package io.earshot.influence;

import io.earshot.domain.Network;
import io.earshot.graph.Edge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Every account's influence as of one full computation, plus the interactions added since
 * ({@link #add}: the affected account's score changes at once, in microseconds). Thread-safe: readers and the
 * one writer synchronise on the snapshot.
 *
 * <p>An incremental update is exact for amplification (recency, the per-pair cap, the reciprocal rule) and
 * approximate for network authority (one push of the source's authority along the new edge) and for the burst
 * and high-frequency rules, which need the whole graph; the next full computation makes them exact. The
 * percentile of an updated account is read against the population of the last full computation, so other
 * accounts' scores do not move until then.
 */
public final class InfluenceSnapshot {

    record EdgeColumns(int[] rules, float[] amplification, float[] authority) {}

    record AccountColumns(double[] amplification, double[] authority, long[] followers, double[] raw) {}

    private final EdgeTable edges;
    private final InfluenceSettings settings;
    private final long now;
    private final int computedEdges;
    private final int computedAccounts;
    private final long[] pairs;
    private final double[] pairAmplification;
    private final Map<Long, Double> newPairAmplification = new HashMap<>();
    private final Set<Long> newAmplifyingPairs = new HashSet<>();
    private final double[] sortedRaw;
    private final int[] ranking;
    private final int[] inStart;
    private final int[] inEdges;
    private EdgeColumns edgeColumns;
    private AccountColumns accountColumns;

    InfluenceSnapshot(
            EdgeTable edges,
            InfluenceSettings settings,
            long now,
            EdgeColumns edgeColumns,
            AccountColumns accountColumns,
            long[] pairs,
            double[] pairAmplification) {
        this.edges = edges;
        this.settings = settings;
        this.now = now;
        this.computedEdges = edges.size;
        this.computedAccounts = edges.accounts.size();
        this.edgeColumns = edgeColumns;
        this.accountColumns = accountColumns;
        this.pairs = pairs;
        this.pairAmplification = pairAmplification;
        double[] raw = accountColumns.raw();
        this.sortedRaw = Arrays.stream(raw).filter(value -> value > 0).sorted().toArray();
        this.ranking = java.util.stream.IntStream.range(0, raw.length)
                .filter(a -> raw[a] > 0)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer a) -> -raw[a]).thenComparing(edges.accounts::id))
                .mapToInt(Integer::intValue)
                .toArray();
        this.inStart = new int[computedAccounts + 1];
        this.inEdges = new int[computedEdges];
        for (int e = 0; e < computedEdges; e++) {
            inStart[edges.to[e] + 1]++;
        }
        for (int a = 0; a < computedAccounts; a++) {
            inStart[a + 1] += inStart[a];
        }
        int[] next = Arrays.copyOf(inStart, computedAccounts);
        for (int e = 0; e < computedEdges; e++) {
            inEdges[next[edges.to[e]]++] = e;
        }
    }

    /**
     * Scores the accounts of an interaction stream (Higgs format; its accounts are taken as Bluesky accounts) as of
     * {@code now}: for benchmarks and evaluations.
     */
    public static InfluenceSnapshot of(InteractionStream stream, Instant now, InfluenceSettings settings) {
        EdgeTable table = new EdgeTable();
        for (InteractionStream.Line line : stream.lines()) {
            table.add(Network.BLUESKY, line.from(), line.to(), line.kind(), line.at(), java.util.Optional.empty());
        }
        return Scoring.compute(table, new long[0], now.getEpochSecond(), settings);
    }

    /** An empty snapshot: every account unknown. */
    public static InfluenceSnapshot empty(InfluenceSettings settings, Instant now) {
        return Scoring.compute(new EdgeTable(), new long[0], now.getEpochSecond(), settings);
    }

    /** The time the recency weights were computed for. */
    public Instant computedAt() {
        return Instant.ofEpochSecond(now);
    }

    public synchronized int accounts() {
        return edges.accounts.size();
    }

    public synchronized int edges() {
        return edges.size;
    }

    /** The account's influence, or empty when it has not been seen in the graph. */
    public synchronized Optional<AuthorInfluence> of(Network network, String accountId) {
        OptionalInt number = edges.accounts.find(network, accountId);
        return number.isEmpty() ? Optional.empty() : Optional.of(influence(number.getAsInt()));
    }

    /** The most influential accounts as of the last full computation, best first. */
    public synchronized List<AuthorInfluence> top(int limit) {
        List<AuthorInfluence> top = new ArrayList<>();
        for (int i = 0; i < ranking.length && top.size() < limit; i++) {
            top.add(influence(ranking[i]));
        }
        return top;
    }

    /** The interactions that added most to the account's score, largest first. */
    public synchronized List<Contribution> explain(Network network, String accountId, int limit) {
        OptionalInt number = edges.accounts.find(network, accountId);
        if (number.isEmpty()) {
            return List.of();
        }
        int account = number.getAsInt();
        List<Integer> received = new ArrayList<>();
        if (account < computedAccounts) {
            for (int i = inStart[account]; i < inStart[account + 1]; i++) {
                received.add(inEdges[i]);
            }
        }
        for (int e = computedEdges; e < edges.size; e++) {
            if (edges.to[e] == account) {
                received.add(e);
            }
        }
        float[] amplification = edgeColumns.amplification();
        float[] authority = edgeColumns.authority();
        return received.stream()
                .sorted(Comparator.comparingDouble((Integer e) -> -(amplification[e] + 0.01 * authority[e]))
                        .thenComparing(e -> -edges.at[e]))
                .limit(limit)
                .map(e -> new Contribution(
                        edges.accounts.id(edges.from[e]),
                        edges.kindOf(e),
                        edges.time(e),
                        edges.postOf(e),
                        amplification[e],
                        authority[e],
                        Rule.of(edgeColumns.rules()[e])))
                .toList();
    }

    /** The percentile (0–100, one decimal) a raw score would have among the accounts of the last computation. */
    public double percentile(double raw) {
        if (raw <= 0 || sortedRaw.length == 0) {
            return 0;
        }
        int atOrBelow = upperBound(sortedRaw, raw);
        return Math.round(1000.0 * atOrBelow / sortedRaw.length) / 10.0;
    }

    synchronized OptionalInt accountNumber(Network network, String accountId) {
        return edges.accounts.find(network, accountId);
    }

    synchronized OptionalInt postNumber(io.earshot.domain.PostKey key) {
        return edges.findPost(key);
    }

    synchronized long[] followers() {
        return accountColumns.followers().clone();
    }

    EdgeTable table() {
        return edges;
    }

    /**
     * The same scoring on the part of the graph around some posts and accounts: edges about one of the posts, and
     * edges between two of the accounts. Its percentiles rank the accounts of that part only.
     */
    synchronized InfluenceSnapshot restrictedTo(Set<Integer> posts, Set<Integer> accounts) {
        EdgeTable part = edges.emptySibling();
        for (int e = 0; e < edges.size; e++) {
            if ((edges.post[e] >= 0 && posts.contains(edges.post[e]))
                    || (accounts.contains(edges.from[e]) && accounts.contains(edges.to[e]))) {
                part.copy(edges, e);
            }
        }
        return Scoring.compute(part, accountColumns.followers(), now, settings);
    }

    /** The combined value of account number {@code a} (for the evaluation). */
    synchronized double rawScore(int a) {
        return accountColumns.raw()[a];
    }

    /** Takes one new interaction into account at once (see the class comment for what is approximate). */
    public synchronized void add(Edge edge) {
        int e = edges.add(edge);
        ensureCapacity();
        int from = edges.from[e];
        int to = edges.to[e];
        if (from == to) {
            edgeColumns.rules()[e] = Rule.SELF.bit();
            return;
        }
        double weight = EdgeWeights.recency(edges.at[e], now, settings);
        long pair = EdgeWeights.pair(from, to);
        if (EdgeWeights.amplifies(edges.kind[e])) {
            newAmplifyingPairs.add(pair);
            if (newAmplifyingPairs.contains(EdgeWeights.pair(to, from)) || knownPair(EdgeWeights.pair(to, from))) {
                weight *= settings.reciprocalDiscount();
                edgeColumns.rules()[e] |= Rule.RECIPROCAL.bit();
            }
        }
        double amplification = weight * EdgeWeights.amplificationWeight(edge.kind());
        double before = pairAmplification(pair);
        double after = before + amplification;
        double cap = settings.perSourceCap();
        double added = Math.min(cap, after) - Math.min(cap, before);
        if (after > cap) {
            edgeColumns.rules()[e] |= Rule.SOURCE_CAP.bit();
        }
        setPairAmplification(pair, after);
        double authorityWeight = Math.min(cap, weight * EdgeWeights.authorityWeight(edge.kind()));
        edgeColumns.amplification()[e] = (float) added;
        edgeColumns.authority()[e] = (float) authorityWeight;
        double[] accountAmplification = accountColumns.amplification();
        double[] authority = accountColumns.authority();
        accountAmplification[to] += added;
        // one push of the source's authority along the new edge, as if it were its only one
        authority[to] += settings.damping()
                * Math.max(authority[from], 1 - settings.damping())
                * authorityWeight
                / (1 + authorityWeight);
        accountColumns.raw()[to] = Scoring.raw(
                accountAmplification[to], authority[to], accountColumns.followers()[to], settings);
    }

    /** Records an account's audience (from its profile); it shows in its score at once. */
    public synchronized void setFollowers(Network network, String accountId, long followers) {
        OptionalInt number = edges.accounts.find(network, accountId);
        if (number.isPresent()) {
            int a = number.getAsInt();
            accountColumns.followers()[a] = followers;
            accountColumns.raw()[a] = Scoring.raw(
                    accountColumns.amplification()[a], accountColumns.authority()[a], followers, settings);
        }
    }

    private AuthorInfluence influence(int a) {
        double raw = accountColumns.raw()[a];
        long followers = accountColumns.followers()[a];
        int received = 0;
        Set<Integer> posts = new HashSet<>();
        if (a < computedAccounts) {
            for (int i = inStart[a]; i < inStart[a + 1]; i++) {
                received++;
                collectPost(inEdges[i], posts);
            }
        }
        for (int e = computedEdges; e < edges.size; e++) {
            if (edges.to[e] == a) {
                received++;
                collectPost(e, posts);
            }
        }
        double amplification = accountColumns.amplification()[a];
        Components components = new Components(
                followers >= 0 ? OptionalLong.of(followers) : OptionalLong.empty(),
                followers > 0 ? Math.log10(1 + followers) : 0,
                amplification,
                posts.size(),
                posts.isEmpty() ? 0 : amplification / posts.size(),
                accountColumns.authority()[a],
                received,
                raw);
        return new AuthorInfluence(edges.accounts.network(a), edges.accounts.id(a), percentile(raw), components);
    }

    private void collectPost(int e, Set<Integer> posts) {
        if (edges.post[e] >= 0 && EdgeWeights.amplificationWeight(edges.kindOf(e)) > 0) {
            posts.add(edges.post[e]);
        }
    }

    private boolean knownPair(long pair) {
        return Arrays.binarySearch(pairs, pair) >= 0;
    }

    private double pairAmplification(long pair) {
        Double added = newPairAmplification.get(pair);
        if (added != null) {
            return added;
        }
        int known = Arrays.binarySearch(pairs, pair);
        return known >= 0 ? pairAmplification[known] : 0;
    }

    private void setPairAmplification(long pair, double value) {
        newPairAmplification.put(pair, value);
    }

    private void ensureCapacity() {
        if (edgeColumns.amplification().length < edges.size) {
            int capacity = Math.max(16, edges.size * 2);
            edgeColumns = new EdgeColumns(
                    Arrays.copyOf(edgeColumns.rules(), capacity),
                    Arrays.copyOf(edgeColumns.amplification(), capacity),
                    Arrays.copyOf(edgeColumns.authority(), capacity));
        }
        int accounts = edges.accounts.size();
        if (accountColumns.raw().length < accounts) {
            int capacity = Math.max(16, accounts * 2);
            int old = accountColumns.followers().length;
            long[] followers = Arrays.copyOf(accountColumns.followers(), capacity);
            Arrays.fill(followers, old, capacity, -1);
            accountColumns = new AccountColumns(
                    Arrays.copyOf(accountColumns.amplification(), capacity),
                    Arrays.copyOf(accountColumns.authority(), capacity),
                    followers,
                    Arrays.copyOf(accountColumns.raw(), capacity));
        }
    }

    private static int upperBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
