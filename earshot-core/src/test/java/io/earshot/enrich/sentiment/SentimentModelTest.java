package io.earshot.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.enrich.Evaluation;
import io.earshot.enrich.SharedData;
import io.earshot.enrich.TrainingReport;
import io.earshot.enrich.linear.LabelledText;
import io.earshot.enrich.linear.TextClassifier;
import io.earshot.enrich.linear.TextTrainer;
import io.earshot.enrich.text.Lexicon;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped model: how it scores on the held-out tenth, and that its recipe rebuilds it bit for bit. */
class SentimentModelTest {

    private static final Path DATA = SharedData.data("sentiment/semeval-2013-2016-train.tsv");

    @Test
    void shippedModelReachesTheTargetOnTheHeldOutTenth() {
        List<LabelledText> heldOut = SentimentTrainer.heldOut(DATA);
        TextClassifier classifier = new TextClassifier(SentimentModel.shipped().linear(), Lexicon.shipped());
        Evaluation evaluation = TextTrainer.evaluate(classifier, heldOut);
        System.out.print("shipped sentiment model, held-out tenth: " + evaluation.format());
        assertThat(heldOut).hasSize(4960);
        // Measured 0.6803 when the model was trained; the target is 0.65 (VADER 0.57, SVM 0.63).
        assertThat(evaluation.macroRecall()).isGreaterThanOrEqualTo(0.65);
        for (int k = 0; k < 3; k++) {
            assertThat(evaluation.recall(k))
                    .as("recall of %s", evaluation.labels().get(k))
                    .isGreaterThan(0.6);
        }
    }

    @Test
    void theRecipeRebuildsTheShippedModelByteForByte(@TempDir Path dir) throws IOException {
        Path rebuilt = dir.resolve("sentiment-model.bin");
        TrainingReport report = SentimentTrainer.train(DATA, rebuilt, SentimentTrainer.DEFAULT_SEED);
        System.out.print(report.format());
        assertThat(report.trainingExamples()).isEqualTo(44_610);
        assertThat(report.heldOutExamples()).isEqualTo(4_960);
        assertThat(report.heldOut().orElseThrow().macroRecall()).isGreaterThanOrEqualTo(0.65);
        try (InputStream shipped = SentimentModel.class.getResourceAsStream(SentimentModel.RESOURCE)) {
            assertThat(sha256(Files.readAllBytes(rebuilt)))
                    .as("retrain with ShippedModels if the recipe changed on purpose")
                    .isEqualTo(sha256(shipped.readAllBytes()));
        }
    }

    // A digest keeps a failure message short (the models are megabytes).
    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
