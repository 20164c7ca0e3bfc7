package io.earshot.query;

import java.util.Locale;
import java.util.Objects;

/** Parses the topic query language (see docs/query-language.md). Thread-safe: it holds no state. */
public final class QueryParser {

    /** The longest query accepted, in characters. */
    public static final int MAX_CHARS = 4_096;

    /** The most terms (words, phrases, wildcards, tags, field filters …) a query may hold. */
    public static final int MAX_TERMS = 1_000;

    private QueryParser() {}

    /**
     * Parses a query.
     *
     * @throws QuerySyntaxException with the 1-based column and a message a person can act on
     */
    public static ParsedQuery parse(String query) {
        Objects.requireNonNull(query, "query");
        if (query.length() > MAX_CHARS) {
            throw new QuerySyntaxException(
                    MAX_CHARS + 1,
                    String.format(
                            Locale.ROOT,
                            "a query can be at most %,d characters, this one has %,d; split it into several topics",
                            MAX_CHARS,
                            query.length()));
        }
        QueryNode root = QueryGrammar.parse(QueryLexer.tokens(query));
        return new ParsedQuery(query, root, QueryWarnings.of(root));
    }
}
