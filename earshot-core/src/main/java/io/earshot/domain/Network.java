package io.earshot.domain;

import java.util.Locale;

/** The networks Earshot listens to. {@link #id()} is the lower-case name used in keys, APIs and queries. */
public enum Network {
    BLUESKY,
    MASTODON,
    FEED,
    WEBHOOK;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a network id such as {@code bluesky}; unknown names fail with the list of known ones. */
    public static Network fromId(String id) {
        for (Network network : values()) {
            if (network.id().equalsIgnoreCase(id)) {
                return network;
            }
        }
        throw new IllegalArgumentException(
                "unknown network '" + id + "'; known networks: bluesky, mastodon, feed, webhook");
    }
}
