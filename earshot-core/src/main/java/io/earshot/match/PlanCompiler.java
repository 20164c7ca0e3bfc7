package io.earshot.match;

import io.earshot.lucene.QueryCompiler;
import io.earshot.query.QueryField;
import io.earshot.query.QueryNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

/**
 * Compiles a {@link QueryNode} into a {@link Plan}, step for step as {@link QueryCompiler} compiles it into a
 * Lucene query, and with the same helpers (analysis, folding, keyword terms), so that both agree.
 */
final class PlanCompiler {

    private final QueryCompiler lucene = new QueryCompiler();

    Plan compile(QueryNode node) {
        return switch (node) {
            case QueryNode.Word word -> words(Plan.Field.TEXT, lucene.words(word.text()));
            case QueryNode.Phrase phrase -> words(Plan.Field.TEXT, lucene.words(String.join(" ", phrase.words())));
            case QueryNode.Exact exact -> words(Plan.Field.EXACT, lucene.exactWords(String.join(" ", exact.words())));
            case QueryNode.Wildcard wildcard -> wildcard(Plan.Field.TEXT, wildcard.pattern());
            case QueryNode.Fuzzy fuzzy -> {
                String word = lucene.foldPattern(fuzzy.word());
                LevenshteinAutomata levenshtein = new LevenshteinAutomata(word, FuzzyQuery.defaultTranspositions);
                yield new Plan.Automaton(
                        Plan.Field.TEXT,
                        word,
                        fuzzy.maxEdits(),
                        new CharacterRunAutomaton(levenshtein.toAutomaton(fuzzy.maxEdits())),
                        "");
            }
            case QueryNode.FieldFilter filter
            when filter.field() == QueryField.TITLE ->
                filter.value().indexOf('*') >= 0 || filter.value().indexOf('?') >= 0
                        ? wildcard(Plan.Field.TITLE, filter.value())
                        : words(Plan.Field.TITLE, lucene.words(filter.value()));
            case QueryNode.Hashtag tag -> keyword(tag);
            case QueryNode.AccountMention mention -> keyword(mention);
            case QueryNode.FieldFilter filter -> keyword(filter);
            case QueryNode.And and -> and(and.clauses());
            case QueryNode.Not not -> and(List.of(not));
            case QueryNode.Or or ->
                new Plan.Any(or.clauses().stream().map(this::compile).toArray(Plan[]::new));
            case QueryNode.Near near ->
                new Plan.Near(compile(near.left()), compile(near.right()), near.distance(), near.ordered());
        };
    }

    private Plan and(List<QueryNode> clauses) {
        List<Plan> must = new ArrayList<>();
        List<Plan> mustNot = new ArrayList<>();
        for (QueryNode clause : clauses) {
            if (clause instanceof QueryNode.Not not) {
                mustNot.add(compile(not.clause()));
            } else {
                must.add(compile(clause));
            }
        }
        return new Plan.All(must.toArray(Plan[]::new), mustNot.toArray(Plan[]::new));
    }

    private static Plan words(Plan.Field field, List<String> terms) {
        return terms.isEmpty() ? new Plan.Nothing() : new Plan.Words(field, terms.toArray(String[]::new));
    }

    private Plan wildcard(Plan.Field field, String pattern) {
        String folded = lucene.foldPattern(pattern);
        org.apache.lucene.util.automaton.Automaton automaton = Operations.determinize(
                WildcardQuery.toAutomaton(new Term("", folded), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT),
                Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
        int star = folded.indexOf('*');
        boolean stemOnly = star == folded.length() - 1 && folded.indexOf('?') < 0;
        return new Plan.Automaton(
                field, folded, 0, new CharacterRunAutomaton(automaton), stemOnly ? folded.substring(0, star) : "");
    }

    private Plan keyword(QueryNode node) {
        return lucene.keywordTerm(node)
                .<Plan>map((Term term) -> new Plan.Keyword(term.field(), term.text()))
                .orElseGet(Plan.Nothing::new);
    }
}
