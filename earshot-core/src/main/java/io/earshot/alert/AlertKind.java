package io.earshot.alert;

import java.util.Locale;

/** What made an alert fire; the {@code "type"} of rules' conditions and of fired alerts. */
public enum AlertKind {
    EVERY_MATCH,
    DIGEST,
    VOLUME_SPIKE,
    SENTIMENT_SHIFT,
    INFLUENCER;

    /** The name in the API: {@code every_match}, {@code volume_spike}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertKind fromId(String id) {
        for (AlertKind kind : values()) {
            if (kind.id().equalsIgnoreCase(id.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown condition type '" + id
                + "'; expected every_match, digest, volume_spike, sentiment_shift or influencer");
    }
}
