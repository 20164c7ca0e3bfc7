package io.earshot.analytics;

import java.util.Locale;

/** How {@code top} orders values: by mentions, or by the engagement (likes + reposts + replies + quotes) they got. */
public enum Rank {
    COUNT,
    ENGAGEMENT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Rank fromId(String id) {
        for (Rank rank : values()) {
            if (rank.id().equalsIgnoreCase(id.strip())) {
                return rank;
            }
        }
        throw new IllegalArgumentException("unknown 'rank' '" + id + "'; expected count or engagement");
    }
}
