package io.earshot.lucene;

import io.earshot.query.QueryNode;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Field filters ({@code author:}, {@code lang:}, {@code site:} …) as single-term queries wherever possible:
 * one term is exact, cheap in the archive, and lets the live matcher's presearcher select the topic by it.
 */
final class FieldFilters {

    private FieldFilters() {}

    static Query compile(QueryNode.FieldFilter filter, QueryCompiler compiler) {
        String value = filter.value();
        return switch (filter.field()) {
            case AUTHOR -> term(IndexFields.AUTHOR, QueryCompiler.lower(QueryCompiler.stripAt(value)));
            case LANG -> term(IndexFields.LANG, QueryCompiler.lower(value).replace('_', '-'));
            case NETWORK -> term(IndexFields.NETWORK, QueryCompiler.lower(value));
            case SITE ->
                canonical(value)
                        .map(url ->
                                term(IndexFields.SITE, Links.siteAndParents(url).get(0)))
                        .orElseGet(() -> new MatchNoDocsQuery("not a web address: " + value));
            case LINKS ->
                canonical(value)
                        // with a query string the page is meant exactly; without, every page under the path
                        .map(url -> url.indexOf('?') >= 0
                                ? term(IndexFields.LINKS, url)
                                : term(IndexFields.LINKS_UNDER, url))
                        .orElseGet(() -> new MatchNoDocsQuery("not a web address: " + value));
            case TITLE ->
                value.indexOf('*') >= 0 || value.indexOf('?') >= 0
                        ? new WildcardQuery(new Term(IndexFields.TITLE, compiler.fold(value)))
                        : QueryCompiler.wordsQuery(IndexFields.TITLE, compiler.analyzeWords(value));
        };
    }

    private static Optional<String> canonical(String value) {
        return Links.canonical(value);
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }
}
