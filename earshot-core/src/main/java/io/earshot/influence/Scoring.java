package io.earshot.influence;

import java.util.Arrays;

/**
 * A full computation of every account's influence from an {@link EdgeTable}: amplification, network authority,
 * reach, the combined raw score and its percentile. Linear in the edges but for sorting (reciprocity, bursts, the
 * per-pair cap) and a fixed number of PageRank passes over the (from, to) pairs.
 */
final class Scoring {

    static final int PAGE_RANK_PASSES = 30;

    private Scoring() {}

    /**
     * Scores every account of {@code edges} as of {@code now} (epoch seconds).
     *
     * @param followers audience per account number, {@code -1} where unknown (may be shorter than the accounts)
     */
    static InfluenceSnapshot compute(EdgeTable edges, long[] followers, long now, InfluenceSettings settings) {
        int accounts = edges.accounts.size();
        int m = edges.size;
        int[] rules = new int[Math.max(m, 1)];
        double[] factor = EdgeWeights.ruleFactors(edges, accounts, settings, rules);
        double[] edgeAmplification = new double[m];
        double[] edgeAuthority = new double[m];
        for (int e = 0; e < m; e++) {
            double weight = factor[e] * EdgeWeights.recency(edges.at[e], now, settings);
            edgeAmplification[e] = weight * EdgeWeights.amplificationWeight(edges.kindOf(e));
            edgeAuthority[e] = weight * EdgeWeights.authorityWeight(edges.kindOf(e));
        }
        long[] pairs = pairs(edges);
        int[] pairOf = new int[m];
        double[] pairAmplification = new double[pairs.length];
        double[] pairAuthority = new double[pairs.length];
        for (int e = 0; e < m; e++) {
            pairOf[e] = Arrays.binarySearch(pairs, EdgeWeights.pair(edges.from[e], edges.to[e]));
            pairAmplification[pairOf[e]] += edgeAmplification[e];
            pairAuthority[pairOf[e]] += edgeAuthority[e];
        }
        double cap = settings.perSourceCap();
        double[] amplification = new double[accounts];
        for (int e = 0; e < m; e++) {
            double pairSum = pairAmplification[pairOf[e]];
            if (pairSum > cap) {
                edgeAmplification[e] *= cap / pairSum;
                rules[e] |= Rule.SOURCE_CAP.bit();
            }
            amplification[edges.to[e]] += edgeAmplification[e];
        }
        for (int p = 0; p < pairs.length; p++) {
            pairAuthority[p] = Math.min(pairAuthority[p], cap);
        }
        double[] authority = pageRank(pairs, pairAuthority, edges, accounts, settings.damping());
        long[] audience = Arrays.copyOf(followers, accounts);
        for (int a = followers.length; a < accounts; a++) {
            audience[a] = -1;
        }
        double[] raw = new double[accounts];
        for (int a = 0; a < accounts; a++) {
            raw[a] = raw(amplification[a], authority[a], audience[a], settings);
        }
        return new InfluenceSnapshot(
                edges,
                settings,
                now,
                new InfluenceSnapshot.EdgeColumns(rules, toFloats(edgeAmplification), toFloats(edgeAuthority)),
                new InfluenceSnapshot.AccountColumns(amplification, authority, audience, raw),
                pairs,
                pairAmplification);
    }

    /** The combined score before it becomes a percentile. */
    static double raw(double amplification, double authority, long followers, InfluenceSettings settings) {
        double amplified =
                Math.log1p(amplification) * (1 + settings.authorityBoost() * Math.log(Math.max(1, authority)));
        double reach = followers > 0 ? settings.reachWeight() * Math.log10(1 + followers) : 0;
        return amplified + reach;
    }

    /** Sorted distinct (from, to) pairs of the edges. */
    static long[] pairs(EdgeTable edges) {
        long[] pairs = new long[edges.size];
        for (int e = 0; e < edges.size; e++) {
            pairs[e] = EdgeWeights.pair(edges.from[e], edges.to[e]);
        }
        Arrays.sort(pairs);
        int n = 0;
        for (int i = 0; i < pairs.length; i++) {
            if (i == 0 || pairs[i] != pairs[i - 1]) {
                pairs[n++] = pairs[i];
            }
        }
        return Arrays.copyOf(pairs, n);
    }

    /**
     * Weighted PageRank over the pairs (sorted by source), normalised so that 1 is the score of an average account
     * of the graph: above 1, the account is vouched for by more (or more authoritative) accounts than average.
     * Accounts with no edge at all in this graph keep 0.
     */
    static double[] pageRank(long[] pairs, double[] weight, EdgeTable edges, int accounts, double damping) {
        boolean[] present = new boolean[accounts];
        for (int e = 0; e < edges.size; e++) {
            present[edges.from[e]] = true;
            present[edges.to[e]] = true;
        }
        int n = 0;
        for (boolean p : present) {
            n += p ? 1 : 0;
        }
        double[] out = new double[accounts];
        for (int p = 0; p < pairs.length; p++) {
            out[(int) (pairs[p] >>> 32)] += weight[p];
        }
        double[] rank = new double[accounts];
        if (n == 0) {
            return rank;
        }
        for (int a = 0; a < accounts; a++) {
            rank[a] = present[a] ? 1.0 / n : 0;
        }
        double[] next = new double[accounts];
        for (int pass = 0; pass < PAGE_RANK_PASSES; pass++) {
            double dangling = 0;
            for (int a = 0; a < accounts; a++) {
                if (present[a] && out[a] <= 0) {
                    dangling += rank[a];
                }
            }
            double base = (1 - damping + damping * dangling) / n;
            for (int a = 0; a < accounts; a++) {
                next[a] = present[a] ? base : 0;
            }
            for (int p = 0; p < pairs.length; p++) {
                int from = (int) (pairs[p] >>> 32);
                if (weight[p] > 0) {
                    next[(int) pairs[p]] += damping * rank[from] * weight[p] / out[from];
                }
            }
            double[] swap = rank;
            rank = next;
            next = swap;
        }
        for (int a = 0; a < accounts; a++) {
            rank[a] *= n;
        }
        return rank;
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}
