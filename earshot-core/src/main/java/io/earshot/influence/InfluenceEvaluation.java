package io.earshot.influence;

import io.earshot.domain.InteractionKind;
import io.earshot.domain.Network;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Does influence predict amplification? Scores are computed on the interactions before a split time; they are
 * then compared with the retweets (reposts) each account receives after it, next to two baselines computed on the
 * same interactions: raw reposts received, and distinct accounts that reposted.
 *
 * <p>Precision@100: the share of the 100 accounts reposted most after the split (among every account of the
 * stream) that are among the 100 ranked first. Spearman: the rank correlation, ties averaged, over every account
 * seen before the split.
 */
public final class InfluenceEvaluation {

    private InfluenceEvaluation() {}

    /** A ranking's agreement with what happened. */
    public record Figures(double precisionAt100, double spearman) {}

    /** The score's figures and the two baselines'. */
    public record Result(Figures influence, Figures retweets, Figures amplifiers, int accounts, int trainingEdges) {

        /** The one JSON line {@code earshot eval influence} prints. */
        public String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"precision_at_100\": %.3f, \"spearman\": %.4f, \"baseline_retweets\": {\"precision_at_100\": %.3f,"
                            + " \"spearman\": %.4f}, \"baseline_amplifiers\": {\"precision_at_100\": %.3f,"
                            + " \"spearman\": %.4f}}",
                    influence.precisionAt100,
                    influence.spearman,
                    retweets.precisionAt100,
                    retweets.spearman,
                    amplifiers.precisionAt100,
                    amplifiers.spearman);
        }
    }

    public static Result run(InteractionStream stream, long splitAt, InfluenceSettings settings) {
        EdgeTable training = new EdgeTable();
        for (InteractionStream.Line line : stream.lines()) {
            if (line.at() < splitAt) {
                training.add(Network.BLUESKY, line.from(), line.to(), line.kind(), line.at(), Optional.empty());
            }
        }
        int n = training.accounts.size();
        if (n == 0) {
            throw new IllegalArgumentException("no interaction happened before the split time " + splitAt);
        }
        InfluenceSnapshot snapshot = Scoring.compute(training, new long[0], splitAt, settings);
        double[] score = new double[n];
        double[] retweets = new double[n];
        Map<Long, Boolean> amplifierPairs = new HashMap<>();
        double[] amplifiers = new double[n];
        for (int e = 0; e < training.size; e++) {
            if (training.kindOf(e) == InteractionKind.REPOST) {
                retweets[training.to[e]]++;
                if (amplifierPairs.put(EdgeWeights.pair(training.from[e], training.to[e]), true) == null) {
                    amplifiers[training.to[e]]++;
                }
            }
        }
        for (int a = 0; a < n; a++) {
            score[a] = snapshot.rawScore(a);
        }
        Map<String, Integer> future = new HashMap<>();
        for (InteractionStream.Line line : stream.lines()) {
            if (line.at() >= splitAt && line.kind() == InteractionKind.REPOST) {
                future.merge(line.to(), 1, Integer::sum);
            }
        }
        List<String> trueTop = future.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(100)
                .map(Map.Entry::getKey)
                .toList();
        double[] truth = new double[n];
        for (int a = 0; a < n; a++) {
            truth[a] = future.getOrDefault(training.accounts.id(a), 0);
        }
        return new Result(
                figures(score, truth, trueTop, training.accounts),
                figures(retweets, truth, trueTop, training.accounts),
                figures(amplifiers, truth, trueTop, training.accounts),
                n,
                training.size);
    }

    private static Figures figures(double[] score, double[] truth, List<String> trueTop, Accounts accounts) {
        List<String> top = IntStream.range(0, score.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer a) -> -score[a]).thenComparing(accounts::id))
                .limit(100)
                .map(accounts::id)
                .toList();
        long hits = top.stream().filter(trueTop::contains).count();
        return new Figures(hits / 100.0, spearman(score, truth));
    }

    /** Spearman's rank correlation, tied values sharing their average rank. */
    static double spearman(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = Arrays.stream(rx).average().orElse(0);
        double my = Arrays.stream(ry).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    private static double[] ranks(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }
}
