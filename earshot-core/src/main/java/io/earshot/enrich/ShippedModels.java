package io.earshot.enrich;

import io.earshot.enrich.emotion.EmotionTrainer;
import io.earshot.enrich.sentiment.SentimentTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds the models that ship in this module's resources, byte for byte, from the shared data:
 *
 * <pre>
 * java -cp earshot-core/target/classes io.earshot.enrich.ShippedModels ../shared/data earshot-core/src/main/resources
 * </pre>
 *
 * and prints each training report. {@code git diff} afterwards shows whether anything changed.
 */
public final class ShippedModels {

    private ShippedModels() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ShippedModels SHARED_DATA_DIR RESOURCES_DIR");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path resources = Path.of(args[1]);
        TrainingReport sentiment = SentimentTrainer.train(
                data.resolve("sentiment/semeval-2013-2016-train.tsv"),
                resources.resolve("io/earshot/enrich/sentiment/sentiment-model.bin"),
                SentimentTrainer.DEFAULT_SEED,
                List.of());
        System.out.print(sentiment.format());
        TrainingReport emotion = EmotionTrainer.train(
                data.resolve("emotion/tweeteval-emotion-train.tsv"),
                Optional.of(data.resolve("emotion/tweeteval-emotion-val.tsv")),
                resources.resolve("io/earshot/enrich/emotion/emotion-model.bin"),
                EmotionTrainer.DEFAULT_SEED,
                List.of());
        System.out.print(emotion.format());
    }
}
