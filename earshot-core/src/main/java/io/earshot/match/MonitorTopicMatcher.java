package io.earshot.match;

import io.earshot.domain.Post;
import io.earshot.domain.TopicMatch;
import io.earshot.lucene.PostAnalyzer;
import io.earshot.lucene.PostDocuments;
import io.earshot.lucene.QueryCompiler;
import io.earshot.query.QueryNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live matcher: every topic is a query registered in a Lucene {@link Monitor}; a batch of posts is
 * matched in one Monitor call, and each match carries the spans of text that made it.
 *
 * <p>Topics can be put and removed from any thread while another thread matches: the Monitor swaps its
 * query index atomically, so a batch sees the topic set either before or after a change, never half of it.
 */
public final class MonitorTopicMatcher implements TopicMatcher {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorTopicMatcher.class);

    private final Monitor monitor;
    private final QueryCompiler compiler = new QueryCompiler();
    private final Map<Long, QueryNode> topics = new ConcurrentHashMap<>();

    /** A matcher with Lucene Monitor's default presearcher, holding its queries in memory. */
    public MonitorTopicMatcher() {
        this(new TermFilteredPresearcher());
    }

    MonitorTopicMatcher(Presearcher presearcher) {
        try {
            // no filter fields in the presearcher: a field used both as a filter and inside a query body
            // silently stops that query from matching (apache/lucene#14427)
            this.monitor = new Monitor(PostAnalyzer.forDocuments(), presearcher);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the topic matcher", e);
        }
    }

    @Override
    public void put(long topicId, QueryNode query) {
        Objects.requireNonNull(query, "query");
        try {
            monitor.register(new MonitorQuery(Long.toString(topicId), compiler.compile(query)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register topic " + topicId, e);
        }
        topics.put(topicId, query);
    }

    @Override
    public void remove(long topicId) {
        try {
            monitor.deleteById(Long.toString(topicId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove topic " + topicId, e);
        }
        topics.remove(topicId);
    }

    @Override
    public List<List<TopicMatch>> match(List<Post> posts) {
        if (posts.isEmpty()) {
            return List.of();
        }
        Document[] documents = new Document[posts.size()];
        for (int i = 0; i < documents.length; i++) {
            documents[i] = PostDocuments.toDocument(posts.get(i));
        }
        MultiMatchingQueries<HighlightsMatch> result;
        try {
            result = monitor.match(documents, HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("matching failed", e);
        }
        if (!result.getErrors().isEmpty()) {
            // one broken topic must not stop the others; it is reported, and the post goes on
            result.getErrors().forEach((id, error) -> LOG.warn("topic {} failed to match: {}", id, error.toString()));
        }
        List<List<TopicMatch>> matches = new ArrayList<>(posts.size());
        for (int i = 0; i < documents.length; i++) {
            Post post = posts.get(i);
            List<TopicMatch> forPost = new ArrayList<>();
            for (HighlightsMatch match : result.getMatches(i)) {
                long topicId = Long.parseLong(match.getQueryId());
                QueryNode query = topics.get(topicId);
                forPost.add(new TopicMatch(topicId, Highlights.spans(post, match, query)));
            }
            forPost.sort(Comparator.comparingLong(TopicMatch::topicId));
            matches.add(List.copyOf(forPost));
        }
        return List.copyOf(matches);
    }

    @Override
    public int topicCount() {
        try {
            return monitor.getQueryCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
