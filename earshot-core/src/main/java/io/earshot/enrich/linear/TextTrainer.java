package io.earshot.enrich.linear;

import io.earshot.enrich.Evaluation;
import io.earshot.enrich.text.FeatureSpec;
import io.earshot.enrich.text.FeatureVector;
import io.earshot.enrich.text.Lexicon;
import io.earshot.enrich.text.TextFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Featurises labelled texts, fits a {@link LinearModel} and measures it: the recipe every task shares. */
public final class TextTrainer {

    private TextTrainer() {}

    /** A fitted model and, when evaluation examples were given, how it did on them. */
    public record Fit(LinearModel model, Optional<Evaluation> evaluation) {}

    public static Fit fit(
            String task,
            List<String> labels,
            FeatureSpec spec,
            TrainingOptions options,
            List<LabelledText> training,
            List<LabelledText> evaluation) {
        Lexicon lexicon = Lexicon.shipped();
        TextFeatures features = new TextFeatures(spec, lexicon);
        List<FeatureVector> vectors = new ArrayList<>(training.size());
        int[] classes = classes(labels, training);
        classes(labels, evaluation); // fail on a bad label before the training, not after it
        FeatureVector scratch = features.newVector();
        for (LabelledText example : training) {
            features.extract(example.text(), scratch);
            vectors.add(scratch.copy());
        }
        LinearModel model = LinearTrainer.train(task, labels, spec, lexicon.checksum(), vectors, classes, options);
        if (evaluation.isEmpty()) {
            return new Fit(model, Optional.empty());
        }
        return new Fit(model, Optional.of(evaluate(new TextClassifier(model, lexicon), evaluation)));
    }

    /** Scores a classifier on labelled texts. */
    public static Evaluation evaluate(TextClassifier classifier, List<LabelledText> examples) {
        int[] gold = classes(classifier.labels(), examples);
        int[] predicted = new int[examples.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = TextClassifier.argmax(
                    classifier.probabilities(examples.get(i).text()));
        }
        return Evaluation.of(classifier.labels(), gold, predicted);
    }

    static int[] classes(List<String> labels, List<LabelledText> examples) {
        int[] classes = new int[examples.size()];
        for (int i = 0; i < classes.length; i++) {
            LabelledText example = examples.get(i);
            classes[i] = labels.indexOf(example.label());
            if (classes[i] < 0) {
                throw new IllegalArgumentException("unknown label '" + example.label() + "'"
                        + (example.id().isEmpty() ? "" : " (example " + example.id() + ")") + "; expected one of "
                        + labels);
            }
        }
        return classes;
    }
}
