package io.earshot.query;

import java.util.List;
import java.util.Objects;

/** A query that parsed: its tree, the text it came from, and warnings about likely noise (never errors). */
public record ParsedQuery(String source, QueryNode root, List<String> warnings) {
    public ParsedQuery {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(root, "root");
        warnings = List.copyOf(warnings);
    }
}
