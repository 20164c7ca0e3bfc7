package io.earshot.lucene;

import io.earshot.query.QueryField;
import io.earshot.query.QueryNode;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Field filters ({@code author:}, {@code lang:}, {@code site:} …) as single-term queries wherever possible:
 * one term is exact, cheap in the archive, and lets the live matcher select the topic by it.
 */
final class FieldFilters {

    private FieldFilters() {}

    static Query compile(QueryNode.FieldFilter filter, QueryCompiler compiler) {
        String value = filter.value();
        if (filter.field() == QueryField.TITLE) {
            return value.indexOf('*') >= 0 || value.indexOf('?') >= 0
                    ? new WildcardQuery(new Term(IndexFields.TITLE, compiler.foldPattern(value)))
                    : QueryCompiler.wordsQuery(IndexFields.TITLE, compiler.words(value));
        }
        return term(filter)
                .<Query>map(TermQuery::new)
                .orElseGet(() -> new MatchNoDocsQuery("not a web address: " + value));
    }

    /** The one keyword term a filter other than {@code title:} stands for; empty when it can match nothing. */
    static Optional<Term> term(QueryNode.FieldFilter filter) {
        String value = filter.value();
        return switch (filter.field()) {
            case AUTHOR -> Optional.of(new Term(IndexFields.AUTHOR, QueryCompiler.lower(QueryCompiler.stripAt(value))));
            case LANG ->
                Optional.of(
                        new Term(IndexFields.LANG, QueryCompiler.lower(value).replace('_', '-')));
            case NETWORK -> Optional.of(new Term(IndexFields.NETWORK, QueryCompiler.lower(value)));
            case SITE ->
                Links.canonical(value)
                        .map(url -> new Term(
                                IndexFields.SITE, Links.siteAndParents(url).get(0)));
            case LINKS ->
                Links.canonical(value)
                        // with a query string the page is meant exactly; without, every page under the path
                        .map(url -> url.indexOf('?') >= 0
                                ? new Term(IndexFields.LINKS, url)
                                : new Term(IndexFields.LINKS_UNDER, url));
            case TITLE -> throw new IllegalArgumentException("title: is analysed text, not a keyword");
            case SENTIMENT -> Optional.of(new Term(IndexFields.SENTIMENT, QueryCompiler.lower(value)));
            case EMOTION -> Optional.of(new Term(IndexFields.EMOTION, QueryCompiler.lower(value)));
        };
    }
}
