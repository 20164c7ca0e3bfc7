package io.earshot.query;

import java.util.Locale;
import java.util.Optional;

/** The field filters of the query language ({@code name:value}). */
public enum QueryField {
    AUTHOR,
    LANG,
    NETWORK,
    SITE,
    LINKS,
    TITLE,
    /** What Earshot heard, not what the post says: searchable in the archive, not usable in topics. */
    SENTIMENT,
    EMOTION;

    /** True for fields that come from enrichment ({@code sentiment:}, {@code emotion:}), which topics cannot use. */
    public boolean heard() {
        return this == SENTIMENT || this == EMOTION;
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<QueryField> fromKeyword(String keyword) {
        for (QueryField field : values()) {
            if (field.keyword().equalsIgnoreCase(keyword)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
