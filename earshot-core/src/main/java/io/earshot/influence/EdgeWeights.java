package io.earshot.influence;

import io.earshot.domain.InteractionKind;
import java.util.Arrays;

/**
 * The weight of each edge before it is summed into a score: its kind, its age and the anti-gaming rules that
 * apply to it ({@link Rule}). Pure arithmetic over an {@link EdgeTable}, so each rule can be tested on a graph of
 * a few edges.
 */
final class EdgeWeights {

    private static final long HOUR = 3600;
    private static final long DAY = 86_400;

    private EdgeWeights() {}

    /**
     * How much an interaction amplifies the account acted upon: reposts and quotes. Replies count in network
     * authority, not here: on the Higgs stream, counting them (even at a quarter) made the ranking of who is
     * reposted next worse (Spearman 0.372 to 0.365; docs/influence.md).
     */
    static double amplificationWeight(InteractionKind kind) {
        return switch (kind) {
            case REPOST, QUOTE -> 1.0;
            case LIKE, REPLY, MENTION, FOLLOW, BLOCK -> 0.0;
        };
    }

    /** How much an interaction vouches for the account acted upon in network authority. */
    static double authorityWeight(InteractionKind kind) {
        return switch (kind) {
            case REPOST, QUOTE -> 1.0;
            case REPLY, FOLLOW -> 0.5;
            case MENTION -> 0.25;
            case LIKE, BLOCK -> 0.0;
        };
    }

    /** {@code lastingShare + (1 - lastingShare) × 2^(-age / halfLife)}; an edge from the future is new. */
    static double recency(long at, long now, InfluenceSettings settings) {
        double age = Math.max(0, now - at);
        double halfLife = settings.halfLife().toSeconds();
        return settings.lastingShare() + (1 - settings.lastingShare()) * Math.pow(0.5, age / halfLife);
    }

    /**
     * The factor each per-edge rule leaves of an edge's weight (1 when none applies), and in {@code rules} the bits
     * of the rules that applied. {@link Rule#SOURCE_CAP} is applied later, when edges are summed per pair.
     */
    static double[] ruleFactors(EdgeTable edges, int accounts, InfluenceSettings settings, int[] rules) {
        int m = edges.size;
        double[] factor = new double[m];
        Arrays.fill(factor, 1.0);
        long[] amplifyingPairs = amplifyingPairs(edges);
        long[] bursts = burstKeys(edges);
        double[] rate = actionsPerDay(edges, accounts);
        for (int e = 0; e < m; e++) {
            int from = edges.from[e];
            int to = edges.to[e];
            if (from == to) {
                factor[e] = 0;
                rules[e] |= Rule.SELF.bit();
                continue;
            }
            if (amplifies(edges.kind[e]) && Arrays.binarySearch(amplifyingPairs, pair(to, from)) >= 0) {
                factor[e] *= settings.reciprocalDiscount();
                rules[e] |= Rule.RECIPROCAL.bit();
            }
            if (amplificationWeight(edges.kindOf(e)) > 0) {
                int inHour = count(bursts, burstKey(to, edges.at[e]));
                if (inHour > settings.burstPerHour()) {
                    double limit = settings.burstPerHour();
                    factor[e] *= limit * (1 + Math.log(inHour / limit)) / inHour;
                    rules[e] |= Rule.BURST.bit();
                }
            }
            if (rate[from] > settings.highFrequencyPerDay()) {
                factor[e] *= settings.highFrequencyPerDay() / rate[from];
                rules[e] |= Rule.HIGH_FREQUENCY.bit();
            }
        }
        return factor;
    }

    static long pair(int from, int to) {
        return ((long) from << 32) | (to & 0xFFFFFFFFL);
    }

    static boolean amplifies(byte kind) {
        InteractionKind what = EdgeTable.KINDS[kind];
        return what == InteractionKind.REPOST || what == InteractionKind.QUOTE;
    }

    /** Sorted (from, to) pairs of reposts and quotes. */
    private static long[] amplifyingPairs(EdgeTable edges) {
        long[] pairs = new long[edges.size];
        int n = 0;
        for (int e = 0; e < edges.size; e++) {
            if (amplifies(edges.kind[e])) {
                pairs[n++] = pair(edges.from[e], edges.to[e]);
            }
        }
        pairs = Arrays.copyOf(pairs, n);
        Arrays.sort(pairs);
        return pairs;
    }

    private static long burstKey(int to, long at) {
        return pair(to, (int) Math.floorDiv(at, HOUR));
    }

    /** Sorted (account, hour) keys, one per amplification received in that hour. */
    private static long[] burstKeys(EdgeTable edges) {
        long[] keys = new long[edges.size];
        int n = 0;
        for (int e = 0; e < edges.size; e++) {
            if (amplificationWeight(edges.kindOf(e)) > 0 && edges.from[e] != edges.to[e]) {
                keys[n++] = burstKey(edges.to[e], edges.at[e]);
            }
        }
        keys = Arrays.copyOf(keys, n);
        Arrays.sort(keys);
        return keys;
    }

    /** How many times {@code key} occurs in the sorted {@code keys}. */
    static int count(long[] keys, long key) {
        return lowerBound(keys, key + 1) - lowerBound(keys, key);
    }

    private static int lowerBound(long[] keys, long key) {
        int low = 0;
        int high = keys.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (keys[middle] < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Each account's interactions per day over the span of the graph (at least one day). */
    private static double[] actionsPerDay(EdgeTable edges, int accounts) {
        double[] rate = new double[accounts];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int e = 0; e < edges.size; e++) {
            if (edges.from[e] != edges.to[e]) {
                rate[edges.from[e]]++;
            }
            first = Math.min(first, edges.at[e]);
            last = Math.max(last, edges.at[e]);
        }
        double days = edges.size == 0 ? 1 : Math.max(1.0, (double) (last - first) / DAY);
        for (int a = 0; a < accounts; a++) {
            rate[a] /= days;
        }
        return rate;
    }
}
