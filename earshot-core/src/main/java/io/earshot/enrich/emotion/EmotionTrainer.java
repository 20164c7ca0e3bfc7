package io.earshot.enrich.emotion;

import io.earshot.enrich.TrainingReport;
import io.earshot.enrich.linear.LabelledFiles;
import io.earshot.enrich.linear.LabelledText;
import io.earshot.enrich.linear.TextTrainer;
import io.earshot.enrich.linear.TrainingOptions;
import io.earshot.enrich.text.FeatureSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Trains the emotion model: the recipe behind {@code earshot train emotion} and behind the shipped
 * model. TweetEval ships its own validation file, so nothing is held out of the training file: the model
 * is measured (macro-F1) on the validation file when one is given. The same inputs and seed give a model
 * file with the same bytes.
 */
public final class EmotionTrainer {

    /** The seed of the shipped model. */
    public static final long DEFAULT_SEED = 20180605L;

    /** Features of the shipped model (chosen by 5-fold cross-validation on the training file). */
    public static final FeatureSpec FEATURES = new FeatureSpec(16, 3, 5, true, 2_000);

    /** Optimiser settings of the shipped model (chosen the same way). */
    public static final TrainingOptions OPTIONS = new TrainingOptions(10, 0.1f, 0f, 1f, DEFAULT_SEED);

    private EmotionTrainer() {}

    /**
     * Trains on {@code trainTsv} ({@code label<TAB>text} with a header) plus {@code corrections}, writes
     * the model to {@code modelOut}, and measures it on {@code validationTsv} when present.
     */
    public static TrainingReport train(
            Path trainTsv, Optional<Path> validationTsv, Path modelOut, long seed, List<LabelledText> corrections) {
        long started = System.nanoTime();
        List<LabelledText> training = new ArrayList<>(LabelledFiles.read(trainTsv));
        for (LabelledText correction : corrections) {
            training.add(new LabelledText(
                    correction.id(), EmotionLabel.fromId(correction.label()).id(), correction.text()));
        }
        List<LabelledText> validation = validationTsv.map(LabelledFiles::read).orElse(List.of());
        TextTrainer.Fit fit = TextTrainer.fit(
                EmotionModel.TASK, EmotionModel.LABELS, FEATURES, OPTIONS.withSeed(seed), training, validation);
        long bytes = fit.model().save(modelOut);
        return new TrainingReport(
                EmotionModel.TASK,
                seed,
                training.size(),
                corrections.size(),
                validation.size(),
                fit.evaluation(),
                modelOut,
                bytes,
                (System.nanoTime() - started) / 1e9);
    }
}
