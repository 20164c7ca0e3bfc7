package io.earshot.query;

/** Parses the topic query language (see docs/query-language.md). Thread-safe. */
public final class QueryParser {

    private QueryParser() {}

    /**
     * Parses a query.
     *
     * @throws QuerySyntaxException with the column and a message a person can act on
     */
    public static ParsedQuery parse(String query) {
        throw new UnsupportedOperationException("not yet");
    }
}
