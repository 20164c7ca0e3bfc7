package io.earshot.enrich.sentiment;

import io.earshot.enrich.linear.TextClassifier;
import io.earshot.enrich.text.Lexicon;
import io.earshot.enrich.text.Token;
import io.earshot.enrich.text.Tokenizer;
import java.util.List;

/**
 * Classifies the sentiment of a text. Thread-safe and allocation-light; build one and share it.
 *
 * <pre>{@code
 * SentimentClassifier classifier = SentimentClassifier.shipped();
 * Sentiment s = classifier.classify("not good at all :(");   // negative, 0.9…
 * }</pre>
 */
public final class SentimentClassifier {

    private static final SentimentLabel[] LABELS = SentimentLabel.values();

    private final TextClassifier classifier;

    public SentimentClassifier(SentimentModel model) {
        this.classifier = new TextClassifier(model.linear(), Lexicon.shipped());
    }

    /** A classifier with the model that ships with Earshot. */
    public static SentimentClassifier shipped() {
        return new SentimentClassifier(SentimentModel.shipped());
    }

    /** The most likely sentiment and its probability. Any text, including empty text, gets an answer. */
    public Sentiment classify(String text) {
        float[] probabilities = classifier.probabilities(text);
        int best = TextClassifier.argmax(probabilities);
        return new Sentiment(LABELS[best], probabilities[best]);
    }

    /**
     * The sentiment of text already split by {@link Tokenizer#shipped()} (reading at least
     * {@link #maxChars()} characters), for callers that run several models on one tokenization.
     */
    public Sentiment classify(List<Token> tokens) {
        float[] probabilities = classifier.probabilities(tokens);
        int best = TextClassifier.argmax(probabilities);
        return new Sentiment(LABELS[best], probabilities[best]);
    }

    /** How many characters of a text the model reads. */
    public int maxChars() {
        return classifier.maxChars();
    }

    /** The probability of each label, indexed by {@link SentimentLabel#ordinal()}. */
    public float[] probabilities(String text) {
        return classifier.probabilities(text);
    }
}
