package io.earshot.match;

import io.earshot.lucene.IndexFields;
import io.earshot.lucene.QueryCompiler;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which posts are worth checking against a topic: a set of {@link Key}s such that any post the topic matches
 * has at least one of them. Posts produce their keys once ({@link #keysOf}); a topic is checked only when
 * they share one. Topics without such a set (a pure exclusion, a wildcard with no usable literal part) are
 * checked against every post.
 *
 * <p>Keys cover wildcards (by their first two or three letters, or a three-letter piece of a leading-wildcard
 * pattern) and fuzzy words (by the words left after deleting up to the allowed number of letters: two words
 * within n edits always share one), which is where a term-only presearcher falls back to checking every post.
 */
final class Presearch {

    enum Kind {
        WORD,
        PREFIX,
        GRAM,
        DELETION,
        TITLE,
        KEYWORD
    }

    record Key(Kind kind, String value) {}

    static final int GRAM = 3;
    /** Wildcards are filed under their literal start, up to this many characters (at least 2). */
    static final int MAX_PREFIX = 6;

    private static final Set<String> COMMON = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "have", "i", "in", "is", "it", "me",
            "my", "not", "of", "on", "or", "so", "that", "the", "this", "to", "was", "we", "with", "you");

    private final QueryCompiler lucene = new QueryCompiler();

    /** A post must hold one of these keys to match; empty when every post must be checked. */
    Optional<Set<Key>> keys(Plan plan) {
        return switch (plan) {
            case Plan.Words words -> Optional.of(Set.of(wordKey(words)));
            case Plan.Automaton automaton -> automatonKeys(automaton);
            case Plan.Keyword keyword ->
                Optional.of(Set.of(new Key(Kind.KEYWORD, keyword(keyword.field(), keyword.value()))));
            case Plan.All all -> {
                Optional<Set<Key>> best = Optional.empty();
                for (Plan must : all.must()) {
                    Optional<Set<Key>> keys = keys(must);
                    if (keys.isPresent() && (best.isEmpty() || cost(keys.get()) < cost(best.get()))) {
                        best = keys;
                    }
                }
                yield best;
            }
            case Plan.Any any -> {
                Set<Key> union = new LinkedHashSet<>();
                for (Plan should : any.should()) {
                    Optional<Set<Key>> keys = keys(should);
                    if (keys.isEmpty()) {
                        yield Optional.empty();
                    }
                    union.addAll(keys.get());
                }
                yield Optional.of(union);
            }
            case Plan.Near near -> {
                Optional<Set<Key>> left = keys(near.left());
                Optional<Set<Key>> right = keys(near.right());
                if (left.isEmpty()) {
                    yield right;
                }
                yield right.isPresent() && cost(right.get()) < cost(left.get()) ? right : left;
            }
            case Plan.Nothing nothing -> Optional.of(Set.of());
        };
    }

    private Key wordKey(Plan.Words words) {
        // any one word of a phrase will do: take the one least likely to be in many posts
        String best = null;
        for (String term : words.terms()) {
            String folded = words.field() == Plan.Field.EXACT ? String.join("", lucene.words(term)) : term;
            if (!folded.isEmpty() && (best == null || wordCost(folded) < wordCost(best))) {
                best = folded;
            }
        }
        if (best == null) {
            best = words.terms()[0];
        }
        return new Key(words.field() == Plan.Field.TITLE ? Kind.TITLE : Kind.WORD, best);
    }

    private static Optional<Set<Key>> automatonKeys(Plan.Automaton automaton) {
        if (automaton.field() != Plan.Field.TEXT) {
            return Optional.empty(); // title wildcards are rare: check them on every post
        }
        String pattern = automaton.pattern();
        if (automaton.isFuzzy()) {
            return Optional.of(deletions(pattern, automaton.maxEdits()).stream()
                    .map(value -> new Key(Kind.DELETION, value))
                    .collect(java.util.stream.Collectors.toSet()));
        }
        int wildcard = firstWildcard(pattern, 0);
        if (wildcard >= 2) {
            return Optional.of(Set.of(new Key(Kind.PREFIX, pattern.substring(0, Math.min(wildcard, MAX_PREFIX)))));
        }
        String longest = "";
        for (int start = 0; start < pattern.length(); ) {
            int end = firstWildcard(pattern, start);
            if (end - start > longest.length()) {
                longest = pattern.substring(start, end);
            }
            start = end + 1;
        }
        return longest.length() >= GRAM
                ? Optional.of(Set.of(new Key(Kind.GRAM, longest.substring(0, GRAM))))
                : Optional.empty();
    }

    private static int firstWildcard(String pattern, int from) {
        for (int i = from; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?') {
                return i;
            }
        }
        return pattern.length();
    }

    /** Every string left after deleting up to {@code edits} code points of {@code word}, the word included. */
    static Set<String> deletions(String word, int edits) {
        Set<String> out = new HashSet<>();
        out.add(word);
        Set<String> frontier = Set.of(word);
        for (int round = 0; round < edits; round++) {
            Set<String> next = new HashSet<>();
            for (String current : frontier) {
                int[] points = current.codePoints().toArray();
                for (int skip = 0; skip < points.length; skip++) {
                    StringBuilder shorter = new StringBuilder(current.length());
                    for (int i = 0; i < points.length; i++) {
                        if (i != skip) {
                            shorter.appendCodePoint(points[i]);
                        }
                    }
                    next.add(shorter.toString());
                }
            }
            out.addAll(next);
            frontier = next;
        }
        return out;
    }

    /**
     * Calls {@code each} with every string left after deleting up to {@code edits} code points of
     * {@code word}, the word included; some more than once. Allocates only the strings.
     */
    static void forEachDeletion(String word, int edits, java.util.function.Consumer<String> each) {
        each.accept(word);
        if (edits == 0 || word.isEmpty()) {
            return;
        }
        for (int at = 0; at < word.length(); ) {
            int next = at + Character.charCount(word.codePointAt(at));
            forEachDeletion(word.substring(0, at) + word.substring(next), edits - 1, each);
            at = next;
        }
    }

    static String keyword(String field, String value) {
        return field + '\u0000' + value;
    }

    /** A rough guess at how many posts hold a key set: what makes one AND branch a better anchor than another. */
    private static double cost(Set<Key> keys) {
        double cost = 0;
        for (Key key : keys) {
            cost += switch (key.kind()) {
                case WORD, TITLE -> wordCost(key.value());
                case PREFIX ->
                    switch (key.value().length()) {
                        case 2 -> 30;
                        case 3 -> 10;
                        case 4 -> 6;
                        default -> 3;
                    };
                case GRAM -> 12;
                case DELETION -> 0.5;
                case KEYWORD ->
                    key.value().startsWith(IndexFields.LANG + '\u0000')
                                    || key.value().startsWith(IndexFields.NETWORK + '\u0000')
                            ? 200
                            : 1;
            };
        }
        return cost;
    }

    private static double wordCost(String word) {
        if (COMMON.contains(word)) {
            return 50;
        }
        return word.length() <= 2 ? 5 : word.length() == 3 ? 2 : 1;
    }
}
