package io.earshot.server.cli;

import io.earshot.influence.InfluenceEvaluation;
import io.earshot.influence.InfluenceSettings;
import io.earshot.influence.InteractionStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code earshot eval influence --graph FILE --split-at TS}: scores the accounts on the interactions before
 * {@code TS} and prints, as one JSON line, how well they rank who is reposted most after it, next to two baselines.
 */
@Command(
        name = "influence",
        mixinStandardHelpOptions = true,
        description = "Does influence predict amplification? Precision@100 and Spearman against two baselines.")
final class EvalInfluenceCommand implements Callable<Integer> {

    @Mixin
    private GraphOption graph;

    @Option(
            names = "--split-at",
            paramLabel = "TS",
            required = true,
            description = "Unix seconds: scores use the interactions before, the truth is the reposts after.")
    private long splitAt;

    @Option(
            names = "--half-life",
            paramLabel = "DURATION",
            defaultValue = "PT2H",
            description = "Recency half-life, ISO-8601 (default PT2H: the Higgs week is one news event).")
    private Duration halfLife;

    @Override
    public Integer call() {
        InteractionStream stream = InteractionStream.read(graph.file);
        InfluenceSettings settings = InfluenceSettings.DEFAULT.withHalfLife(halfLife);
        System.out.println(InfluenceEvaluation.run(stream, splitAt, settings).json());
        return 0;
    }
}
