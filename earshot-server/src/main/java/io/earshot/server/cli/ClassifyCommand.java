package io.earshot.server.cli;

import io.earshot.enrich.emotion.Emotion;
import io.earshot.enrich.emotion.EmotionClassifier;
import io.earshot.enrich.sentiment.Sentiment;
import io.earshot.enrich.sentiment.SentimentClassifier;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code earshot classify [--task sentiment|emotion]}: one post per line on stdin, {@code label<TAB>score}
 * per line on stdout, in order, streaming (constant memory, whatever the input size). Every input line
 * gets an output line, empty and undecodable ones included.
 */
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        description = "Classify posts read from stdin, one per line; print label<TAB>score per line.")
final class ClassifyCommand implements Callable<Integer> {

    @Option(names = "--task", defaultValue = "sentiment", description = "sentiment (default) or emotion.")
    private String task;

    @Override
    public Integer call() throws IOException {
        Function<String, String> classifier = classifier(task);
        BufferedReader in = new BufferedReader(
                new InputStreamReader(
                        System.in,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE)),
                1 << 16);
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        String line;
        while ((line = in.readLine()) != null) {
            out.write(classifier.apply(line));
            out.write('\n');
        }
        out.flush();
        return 0;
    }

    static Function<String, String> classifier(String task) {
        return switch (task.toLowerCase(Locale.ROOT)) {
            case "sentiment" -> {
                SentimentClassifier sentiment = SentimentClassifier.shipped();
                yield text -> {
                    Sentiment result = sentiment.classify(text);
                    return result.label().id() + "\t" + String.format(Locale.ROOT, "%.4f", result.score());
                };
            }
            case "emotion" -> {
                EmotionClassifier emotion = EmotionClassifier.shipped();
                yield text -> {
                    Emotion result = emotion.classify(text);
                    return result.label().id() + "\t" + String.format(Locale.ROOT, "%.4f", result.score());
                };
            }
            default -> throw new IllegalArgumentException("unknown task '" + task + "'; use sentiment or emotion");
        };
    }
}
