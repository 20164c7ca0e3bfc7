package io.earshot.inbox;

import java.util.Locale;

/** How urgent a case is; SLAs have targets per priority. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority fromId(String id) {
        for (Priority priority : values()) {
            if (priority.id().equalsIgnoreCase(id.strip())) {
                return priority;
            }
        }
        throw new IllegalArgumentException("unknown priority '" + id + "'; use low, normal, high or urgent");
    }
}
