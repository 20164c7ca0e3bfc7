package io.earshot.analytics;

import java.util.Locale;

/**
 * What a volume series can be split by. Mentions without a value (not yet enriched, no confident
 * emotion, no language) are counted under {@link #NONE_VALUE}.
 */
public enum Dimension {
    SENTIMENT,
    EMOTION,
    NETWORK,
    LANG;

    /** The split value of mentions that have none. */
    public static final String NONE_VALUE = "none";

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Dimension fromId(String id) {
        for (Dimension dimension : values()) {
            if (dimension.id().equalsIgnoreCase(id.strip())) {
                return dimension;
            }
        }
        throw new IllegalArgumentException("unknown split '" + id + "'; expected sentiment, emotion, network or lang");
    }
}
