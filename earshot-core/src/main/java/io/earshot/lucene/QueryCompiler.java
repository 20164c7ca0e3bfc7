package io.earshot.lucene;

import io.earshot.query.QueryNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Compiles a {@link QueryNode} into a Lucene {@link Query} over the fields of {@link IndexFields}.
 * Used by the live matcher and by archive search, so both agree on what a topic means.
 */
public final class QueryCompiler {

    private final Analyzer words = PostAnalyzer.words();
    private final Analyzer exactWords = PostAnalyzer.exactWords();

    public Query compile(QueryNode node) {
        return switch (node) {
            case QueryNode.Word word -> wordsQuery(IndexFields.TEXT, analyze(words, word.text()));
            case QueryNode.Phrase phrase ->
                wordsQuery(IndexFields.TEXT, analyze(words, String.join(" ", phrase.words())));
            case QueryNode.Exact exact ->
                wordsQuery(IndexFields.TEXT_EXACT, analyze(exactWords, String.join(" ", exact.words())));
            case QueryNode.Wildcard wildcard -> new WildcardQuery(new Term(IndexFields.TEXT, fold(wildcard.pattern())));
            case QueryNode.Fuzzy fuzzy ->
                new FuzzyQuery(new Term(IndexFields.TEXT, fold(fuzzy.word())), fuzzy.maxEdits());
            case QueryNode.Hashtag tag -> new TermQuery(new Term(IndexFields.HASHTAG, lower(tag.tag())));
            case QueryNode.AccountMention mention ->
                new TermQuery(new Term(IndexFields.MENTION, lower(mention.handle())));
            case QueryNode.FieldFilter filter ->
                new TermQuery(new Term(filter.field().keyword(), lower(filter.value())));
            case QueryNode.And and -> and(and.clauses());
            case QueryNode.Or or -> or(or.clauses());
            case QueryNode.Not not -> and(List.of(not));
            case QueryNode.Near near -> throw new UnsupportedOperationException("NEAR is not supported yet");
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

    private static Query wordsQuery(String field, List<String> tokens) {
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

    private String fold(String word) {
        // keep wildcard characters; fold each literal the way the index does
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
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

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
