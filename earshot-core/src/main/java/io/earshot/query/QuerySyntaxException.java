package io.earshot.query;

/**
 * A query that cannot be parsed. {@link #column()} is the 1-based character position of the problem;
 * the message starts with it, e.g. {@code column 17: NEAR/ needs a number, e.g. NEAR/3}.
 */
public final class QuerySyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int column;
    private final String reason;

    public QuerySyntaxException(int column, String reason) {
        super("column " + column + ": " + reason);
        this.column = column;
        this.reason = reason;
    }

    public int column() {
        return column;
    }

    /** The message without the column prefix. */
    public String reason() {
        return reason;
    }
}
