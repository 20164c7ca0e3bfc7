package io.earshot.query;

/**
 * One lexical unit of a query. {@code column} is 1-based, in Java {@code char}s, so it can be shown to a
 * person and used by a UI to put the cursor on the problem.
 *
 * @param text a word as written; a phrase's inside; a field's value
 * @param field for {@link Kind#FIELD}, the field's name as written (e.g. {@code lang})
 * @param quoted for {@link Kind#FIELD}, whether the value was in quotes
 * @param distance for {@link Kind#NEAR} and {@link Kind#ONEAR}
 */
record Token(Kind kind, String text, String field, boolean quoted, int distance, int column) {

    enum Kind {
        WORD,
        PHRASE,
        FIELD,
        LPAREN,
        RPAREN,
        AND,
        OR,
        NOT,
        NEAR,
        ONEAR,
        END
    }

    static Token of(Kind kind, String text, int column) {
        return new Token(kind, text, "", false, 0, column);
    }

    boolean isBinaryOperator() {
        return kind == Kind.AND || kind == Kind.OR || kind == Kind.NEAR || kind == Kind.ONEAR;
    }

    /** How the token reads in an error message. */
    String display() {
        return switch (kind) {
            case NEAR -> "NEAR/" + distance;
            case ONEAR -> "ONEAR/" + distance;
            case END -> "the end of the query";
            default -> text;
        };
    }
}
