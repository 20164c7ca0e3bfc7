package io.earshot.enrich.sentiment;

import java.util.Locale;

/** The three sentiment classes of the TweetEval benchmark. {@link #id()} is the lower-case name. */
public enum SentimentLabel {
    POSITIVE,
    NEUTRAL,
    NEGATIVE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code positive}, {@code neutral} or {@code negative} (any case). */
    public static SentimentLabel fromId(String id) {
        for (SentimentLabel label : values()) {
            if (label.id().equalsIgnoreCase(id.strip())) {
                return label;
            }
        }
        throw new IllegalArgumentException("unknown sentiment '" + id + "'; expected positive, neutral or negative");
    }
}
