package io.earshot.query;

/** Reads one bare word of a query: a plain word, {@code #tag}, {@code @handle}, a wildcard or a fuzzy word. */
final class Terms {

    /** Fewer literal characters than this make a wildcard match too much to be useful. */
    static final int MIN_WILDCARD_LITERALS = 2;

    private Terms() {}

    static QueryNode word(String text, int column) {
        if (text.startsWith("#")) {
            String tag = text.substring(1);
            if (tag.isEmpty() || !tag.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '_')) {
                throw new QuerySyntaxException(
                        column, "'" + text + "': a hashtag is # and letters, digits or _, e.g. #earshot");
            }
            return new QueryNode.Hashtag(tag);
        }
        if (text.startsWith("@")) {
            String handle = text.substring(1);
            if (handle.isEmpty() || !Character.isLetterOrDigit(handle.codePointAt(0))) {
                throw new QuerySyntaxException(
                        column, "'" + text + "': a mention is @ and a handle, e.g. @alice.bsky.social");
            }
            return new QueryNode.AccountMention(handle);
        }
        int tilde = text.lastIndexOf('~');
        if (tilde >= 0) {
            return fuzzy(text, tilde, column);
        }
        if (text.indexOf('*') >= 0 || text.indexOf('?') >= 0) {
            checkWildcard(text, column);
            return new QueryNode.Wildcard(text);
        }
        if (!text.codePoints().anyMatch(Terms::searchable)) {
            throw new QuerySyntaxException(column, "'" + text + "' has no letters or digits to search for");
        }
        return new QueryNode.Word(text);
    }

    private static QueryNode fuzzy(String text, int tilde, int column) {
        String word = text.substring(0, tilde);
        String edits = text.substring(tilde + 1);
        if (!edits.equals("1") && !edits.equals("2")) {
            throw new QuerySyntaxException(
                    column + tilde,
                    "~ needs an edit distance of 1 or 2, e.g. " + (word.isEmpty() ? "colour" : word) + "~1");
        }
        if (word.isEmpty() || !word.codePoints().allMatch(Character::isLetterOrDigit)) {
            throw new QuerySyntaxException(
                    column, "'" + text + "': ~ works on one word of letters or digits, e.g. colour~1");
        }
        int maxEdits = Integer.parseInt(edits);
        if (word.codePointCount(0, word.length()) <= maxEdits + 1) {
            throw new QuerySyntaxException(
                    column, "'" + word + "' is too short for ~" + maxEdits + ": it would match almost any short word");
        }
        return new QueryNode.Fuzzy(word, maxEdits);
    }

    /** A wildcard stays inside one word and keeps at least {@link #MIN_WILDCARD_LITERALS} literal characters. */
    static void checkWildcard(String text, int column) {
        if (text.indexOf('*') < 0 && text.indexOf('?') < 0) {
            return;
        }
        int literals = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?') {
                continue;
            }
            if (!Character.isLetterOrDigit(c) && c != '_' && !Character.isSurrogate(c)) {
                throw new QuerySyntaxException(
                        column + i,
                        "'" + text + "': a wildcard works inside one word, only letters and digits with * and ?");
            }
            literals++;
        }
        if (literals < MIN_WILDCARD_LITERALS) {
            throw new QuerySyntaxException(
                    column,
                    "'" + text + "': a wildcard needs at least " + MIN_WILDCARD_LITERALS
                            + " letters or digits, e.g. econom*");
        }
    }

    /** Letters, digits and symbols such as emoji are indexed; ASCII punctuation alone is not. */
    private static boolean searchable(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || codePoint > 0x2000;
    }
}
