package io.earshot.inbox.contact;

import java.util.Locale;

/** How a person feels about you lately, from the sentiment of their recent mentions. */
public enum ContactStatus {
    ADVOCATE,
    NEUTRAL,
    DETRACTOR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContactStatus fromId(String id) {
        for (ContactStatus status : values()) {
            if (status.id().equalsIgnoreCase(id.strip())) {
                return status;
            }
        }
        throw new IllegalArgumentException("a contact is an advocate, neutral or a detractor, got '" + id + "'");
    }
}
