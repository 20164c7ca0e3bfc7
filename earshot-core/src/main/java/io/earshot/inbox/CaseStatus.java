package io.earshot.inbox;

import java.util.Locale;

/** Where a case stands: {@code new} until someone acts, {@code open} while worked, {@code pending} awaiting the author, {@code resolved}. */
public enum CaseStatus {
    NEW,
    OPEN,
    PENDING,
    RESOLVED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the case still needs the team (everything but {@code resolved}). */
    public boolean active() {
        return this != RESOLVED;
    }

    public static CaseStatus fromId(String id) {
        for (CaseStatus status : values()) {
            if (status.id().equalsIgnoreCase(id.strip())) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + id + "'; a case is new, open, pending or resolved");
    }
}
