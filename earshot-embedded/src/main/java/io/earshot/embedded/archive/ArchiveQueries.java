package io.earshot.embedded.archive;

import io.earshot.analytics.AnalyticsScope;
import io.earshot.archive.MentionSearch;
import io.earshot.lucene.IndexFields;
import io.earshot.lucene.QueryCompiler;
import java.util.Locale;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The Lucene filters of the archive's reads: a search's (topic, matched only, query) and an analytics scope's
 * (topics, time range, sentiment, emotion, network, language, query), both compiling the topic query language the
 * way live matching reads it.
 */
final class ArchiveQueries {

    private final QueryCompiler compiler = new QueryCompiler();

    Query search(MentionSearch search) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        search.topicId()
                .ifPresent(topic -> filter.add(LongPoint.newExactQuery(ArchiveDocuments.TOPIC, topic), Occur.FILTER));
        if (search.matchedOnly()) {
            filter.add(matched(), Occur.FILTER);
        }
        search.query().ifPresent(query -> filter.add(compiler.compile(query), Occur.FILTER));
        BooleanQuery built = filter.build();
        return built.clauses().isEmpty() ? new MatchAllDocsQuery() : built;
    }

    Query scope(AnalyticsScope scope) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        long[] topics = scope.topics().stream().mapToLong(Long::longValue).toArray();
        filter.add(LongPoint.newSetQuery(ArchiveDocuments.TOPIC, topics), Occur.FILTER);
        long to = ArchiveDocuments.epochMillis(scope.to());
        filter.add(
                LongField.newRangeQuery(ArchiveDocuments.CREATED, ArchiveDocuments.epochMillis(scope.from()), to - 1),
                Occur.FILTER);
        scope.sentiment().ifPresent(value -> filter.add(term(IndexFields.SENTIMENT, value), Occur.FILTER));
        scope.emotion().ifPresent(value -> filter.add(term(IndexFields.EMOTION, value), Occur.FILTER));
        scope.network().ifPresent(value -> filter.add(term(IndexFields.NETWORK, value), Occur.FILTER));
        scope.lang().ifPresent(value -> filter.add(term(IndexFields.LANG, value), Occur.FILTER));
        scope.query().ifPresent(node -> filter.add(compiler.compile(node), Occur.FILTER));
        return filter.build();
    }

    /** {@code query}'s posts that matched no topic. */
    static Query unmatched(Query query) {
        return new BooleanQuery.Builder()
                .add(query, Occur.FILTER)
                .add(matched(), Occur.MUST_NOT)
                .build();
    }

    private static Query matched() {
        return new TermQuery(new Term(ArchiveDocuments.MATCHED, "1"));
    }

    private static TermQuery term(String field, String value) {
        return new TermQuery(new Term(field, value.strip().toLowerCase(Locale.ROOT)));
    }
}
