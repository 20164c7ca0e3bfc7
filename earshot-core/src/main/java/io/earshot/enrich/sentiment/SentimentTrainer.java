package io.earshot.enrich.sentiment;

import io.earshot.enrich.TrainingReport;
import io.earshot.enrich.linear.HeldOut;
import io.earshot.enrich.linear.LabelledFiles;
import io.earshot.enrich.linear.LabelledText;
import io.earshot.enrich.linear.TextTrainer;
import io.earshot.enrich.linear.TrainingOptions;
import io.earshot.enrich.text.FeatureSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the sentiment model: the recipe behind {@code earshot train sentiment --data FILE.tsv --out MODEL}
 * and behind the shipped model.
 *
 * <p>The file is tab-separated with a header ({@code id label text} or {@code label text}); labels are
 * positive/neutral/negative. One tenth of it is held out by {@link HeldOut}'s rule and measured;
 * corrections people made are always trained on, never held out. The same file, corrections and seed give
 * a model file with the same bytes.
 */
public final class SentimentTrainer {

    /** The seed of the shipped model. */
    public static final long DEFAULT_SEED = 20130614L;

    /** Features of the shipped model (chosen on a development split of the training part; see docs). */
    public static final FeatureSpec FEATURES = new FeatureSpec(19, 3, 5, true, 2_000);

    /** Optimiser settings of the shipped model. */
    public static final TrainingOptions OPTIONS = new TrainingOptions(4, 0.1f, 0f, 1f, DEFAULT_SEED);

    private SentimentTrainer() {}

    /** Trains on {@code tsv} alone. */
    public static TrainingReport train(Path tsv, Path modelOut, long seed) {
        return train(tsv, modelOut, seed, List.of());
    }

    /**
     * Trains on {@code tsv} plus {@code corrections} (labels people set on mentions), writes the model to
     * {@code modelOut} and reports its macro-recall on the held-out tenth of {@code tsv}.
     */
    public static TrainingReport train(Path tsv, Path modelOut, long seed, List<LabelledText> corrections) {
        long started = System.nanoTime();
        List<LabelledText> rows = LabelledFiles.read(tsv);
        List<LabelledText> training = new ArrayList<>();
        List<LabelledText> heldOut = new ArrayList<>();
        for (LabelledText row : rows) {
            (HeldOut.contains(row) ? heldOut : training).add(row);
        }
        for (LabelledText correction : corrections) {
            training.add(new LabelledText(
                    correction.id(), SentimentLabel.fromId(correction.label()).id(), correction.text()));
        }
        TextTrainer.Fit fit = TextTrainer.fit(
                SentimentModel.TASK, SentimentModel.LABELS, FEATURES, OPTIONS.withSeed(seed), training, heldOut);
        long bytes = fit.model().save(modelOut);
        return new TrainingReport(
                SentimentModel.TASK,
                seed,
                training.size(),
                corrections.size(),
                heldOut.size(),
                fit.evaluation(),
                modelOut,
                bytes,
                (System.nanoTime() - started) / 1e9);
    }

    /** The examples of {@code tsv} that {@link #train} holds out, for measuring a model later. */
    public static List<LabelledText> heldOut(Path tsv) {
        return LabelledFiles.read(tsv).stream().filter(HeldOut::contains).toList();
    }
}
