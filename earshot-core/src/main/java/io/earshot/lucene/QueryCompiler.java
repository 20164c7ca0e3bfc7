package io.earshot.lucene;

import io.earshot.query.QueryField;
import io.earshot.query.QueryNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Compiles a {@link QueryNode} into a Lucene {@link Query} over the fields of {@link IndexFields}.
 * Used by the live matcher and by archive search, so both agree on what a topic means. Thread-safe.
 */
public final class QueryCompiler {

    /**
     * How many distinct index terms one wildcard or fuzzy word inside NEAR may stand for. A post has few
     * words, so only archive search over a large index can reach it; then the query fails rather than
     * silently missing posts.
     */
    static final int MAX_NEAR_EXPANSIONS = 1_024;

    private final Analyzer words = PostAnalyzer.words();
    private final Analyzer exactWords = PostAnalyzer.exactWords();

    public Query compile(QueryNode node) {
        return switch (node) {
            case QueryNode.Word word -> wordsQuery(IndexFields.TEXT, analyze(words, word.text()));
            case QueryNode.Phrase phrase ->
                wordsQuery(IndexFields.TEXT, analyze(words, String.join(" ", phrase.words())));
            case QueryNode.Exact exact ->
                wordsQuery(IndexFields.TEXT_EXACT, analyze(exactWords, String.join(" ", exact.words())));
            case QueryNode.Wildcard wildcard ->
                new WildcardQuery(new Term(IndexFields.TEXT, foldPattern(wildcard.pattern())));
            case QueryNode.Fuzzy fuzzy ->
                new FuzzyQuery(new Term(IndexFields.TEXT, foldPattern(fuzzy.word())), fuzzy.maxEdits());
            case QueryNode.Hashtag tag -> new TermQuery(keywordTerm(tag).orElseThrow());
            case QueryNode.AccountMention mention ->
                new TermQuery(keywordTerm(mention).orElseThrow());
            case QueryNode.FieldFilter filter -> FieldFilters.compile(filter, this);
            case QueryNode.And and -> and(and.clauses());
            case QueryNode.Or or -> or(or.clauses());
            case QueryNode.Not not -> and(List.of(not));
            case QueryNode.Near near -> new IntervalQuery(IndexFields.TEXT, intervals(near));
        };
    }

    private Query and(List<QueryNode> clauses) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        boolean positive = false;
        for (QueryNode clause : clauses) {
            if (clause instanceof QueryNode.Not not) {
                builder.add(compile(not.clause()), BooleanClause.Occur.MUST_NOT);
            } else {
                builder.add(compile(clause), BooleanClause.Occur.MUST);
                positive = true;
            }
        }
        if (!positive) {
            // a pure exclusion means "every post except": Lucene needs the "every post" spelled out
            builder.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        return builder.build();
    }

    private Query or(List<QueryNode> clauses) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (QueryNode clause : clauses) {
            builder.add(compile(clause), BooleanClause.Occur.SHOULD);
        }
        return builder.build();
    }

    /**
     * NEAR/n: the two sides with at most n-1 other words between them, so two single words are at most n
     * positions apart; ONEAR/n also wants the left side first. The sides may not overlap.
     */
    private IntervalsSource intervals(QueryNode node) {
        return switch (node) {
            case QueryNode.Word word -> intervals(analyze(words, word.text()));
            case QueryNode.Phrase phrase -> intervals(analyze(words, String.join(" ", phrase.words())));
            case QueryNode.Wildcard wildcard ->
                Intervals.wildcard(new BytesRef(foldPattern(wildcard.pattern())), MAX_NEAR_EXPANSIONS);
            case QueryNode.Fuzzy fuzzy ->
                Intervals.fuzzyTerm(
                        foldPattern(fuzzy.word()),
                        fuzzy.maxEdits(),
                        FuzzyQuery.defaultPrefixLength,
                        FuzzyQuery.defaultTranspositions,
                        MAX_NEAR_EXPANSIONS);
            case QueryNode.Or or ->
                Intervals.or(or.clauses().stream().map(this::intervals).toList());
            case QueryNode.Near near -> {
                IntervalsSource left = intervals(near.left());
                IntervalsSource right = intervals(near.right());
                int gaps = near.distance() - 1;
                IntervalsSource forward = Intervals.maxgaps(gaps, Intervals.ordered(left, right));
                yield near.ordered()
                        ? forward
                        : Intervals.or(forward, Intervals.maxgaps(gaps, Intervals.ordered(right, left)));
            }
            default ->
                throw new IllegalArgumentException(
                        "NEAR works on words, phrases, wildcards and OR-groups, not " + node);
        };
    }

    private static IntervalsSource intervals(List<String> tokens) {
        if (tokens.isEmpty()) {
            return Intervals.noIntervals("no words left after analysis");
        }
        return tokens.size() == 1 ? Intervals.term(tokens.get(0)) : Intervals.phrase(tokens.toArray(String[]::new));
    }

    static Query wordsQuery(String field, List<String> tokens) {
        if (tokens.isEmpty()) {
            return new MatchNoDocsQuery("no words left after analysis");
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0)));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (String token : tokens) {
            phrase.add(new Term(field, token));
        }
        return phrase.build();
    }

    /** The words the index holds for {@code text}: lower-cased, accents folded, possessive removed. */
    public List<String> words(String text) {
        return analyze(words, text);
    }

    /** The words the {@code exact:} field holds for {@code text}: as written, possessive removed. */
    public List<String> exactWords(String text) {
        return analyze(exactWords, text);
    }

    /**
     * The single keyword term that a hashtag, a mention or a field filter other than {@code title:} looks
     * for; empty when the node is none of those or can match nothing (e.g. {@code site:} with no address).
     */
    public Optional<Term> keywordTerm(QueryNode node) {
        return switch (node) {
            case QueryNode.Hashtag tag -> Optional.of(new Term(IndexFields.HASHTAG, lower(tag.tag())));
            case QueryNode.AccountMention mention ->
                Optional.of(new Term(IndexFields.MENTION, lower(stripAt(mention.handle()))));
            case QueryNode.FieldFilter filter when filter.field() != QueryField.TITLE -> FieldFilters.term(filter);
            default -> Optional.empty();
        };
    }

    /** The tokens the index would hold for {@code text}. */
    static List<String> analyze(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(IndexFields.TEXT, text)) {
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

    /** A wildcard pattern with each literal run folded the way the index folds words; {@code *} and {@code ?} kept. */
    public String foldPattern(String pattern) {
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?') {
                out.append(foldLiteral(literal.toString())).append(c);
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        return out.append(foldLiteral(literal.toString())).toString();
    }

    private String foldLiteral(String literal) {
        if (literal.isEmpty()) {
            return literal;
        }
        List<String> tokens = analyze(words, literal);
        return tokens.isEmpty() ? lower(literal) : String.join("", tokens);
    }

    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    static String stripAt(String handle) {
        return handle.startsWith("@") ? handle.substring(1) : handle;
    }
}
