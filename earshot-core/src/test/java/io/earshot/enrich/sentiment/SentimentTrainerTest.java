package io.earshot.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.enrich.SharedData;
import io.earshot.enrich.TrainingReport;
import io.earshot.enrich.linear.LabelledText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on a small slice of the data: determinism, corrections, and clear errors. */
class SentimentTrainerTest {

    @TempDir
    static Path dir;

    static Path slice;

    @BeforeAll
    static void writeSlice() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.data("sentiment/semeval-2013-2016-train.tsv"));
        slice = dir.resolve("slice.tsv");
        Files.write(slice, lines.subList(0, 3_001), StandardCharsets.UTF_8);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedAnotherModel() throws IOException {
        Path first = dir.resolve("first.bin");
        Path second = dir.resolve("second.bin");
        Path other = dir.resolve("other.bin");
        TrainingReport report = SentimentTrainer.train(slice, first, 7L);
        SentimentTrainer.train(slice, second, 7L);
        SentimentTrainer.train(slice, other, 8L);
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        assertThat(Files.readAllBytes(first)).isNotEqualTo(Files.readAllBytes(other));
        assertThat(report.trainingExamples() + report.heldOutExamples()).isEqualTo(3_000);
        assertThat(report.heldOutExamples()).isBetween(240, 360);
        assertThat(report.modelBytes()).isEqualTo(Files.size(first)).isLessThan(5_000_000);
        assertThat(report.format()).contains("macro-recall");
    }

    @Test
    void correctionsAreLearnedAndNeverHeldOut() {
        Path model = dir.resolve("corrected.bin");
        // A made-up product name the data has never seen, corrected to negative by a person, many times over.
        List<LabelledText> corrections =
                new ArrayList<>(Collections.nCopies(40, LabelledText.of("negative", "the zorblax update again")));
        corrections.add(LabelledText.of("Negative", "zorblax"));
        TrainingReport report = SentimentTrainer.train(slice, model, 7L, corrections);
        assertThat(report.corrections()).isEqualTo(41);
        TrainingReport without = SentimentTrainer.train(slice, dir.resolve("plain.bin"), 7L);
        assertThat(report.trainingExamples()).isEqualTo(without.trainingExamples() + 41);
        assertThat(report.heldOutExamples()).isEqualTo(without.heldOutExamples());
        SentimentClassifier corrected = new SentimentClassifier(SentimentModel.load(model));
        assertThat(corrected.classify("zorblax").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void rejectsUnknownLabelsAndFilesWithoutAHeader() throws IOException {
        assertThatThrownBy(() -> SentimentTrainer.train(
                        slice, dir.resolve("x.bin"), 1L, List.of(LabelledText.of("furious", "text"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("furious");
        Path headless = dir.resolve("headless.tsv");
        Files.writeString(headless, "positive\tgreat\n");
        assertThatThrownBy(() -> SentimentTrainer.train(headless, dir.resolve("y.bin"), 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header");
        Path badLabel = dir.resolve("bad-label.tsv");
        Files.writeString(badLabel, "label\ttext\n" + "positive\tgreat\n".repeat(20) + "meh\tok\n");
        assertThatThrownBy(() -> SentimentTrainer.train(badLabel, dir.resolve("z.bin"), 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown label 'meh'");
    }
}
