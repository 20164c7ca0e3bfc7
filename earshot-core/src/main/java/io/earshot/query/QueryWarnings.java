package io.earshot.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Warnings about likely noise: the query is valid, but will probably flood a topic with irrelevant posts or
 * cost more than it seems. A person can act on each one, or ignore it.
 */
final class QueryWarnings {

    /** A wildcard with fewer literal characters than this matches many unrelated words. */
    static final int SHORT_STEM = 4;

    /** Words so frequent in social posts that a topic matching on one of them alone is mostly noise. */
    private static final Set<String> COMMON = Set.of(
            "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "back", "be", "because",
            "been", "but", "by", "can", "come", "could", "day", "did", "do", "does", "dont", "even", "first", "for",
            "from", "get", "go", "going", "good", "got", "great", "had", "has", "have", "he", "her", "here", "him",
            "his", "how", "i", "if", "im", "in", "into", "is", "it", "its", "just", "know", "like", "lol", "love",
            "make", "me", "more", "my", "new", "no", "not", "now", "of", "on", "one", "only", "or", "our", "out",
            "people", "really", "rt", "see", "she", "so", "some", "that", "the", "their", "them", "then", "there",
            "they", "think", "this", "time", "to", "today", "too", "up", "us", "very", "want", "was", "way", "we",
            "well", "were", "what", "when", "which", "who", "will", "with", "would", "yes", "you", "your");

    private static final Set<String> LOWER_CASE_OPERATORS = Set.of("and", "or", "not");

    private QueryWarnings() {}

    static List<String> of(QueryNode root) {
        Set<String> warnings = new LinkedHashSet<>();
        for (String word : wordsSufficientAlone(root)) {
            warnings.add("'" + word + "' is a very common word and matches on its own: expect many irrelevant posts;"
                    + " combine it with other words or use a phrase");
        }
        collect(root, warnings);
        return List.copyOf(warnings);
    }

    /** Common words that, alone, are enough for the query to match (an OR branch, or the only positive clause). */
    private static List<String> wordsSufficientAlone(QueryNode node) {
        return switch (node) {
            case QueryNode.Word word ->
                COMMON.contains(word.text().toLowerCase(Locale.ROOT)) ? List.of(word.text()) : List.of();
            case QueryNode.Or or -> {
                List<String> words = new ArrayList<>();
                or.clauses().forEach(clause -> words.addAll(wordsSufficientAlone(clause)));
                yield words;
            }
            case QueryNode.And and -> {
                List<QueryNode> positive = and.clauses().stream()
                        .filter(clause -> !(clause instanceof QueryNode.Not))
                        .toList();
                yield positive.size() == 1 ? wordsSufficientAlone(positive.get(0)) : List.of();
            }
            default -> List.of();
        };
    }

    private static void collect(QueryNode node, Set<String> warnings) {
        switch (node) {
            case QueryNode.Word word -> {
                if (LOWER_CASE_OPERATORS.contains(word.text())) {
                    warnings.add("'" + word.text() + "' is searched as a word; write "
                            + word.text().toUpperCase(Locale.ROOT) + " in capitals for the operator");
                }
            }
            case QueryNode.Wildcard wildcard -> wildcard(wildcard.pattern(), warnings);
            case QueryNode.FieldFilter filter -> {
                if (filter.field() == QueryField.TITLE) {
                    wildcard(filter.value(), warnings);
                }
            }
            case QueryNode.Fuzzy fuzzy -> {
                if (fuzzy.maxEdits() == 2 && fuzzy.word().length() < 6) {
                    warnings.add("'" + fuzzy.word() + "~2' allows 2 changes in a short word: it will match many"
                            + " unrelated words; try ~1");
                }
            }
            case QueryNode.And and -> and.clauses().forEach(clause -> collect(clause, warnings));
            case QueryNode.Or or -> or.clauses().forEach(clause -> collect(clause, warnings));
            case QueryNode.Not not -> collect(not.clause(), warnings);
            case QueryNode.Near near -> {
                collect(near.left(), warnings);
                collect(near.right(), warnings);
            }
            case QueryNode.Phrase phrase -> {}
            case QueryNode.Hashtag tag -> {}
            case QueryNode.AccountMention mention -> {}
            case QueryNode.Exact exact -> {}
        }
    }

    private static void wildcard(String pattern, Set<String> warnings) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return;
        }
        long literals = pattern.chars().filter(c -> c != '*' && c != '?').count();
        if (literals < SHORT_STEM) {
            warnings.add("'" + pattern + "' is a wildcard on a short stem (" + literals
                    + " letters): it matches many different words");
        }
        if (pattern.charAt(0) == '*' || pattern.charAt(0) == '?') {
            warnings.add("'" + pattern + "' starts with a wildcard: it is checked against every post, which is slow"
                    + " with many topics");
        }
    }
}
