package io.earshot.enrich.linear;

import io.earshot.enrich.text.FeatureVector;
import io.earshot.enrich.text.Lexicon;
import io.earshot.enrich.text.TextFeatures;
import io.earshot.enrich.text.Token;
import io.earshot.enrich.text.Tokenizer;
import java.util.List;

/**
 * A {@link LinearModel} with the feature extractor it was trained with: text in, class probabilities out.
 * Thread-safe: each thread uses its own scratch vector.
 */
public final class TextClassifier {

    private final LinearModel model;
    private final TextFeatures features;
    // A feature vector is a few kilobytes of scratch: one per thread instead of one per call.
    private final ThreadLocal<FeatureVector> scratch;

    public TextClassifier(LinearModel model, Lexicon lexicon) {
        if (model.lexiconChecksum() != lexicon.checksum()) {
            throw new ModelFormatException("the " + model.task() + " model was trained with another lexicon"
                    + " (checksum " + Long.toHexString(model.lexiconChecksum()) + ", this build ships "
                    + Long.toHexString(lexicon.checksum()) + "); retrain it with 'earshot train'");
        }
        this.model = model;
        this.features = new TextFeatures(model.spec(), lexicon);
        this.scratch = ThreadLocal.withInitial(features::newVector);
    }

    public LinearModel model() {
        return model;
    }

    public List<String> labels() {
        return model.labels();
    }

    /** The probability of each of {@link #labels()}, in order. */
    public float[] probabilities(String text) {
        FeatureVector vector = scratch.get();
        features.extract(text, vector);
        float[] out = new float[model.labels().size()];
        model.probabilities(vector, out);
        return out;
    }

    /** The probability of each label for text already tokenized by {@link Tokenizer#shipped()}. */
    public float[] probabilities(List<Token> tokens) {
        FeatureVector vector = scratch.get();
        features.extract(tokens, vector);
        float[] out = new float[model.labels().size()];
        model.probabilities(vector, out);
        return out;
    }

    /** How many characters of a text the model reads. */
    public int maxChars() {
        return model.spec().maxChars();
    }

    /** The index of the largest probability (the first one on ties). */
    public static int argmax(float[] probabilities) {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return best;
    }
}
