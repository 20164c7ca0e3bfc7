package io.earshot.match;

import io.earshot.domain.Post;
import io.earshot.domain.TopicMatch;
import io.earshot.query.QueryNode;
import java.util.List;

/**
 * Matches posts against the standing topic queries. Topics can be added, replaced and removed while
 * matching runs, from any thread. Matching is a pure function of the posts and the current topic set.
 */
public interface TopicMatcher extends AutoCloseable {

    /** Adds or replaces a topic's query. */
    void put(long topicId, QueryNode query);

    void remove(long topicId);

    /** For each post, in order, the topics it matched (with highlighted spans); empty lists for no match. */
    List<List<TopicMatch>> match(List<Post> posts);

    int topicCount();

    @Override
    void close();
}
