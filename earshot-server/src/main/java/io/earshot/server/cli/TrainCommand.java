package io.earshot.server.cli;

import io.earshot.embedded.state.SqliteSentimentCorrections;
import io.earshot.enrich.TrainingReport;
import io.earshot.enrich.emotion.EmotionTrainer;
import io.earshot.enrich.linear.LabelledText;
import io.earshot.enrich.sentiment.SentimentTrainer;
import io.earshot.ingest.SentimentCorrections;
import io.earshot.server.EarshotConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code earshot train sentiment|emotion}: train the models with Earshot's own training code, reproducibly
 * from a seed; {@code --corrections} adds the corrections people made in the data folder.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train the sentiment or emotion model.",
        subcommands = {TrainCommand.Sentiment.class, TrainCommand.Emotion.class})
final class TrainCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "sentiment",
            mixinStandardHelpOptions = true,
            description =
                    "Train the sentiment model on a TSV (id, label, text; header) and report macro-recall on a held-out split.")
    static final class Sentiment implements Callable<Integer> {
        @Option(
                names = "--data",
                paramLabel = "FILE.tsv",
                required = true,
                description = "Labelled tweets, e.g. ../shared/data/sentiment/semeval-2013-2016-train.tsv")
        private Path data;

        @Option(names = "--out", paramLabel = "MODEL", required = true, description = "Where to write the model.")
        private Path out;

        @Option(
                names = "--seed",
                defaultValue = "" + SentimentTrainer.DEFAULT_SEED,
                description = "Seed (default: the one the shipped model was trained with).")
        private long seed;

        @Option(
                names = "--corrections",
                description = "Also train on the sentiment corrections stored in the data folder.")
        private boolean withCorrections;

        @Option(
                names = "--data-dir",
                paramLabel = "DIR",
                description = "Data folder holding the corrections (default: $EARSHOT_DATA or ./earshot-data).")
        private Path dataDir;

        @Override
        public Integer call() {
            requireFile(data);
            List<LabelledText> corrections = withCorrections
                    ? corrections(Optional.ofNullable(dataDir)
                            .orElseGet(() -> EarshotConfig.fromEnvironment(System.getenv())
                                    .dataDir()))
                    : List.of();
            TrainingReport report = SentimentTrainer.train(data, out, seed, corrections);
            System.out.print(report.format());
            return 0;
        }
    }

    @Command(
            name = "emotion",
            mixinStandardHelpOptions = true,
            description =
                    "Train the emotion model on a TSV (label, text; header), measured by macro-F1 on --validation.")
    static final class Emotion implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "TRAIN.tsv", required = true)
        private Path data;

        @Option(names = "--validation", paramLabel = "VAL.tsv")
        private Path validation;

        @Option(names = "--out", paramLabel = "MODEL", required = true)
        private Path out;

        @Option(names = "--seed", defaultValue = "" + EmotionTrainer.DEFAULT_SEED)
        private long seed;

        @Override
        public Integer call() {
            requireFile(data);
            TrainingReport report = EmotionTrainer.train(data, Optional.ofNullable(validation), out, seed, List.of());
            System.out.print(report.format());
            return 0;
        }
    }

    private static List<LabelledText> corrections(Path dataDir) {
        if (!Files.isRegularFile(dataDir.resolve("state.db"))) {
            throw new IllegalArgumentException("no Earshot data in " + dataDir.toAbsolutePath() + " (use --data-dir)");
        }
        try (SqliteSentimentCorrections corrections = SqliteSentimentCorrections.open(dataDir, Clock.systemUTC())) {
            return corrections.all().stream()
                    .map((SentimentCorrections.Correction c) ->
                            new LabelledText(c.key().id(), c.label().id(), c.text()))
                    .toList();
        }
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
    }
}
