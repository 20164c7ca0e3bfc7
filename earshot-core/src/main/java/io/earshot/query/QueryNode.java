package io.earshot.query;

import java.util.List;
import java.util.Objects;

/**
 * A parsed topic query. {@link QueryParser} builds it; the Lucene compiler turns it into a query for the
 * live matcher and for archive search alike, so a topic means the same thing in both.
 */
public sealed interface QueryNode {

    /** A whole word, case- and accent-insensitive, possessive {@code 's} included. */
    record Word(String text) implements QueryNode {
        public Word {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Consecutive words. */
    record Phrase(List<String> words) implements QueryNode {
        public Phrase {
            words = List.copyOf(words);
        }
    }

    /** One word with {@code *} (any characters) and {@code ?} (one character). */
    record Wildcard(String pattern) implements QueryNode {
        public Wildcard {
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    /** A word within {@code maxEdits} (1 or 2) edits. */
    record Fuzzy(String word, int maxEdits) implements QueryNode {
        public Fuzzy {
            Objects.requireNonNull(word, "word");
        }
    }

    record And(List<QueryNode> clauses) implements QueryNode {
        public And {
            clauses = List.copyOf(clauses);
        }
    }

    record Or(List<QueryNode> clauses) implements QueryNode {
        public Or {
            clauses = List.copyOf(clauses);
        }
    }

    record Not(QueryNode clause) implements QueryNode {
        public Not {
            Objects.requireNonNull(clause, "clause");
        }
    }

    /** Both sides within {@code distance} words of each other; {@code ordered}: left first. */
    record Near(QueryNode left, QueryNode right, int distance, boolean ordered) implements QueryNode {
        public Near {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** A hashtag, without {@code #}. */
    record Hashtag(String tag) implements QueryNode {
        public Hashtag {
            Objects.requireNonNull(tag, "tag");
        }
    }

    /** A mention of an account, without {@code @}. */
    record AccountMention(String handle) implements QueryNode {
        public AccountMention {
            Objects.requireNonNull(handle, "handle");
        }
    }

    /** A field filter such as {@code lang:en} or {@code site:example.com}. */
    record FieldFilter(QueryField field, String value) implements QueryNode {
        public FieldFilter {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Case-sensitive words, e.g. {@code exact:"Apple"}. */
    record Exact(List<String> words) implements QueryNode {
        public Exact {
            words = List.copyOf(words);
        }
    }
}
