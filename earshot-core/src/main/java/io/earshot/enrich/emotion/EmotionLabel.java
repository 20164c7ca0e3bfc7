package io.earshot.enrich.emotion;

import java.util.Locale;

/** The four emotions of the TweetEval emotion benchmark. {@link #id()} is the lower-case name. */
public enum EmotionLabel {
    ANGER,
    JOY,
    OPTIMISM,
    SADNESS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code anger}, {@code joy}, {@code optimism} or {@code sadness} (any case). */
    public static EmotionLabel fromId(String id) {
        for (EmotionLabel label : values()) {
            if (label.id().equalsIgnoreCase(id.strip())) {
                return label;
            }
        }
        throw new IllegalArgumentException("unknown emotion '" + id + "'; expected anger, joy, optimism or sadness");
    }
}
