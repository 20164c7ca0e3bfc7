package io.earshot.match;

import io.earshot.domain.Post;
import io.earshot.lucene.Links;
import io.earshot.lucene.PostAnalyzer;
import io.earshot.lucene.PostDocuments;
import io.earshot.query.QueryField;
import io.earshot.query.QueryNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A brute-force evaluation of the text operators straight over a post's word list, written without
 * Lucene queries, to check the compiled queries against. It shares only the analysis (what a word is).
 */
final class ReferenceEvaluator {

    /** Positions {@code start..end} (inclusive) of a match in the word list. */
    private record Interval(int start, int end) {}

    private final Analyzer analyzer = PostAnalyzer.words();
    private final Analyzer exactAnalyzer = PostAnalyzer.exactWords();

    private final Map<Post, List<String>> wordsOfPost = new IdentityHashMap<>();
    private final Map<String, Pattern> patterns = new HashMap<>();

    boolean matches(QueryNode query, Post post) {
        List<String> words = wordsOfPost.computeIfAbsent(post, p -> analyze(p.text()));
        return eval(query, post, words, PostDocuments.hashtags(post));
    }

    private boolean eval(QueryNode node, Post post, List<String> words, Set<String> hashtags) {
        return switch (node) {
            case QueryNode.And and -> and.clauses().stream().allMatch(clause -> eval(clause, post, words, hashtags));
            case QueryNode.Or or -> or.clauses().stream().anyMatch(clause -> eval(clause, post, words, hashtags));
            case QueryNode.Not not -> !eval(not.clause(), post, words, hashtags);
            case QueryNode.Hashtag tag -> hashtags.contains(tag.tag().toLowerCase(Locale.ROOT));
            case QueryNode.FieldFilter filter
            when filter.field() == QueryField.TITLE -> {
                List<String> title = analyze(post.title().orElse(""));
                QueryNode inTitle =
                        filter.value().contains("*") || filter.value().contains("?")
                                ? new QueryNode.Wildcard(filter.value())
                                : new QueryNode.Phrase(List.of(filter.value()));
                yield !intervals(inTitle, title).isEmpty();
            }
            case QueryNode.FieldFilter filter -> filter(filter, post);
            case QueryNode.Exact exact ->
                !sequence(analyze(exactAnalyzer, String.join(" ", exact.words())), analyze(exactAnalyzer, post.text()))
                        .isEmpty();
            default -> !intervals(node, words).isEmpty();
        };
    }

    private static boolean filter(QueryNode.FieldFilter filter, Post post) {
        String value = filter.value().toLowerCase(Locale.ROOT);
        return switch (filter.field()) {
            case LANG ->
                post.langs().stream()
                        .map(lang -> lang.toLowerCase(Locale.ROOT))
                        .anyMatch(lang -> lang.equals(value) || lang.startsWith(value + "-"));
            case NETWORK -> post.network().id().equals(value);
            case AUTHOR -> {
                String handle = value.startsWith("@") ? value.substring(1) : value;
                yield post.author().id().toLowerCase(Locale.ROOT).equals(handle)
                        || post.author()
                                .handle()
                                .map(h -> h.toLowerCase(Locale.ROOT).replaceFirst("^@", ""))
                                .filter(handle::equals)
                                .isPresent();
            }
            case SITE -> {
                String site =
                        Links.canonical(value).map(url -> url.split("[/?:]")[0]).orElse("-");
                yield post.links().stream()
                        .flatMap(link -> Links.canonical(link).stream())
                        .map(url -> url.split("[/?:]")[0])
                        .anyMatch(host -> host.equals(site) || host.endsWith("." + site));
            }
            case LINKS -> {
                String wanted = Links.canonical(value).orElse("-");
                yield post.links().stream()
                        .flatMap(link -> Links.canonical(link).stream())
                        .anyMatch(url -> wanted.contains("?")
                                ? url.equals(wanted)
                                : url.split("\\?")[0].equals(wanted) || url.split("\\?")[0].startsWith(wanted + "/"));
            }
            case TITLE -> false;
            // heard fields exist only on archived mentions, never on a bare post
            case SENTIMENT, EMOTION -> false;
        };
    }

    private List<Interval> intervals(QueryNode node, List<String> words) {
        List<Interval> found = new ArrayList<>();
        switch (node) {
            case QueryNode.Word word -> found.addAll(sequence(analyze(word.text()), words));
            case QueryNode.Phrase phrase -> found.addAll(sequence(analyze(String.join(" ", phrase.words())), words));
            case QueryNode.Wildcard wildcard -> {
                Pattern pattern = patterns.computeIfAbsent(wildcard.pattern(), this::wildcardPattern);
                for (int i = 0; i < words.size(); i++) {
                    if (pattern.matcher(words.get(i)).matches()) {
                        found.add(new Interval(i, i));
                    }
                }
            }
            case QueryNode.Fuzzy fuzzy -> {
                String target = String.join("", analyze(fuzzy.word()));
                for (int i = 0; i < words.size(); i++) {
                    if (editDistance(target, words.get(i)) <= fuzzy.maxEdits()) {
                        found.add(new Interval(i, i));
                    }
                }
            }
            case QueryNode.Or or -> or.clauses().forEach(clause -> found.addAll(intervals(clause, words)));
            case QueryNode.Near near -> {
                List<Interval> left = intervals(near.left(), words);
                List<Interval> right = intervals(near.right(), words);
                for (Interval a : left) {
                    for (Interval b : right) {
                        if (a.end() < b.start() && b.start() - a.end() - 1 <= near.distance() - 1) {
                            found.add(new Interval(a.start(), b.end()));
                        }
                        if (!near.ordered() && b.end() < a.start() && a.start() - b.end() - 1 <= near.distance() - 1) {
                            found.add(new Interval(b.start(), a.end()));
                        }
                    }
                }
                // Lucene's intervals keep only minimal ones (none containing another): a NEAR inside a NEAR
                // is measured from its tightest pair
                List<Interval> minimal = found.stream()
                        .filter(i -> found.stream()
                                .noneMatch(j -> !j.equals(i) && j.start() >= i.start() && j.end() <= i.end()))
                        .distinct()
                        .toList();
                found.clear();
                found.addAll(minimal);
            }
            default -> throw new IllegalArgumentException("not a text operator: " + node);
        }
        return found;
    }

    private static List<Interval> sequence(List<String> phrase, List<String> words) {
        List<Interval> found = new ArrayList<>();
        if (phrase.isEmpty()) {
            return found;
        }
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            if (words.subList(i, i + phrase.size()).equals(phrase)) {
                found.add(new Interval(i, i + phrase.size() - 1));
            }
        }
        return found;
    }

    private Pattern wildcardPattern(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(String.join("", analyze(literal.toString()))));
                regex.append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(String.join("", analyze(literal.toString()))));
        return Pattern.compile(regex.toString().replace("\\Q\\E", ""));
    }

    /** Optimal string alignment distance: Levenshtein plus swaps of two neighbours, as Lucene's fuzzy. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    List<String> analyze(String text) {
        return analyze(analyzer, text);
    }

    private static List<String> analyze(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
