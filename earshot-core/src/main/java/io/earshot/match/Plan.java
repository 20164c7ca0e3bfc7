package io.earshot.match;

import io.earshot.domain.Span;
import io.earshot.lucene.IndexFields;
import java.util.List;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;

/**
 * A topic's query, compiled for checking one post at a time: each step does what the Lucene query compiled
 * from the same {@link io.earshot.query.QueryNode} does on a post's document (same analysis, Lucene's own
 * automata for wildcards and fuzzy words), without building an index of the post.
 */
sealed interface Plan {

    boolean matches(PostView post);

    /** Adds the spans of text that made a matching post match. */
    void spans(PostView post, List<Span> out);

    /** Which tokens of the post a text plan reads. */
    enum Field {
        TEXT,
        EXACT,
        TITLE;

        PostView.Tokens of(PostView post) {
            return switch (this) {
                case TEXT -> post.text;
                case EXACT -> post.exact();
                case TITLE -> post.title();
            };
        }
    }

    /** Consecutive words (one word is a term query, more a phrase query). Never empty. */
    record Words(Field field, String[] terms) implements Plan {
        @Override
        public boolean matches(PostView post) {
            PostView.Tokens tokens = field.of(post);
            if (terms.length == 1) {
                return tokens.contains(terms[0]);
            }
            for (int first : tokens.indexesOf(terms[0])) {
                if (phraseAt(tokens, first)) {
                    return true;
                }
            }
            return false;
        }

        boolean phraseAt(PostView.Tokens tokens, int first) {
            for (int k = 1; k < terms.length; k++) {
                int i = first + k;
                if (i >= tokens.size
                        || tokens.positions[i] != tokens.positions[first] + k
                        || !tokens.terms[i].equals(terms[k])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void spans(PostView post, List<Span> out) {
            if (field == Field.TITLE) {
                return; // spans are offsets in the text
            }
            PostView.Tokens tokens = field.of(post);
            for (int first : tokens.indexesOf(terms[0])) {
                if (terms.length == 1 || phraseAt(tokens, first)) {
                    out.add(new Span(tokens.starts[first], tokens.ends[first + terms.length - 1]));
                }
            }
        }
    }

    /**
     * A wildcard or fuzzy word: any token the automaton accepts. {@code pattern} is what it was built from;
     * {@code prefix} is set for the common {@code stem*}, which is checked without the automaton.
     */
    record Automaton(Field field, String pattern, int maxEdits, CharacterRunAutomaton automaton, String prefix)
            implements Plan {
        @Override
        public boolean matches(PostView post) {
            PostView.Tokens tokens = field.of(post);
            for (int i = 0; i < tokens.size; i++) {
                if (accepts(tokens.terms[i])) {
                    return true;
                }
            }
            return false;
        }

        boolean accepts(String term) {
            return prefix.isEmpty() ? automaton.run(term) : term.startsWith(prefix);
        }

        @Override
        public void spans(PostView post, List<Span> out) {
            if (field == Field.TITLE) {
                return;
            }
            PostView.Tokens tokens = field.of(post);
            for (int i = 0; i < tokens.size; i++) {
                if (accepts(tokens.terms[i])) {
                    out.add(new Span(tokens.starts[i], tokens.ends[i]));
                }
            }
        }

        boolean isFuzzy() {
            return maxEdits > 0;
        }
    }

    /** One value of a keyword field: a hashtag, a mention, an author, a language … */
    record Keyword(String field, String value) implements Plan {
        @Override
        public boolean matches(PostView post) {
            return post.hasKeyword(field, value);
        }

        @Override
        public void spans(PostView post, List<Span> out) {
            if (field.equals(IndexFields.HASHTAG)) {
                Highlights.find("#", value, post.post.text(), out);
            } else if (field.equals(IndexFields.MENTION)) {
                Highlights.find("@", value, post.post.text(), out);
            }
        }
    }

    /** Every one of {@code must} and none of {@code mustNot}; with no {@code must}, every post but those. */
    record All(Plan[] must, Plan[] mustNot) implements Plan {
        @Override
        public boolean matches(PostView post) {
            for (Plan plan : must) {
                if (!plan.matches(post)) {
                    return false;
                }
            }
            for (Plan plan : mustNot) {
                if (plan.matches(post)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void spans(PostView post, List<Span> out) {
            for (Plan plan : must) {
                plan.spans(post, out);
            }
        }
    }

    /** At least one of {@code should}. */
    record Any(Plan[] should) implements Plan {
        @Override
        public boolean matches(PostView post) {
            for (Plan plan : should) {
                if (plan.matches(post)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void spans(PostView post, List<Span> out) {
            for (Plan plan : should) {
                if (plan.matches(post)) {
                    plan.spans(post, out);
                }
            }
        }
    }

    /** NEAR/ONEAR over text; see {@link Proximity}. */
    record Near(Plan left, Plan right, int distance, boolean ordered) implements Plan {
        @Override
        public boolean matches(PostView post) {
            return Proximity.matches(this, post);
        }

        @Override
        public void spans(PostView post, List<Span> out) {
            Proximity.spans(this, post, out);
        }
    }

    /** Matches no post (a word with nothing to search for, {@code site:} with no address). */
    record Nothing() implements Plan {
        @Override
        public boolean matches(PostView post) {
            return false;
        }

        @Override
        public void spans(PostView post, List<Span> out) {}
    }
}
