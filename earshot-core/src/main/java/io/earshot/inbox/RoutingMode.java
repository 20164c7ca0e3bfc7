package io.earshot.inbox;

import java.util.Locale;

/** Whether the first matching rule decides, or every matching rule contributes. */
public enum RoutingMode {
    FIRST,
    ALL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RoutingMode fromId(String id) {
        return switch (id.strip().toLowerCase(Locale.ROOT)) {
            case "first", "first_match" -> FIRST;
            case "all", "all_matches" -> ALL;
            default -> throw new IllegalArgumentException("routing mode is \"first\" or \"all\", got '" + id + "'");
        };
    }
}
