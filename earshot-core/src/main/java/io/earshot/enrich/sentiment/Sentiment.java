package io.earshot.enrich.sentiment;

import java.util.Objects;

/**
 * A post's sentiment: the most likely label and the model's probability for it (from 1/3 — a toss-up
 * — to 1).
 */
public record Sentiment(SentimentLabel label, double score) {

    public Sentiment {
        Objects.requireNonNull(label, "label");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a sentiment score is a probability within 0..1, got " + score);
        }
    }
}
