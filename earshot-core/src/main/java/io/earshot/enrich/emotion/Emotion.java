package io.earshot.enrich.emotion;

import java.util.Objects;

/** An emotion and the model's probability for it (1/4 is a toss-up, 1 is certain). */
public record Emotion(EmotionLabel label, double score) {

    public Emotion {
        Objects.requireNonNull(label, "label");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("an emotion score is a probability within 0..1, got " + score);
        }
    }
}
