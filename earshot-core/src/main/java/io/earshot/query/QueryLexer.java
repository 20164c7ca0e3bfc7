package io.earshot.query;

import java.util.ArrayList;
import java.util.List;

/** Splits a query into {@link Token}s; reports misplaced quotes and malformed operators with their column. */
final class QueryLexer {

    private static final int MAX_DISTANCE = 100;

    private final String query;
    private int pos;

    private QueryLexer(String query) {
        this.query = query;
    }

    static List<Token> tokens(String query) {
        return new QueryLexer(query).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (pos < query.length() && Character.isWhitespace(query.charAt(pos))) {
                pos++;
            }
            if (pos >= query.length()) {
                tokens.add(Token.of(Token.Kind.END, "", query.length() + 1));
                return tokens;
            }
            char c = query.charAt(pos);
            int column = pos + 1;
            if (c == '(') {
                pos++;
                tokens.add(Token.of(Token.Kind.LPAREN, "(", column));
            } else if (c == ')') {
                pos++;
                tokens.add(Token.of(Token.Kind.RPAREN, ")", column));
            } else if (c == '"') {
                tokens.add(Token.of(Token.Kind.PHRASE, quoted(), column));
            } else {
                tokens.add(word());
            }
        }
    }

    /** The inside of a {@code "..."} starting at {@code pos}; leaves {@code pos} after the closing quote. */
    private String quoted() {
        int open = pos;
        int close = query.indexOf('"', open + 1);
        if (close < 0) {
            throw new QuerySyntaxException(open + 1, "unbalanced quote: this '\"' is never closed");
        }
        pos = close + 1;
        String inside = query.substring(open + 1, close);
        if (inside.isBlank()) {
            throw new QuerySyntaxException(open + 1, "empty quotes: put words between them, e.g. \"on netflix\"");
        }
        return inside;
    }

    private Token word() {
        int start = pos;
        while (pos < query.length() && !endsWord(query.charAt(pos))) {
            pos++;
        }
        String text = query.substring(start, pos);
        int column = start + 1;
        switch (text) {
            case "AND" -> {
                return Token.of(Token.Kind.AND, text, column);
            }
            case "OR" -> {
                return Token.of(Token.Kind.OR, text, column);
            }
            case "NOT" -> {
                return Token.of(Token.Kind.NOT, text, column);
            }
            case "NEAR", "ONEAR" ->
                throw new QuerySyntaxException(column, text + " needs a distance, e.g. " + text + "/3");
            default -> {
                // fall through to the other shapes below
            }
        }
        if (text.startsWith("NEAR/") || text.startsWith("ONEAR/")) {
            return near(text, column);
        }
        int colon = text.indexOf(':');
        if (colon > 0 && isFieldName(text.substring(0, colon)) && !text.startsWith("//", colon + 1)) {
            String value = text.substring(colon + 1);
            boolean quoted = false;
            if (value.isEmpty() && pos < query.length() && query.charAt(pos) == '"') {
                value = quoted();
                quoted = true;
            }
            return new Token(Token.Kind.FIELD, value, text.substring(0, colon), quoted, 0, column);
        }
        if (text.length() > 1 && text.charAt(0) == '-' && Character.isLetterOrDigit(text.charAt(1))) {
            throw new QuerySyntaxException(
                    column, "'" + text + "': to exclude a word write NOT " + text.substring(1) + ", not a minus sign");
        }
        return Token.of(Token.Kind.WORD, text, column);
    }

    private static Token near(String text, int column) {
        boolean ordered = text.startsWith("O");
        String name = ordered ? "ONEAR" : "NEAR";
        String number = text.substring(name.length() + 1);
        if (number.isEmpty() || !number.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new QuerySyntaxException(column, name + "/ needs a number, e.g. " + name + "/3");
        }
        int distance = number.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(number);
        if (distance < 1 || distance > MAX_DISTANCE) {
            throw new QuerySyntaxException(
                    column, name + "/ needs a distance from 1 to " + MAX_DISTANCE + " words, got " + number);
        }
        return new Token(ordered ? Token.Kind.ONEAR : Token.Kind.NEAR, text, "", false, distance, column);
    }

    private static boolean endsWord(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"';
    }

    /** Letters only: {@code 10:30} or {@code https://...} are text, not fields. */
    private static boolean isFieldName(String name) {
        return name.chars().allMatch(ch -> (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_');
    }
}
