package io.earshot.analytics;

import java.util.Locale;

/** What {@code top} and {@code trending} rank. */
public enum Facet {
    /** {@code network:account-id} of the author. */
    AUTHORS,
    /** Hashtags, lower-cased, without {@code #}. */
    HASHTAGS,
    /** Canonical links without scheme ({@code example.com/path}). */
    LINKS,
    /** Hosts of linked pages without a leading {@code www.}. */
    DOMAINS,
    /** Words of the text: lower-cased, 3 to 30 letters or digits, common English and link words left out. */
    TERMS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Facet fromId(String id) {
        for (Facet facet : values()) {
            if (facet.id().equalsIgnoreCase(id.strip())) {
                return facet;
            }
        }
        throw new IllegalArgumentException(
                "unknown 'by' '" + id + "'; expected authors, hashtags, links, domains or terms");
    }
}
