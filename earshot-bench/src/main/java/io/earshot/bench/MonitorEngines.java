package io.earshot.bench;

import io.earshot.domain.Post;
import io.earshot.lucene.PostAnalyzer;
import io.earshot.lucene.PostDocuments;
import io.earshot.lucene.QueryCompiler;
import io.earshot.query.QueryNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;

/** Plain Lucene Monitor set-ups to compare with: the baseline and the presearcher and batch-size variants. */
final class MonitorEngines {

    private MonitorEngines() {}

    /** A Monitor with every topic registered under its index as id. */
    static Monitor monitor(List<QueryNode> topics, boolean multipass) {
        Presearcher presearcher = multipass ? new MultipassTermFilteredPresearcher(2) : new TermFilteredPresearcher();
        QueryCompiler compiler = new QueryCompiler();
        try {
            Monitor monitor = new Monitor(PostAnalyzer.forDocuments(), presearcher);
            List<MonitorQuery> queries = new ArrayList<>(topics.size());
            for (int i = 0; i < topics.size(); i++) {
                queries.add(new MonitorQuery(Integer.toString(i), compiler.compile(topics.get(i))));
            }
            monitor.register(queries);
            return monitor;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The naive way: one post, one Monitor call. */
    static long[] matchOne(Monitor monitor, Post post) {
        try {
            MatchingQueries<QueryMatch> matches =
                    monitor.match(PostDocuments.toDocument(post), QueryMatch.SIMPLE_MATCHER);
            return ids(matches.getMatches());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A batch of posts in one Monitor call. */
    static List<long[]> matchBatch(Monitor monitor, List<Post> posts) {
        Document[] documents = posts.stream().map(PostDocuments::toDocument).toArray(Document[]::new);
        try {
            MultiMatchingQueries<QueryMatch> matches = monitor.match(documents, QueryMatch.SIMPLE_MATCHER);
            List<long[]> out = new ArrayList<>(posts.size());
            for (int i = 0; i < documents.length; i++) {
                out.add(ids(matches.getMatches(i)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long[] ids(Iterable<QueryMatch> matches) {
        List<Long> ids = new ArrayList<>();
        for (QueryMatch match : matches) {
            ids.add(Long.parseLong(match.getQueryId()));
        }
        return ids.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
