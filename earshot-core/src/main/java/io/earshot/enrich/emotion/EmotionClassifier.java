package io.earshot.enrich.emotion;

import io.earshot.enrich.linear.TextClassifier;
import io.earshot.enrich.text.Lexicon;
import io.earshot.enrich.text.Token;
import io.earshot.enrich.text.Tokenizer;
import java.util.List;
import java.util.Optional;

/**
 * Classifies the emotion of a text among anger, joy, optimism and sadness. {@link #classify} always
 * answers with the most likely of the four (what {@code earshot classify --task emotion} prints);
 * {@link #detect} answers only when the model is confident, because most posts (news, questions, links)
 * carry none of the four and a forced label would mislead. Thread-safe; build one and share it.
 */
public final class EmotionClassifier {

    /**
     * The default confidence below which {@link #detect} stays silent: on the TweetEval validation set,
     * emotions above it are right about 4 times in 5 (see docs/enrichment.md).
     */
    public static final double DEFAULT_THRESHOLD = 0.6;

    private static final EmotionLabel[] LABELS = EmotionLabel.values();

    private final TextClassifier classifier;
    private final double threshold;

    public EmotionClassifier(EmotionModel model, double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the emotion threshold is a probability within 0..1, got " + threshold);
        }
        this.classifier = new TextClassifier(model.linear(), Lexicon.shipped());
        this.threshold = threshold;
    }

    /** The shipped model with {@link #DEFAULT_THRESHOLD}. */
    public static EmotionClassifier shipped() {
        return new EmotionClassifier(EmotionModel.shipped(), DEFAULT_THRESHOLD);
    }

    public double threshold() {
        return threshold;
    }

    /** The most likely emotion, however unsure. */
    public Emotion classify(String text) {
        float[] probabilities = classifier.probabilities(text);
        int best = TextClassifier.argmax(probabilities);
        return new Emotion(LABELS[best], probabilities[best]);
    }

    /** The most likely emotion when its probability reaches the threshold, else empty. */
    public Optional<Emotion> detect(String text) {
        Emotion emotion = classify(text);
        return emotion.score() >= threshold ? Optional.of(emotion) : Optional.empty();
    }

    /**
     * {@link #detect(String)} for text already split by {@link Tokenizer#shipped()} (reading at least
     * {@link #maxChars()} characters).
     */
    public Optional<Emotion> detect(List<Token> tokens) {
        float[] probabilities = classifier.probabilities(tokens);
        int best = TextClassifier.argmax(probabilities);
        return probabilities[best] >= threshold
                ? Optional.of(new Emotion(LABELS[best], probabilities[best]))
                : Optional.empty();
    }

    /** How many characters of a text the model reads. */
    public int maxChars() {
        return classifier.maxChars();
    }

    /** The probability of each label, indexed by {@link EmotionLabel#ordinal()}. */
    public float[] probabilities(String text) {
        return classifier.probabilities(text);
    }
}
