package io.earshot.server.cli;

import io.earshot.enrich.Evaluation;
import io.earshot.enrich.emotion.EmotionLabel;
import io.earshot.enrich.linear.LabelledFiles;
import io.earshot.enrich.linear.LabelledText;
import io.earshot.enrich.sentiment.SentimentLabel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code earshot eval --task sentiment|emotion FILE.tsv}: the shipped model against labelled data (a header
 * line, then {@code label<TAB>text}): macro-recall, macro-F1, accuracy, per-class figures, confusion matrix.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description =
                "Evaluate the sentiment or emotion model on labelled data, or influence scoring (eval influence).",
        subcommands = EvalInfluenceCommand.class)
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--task", defaultValue = "sentiment", description = "sentiment (default) or emotion.")
    private String task;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.tsv")
    private Path file;

    @Override
    public Integer call() {
        if (file == null) {
            throw new IllegalArgumentException("name the labelled file: earshot eval --task sentiment FILE.tsv");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        List<String> labels = switch (task.toLowerCase(Locale.ROOT)) {
            case "sentiment" ->
                Arrays.stream(SentimentLabel.values()).map(SentimentLabel::id).toList();
            case "emotion" ->
                Arrays.stream(EmotionLabel.values()).map(EmotionLabel::id).toList();
            default -> throw new IllegalArgumentException("unknown task '" + task + "'; use sentiment or emotion");
        };
        Function<String, String> classifier = ClassifyCommand.classifier(task);
        List<LabelledText> rows = LabelledFiles.read(file);
        int[] gold = new int[rows.size()];
        int[] predicted = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            LabelledText row = rows.get(i);
            gold[i] = labels.indexOf(row.label());
            if (gold[i] < 0) {
                throw new IllegalArgumentException(
                        file + ": row " + (i + 1) + " has label '" + row.label() + "'; expected one of " + labels);
            }
            String label = classifier.apply(row.text());
            predicted[i] = labels.indexOf(label.substring(0, label.indexOf('\t')));
        }
        System.out.print(Evaluation.of(labels, gold, predicted).format());
        return 0;
    }
}
