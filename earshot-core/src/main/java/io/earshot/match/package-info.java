/**
 * Live matching: which topics does each incoming post belong to, and which words made it match.
 *
 * <pre>{@code
 * try (TopicMatcher matcher = new MonitorTopicMatcher()) {
 *     matcher.put(42, QueryParser.parse("earshot OR #earshot").root());   // any thread, any time
 *     List<List<TopicMatch>> matches = matcher.match(posts);             // one list per post, in order
 *     // matches.get(0) -> [TopicMatch[topicId=42, spans=[Span[start=10, end=17]]]]
 * }
 * }</pre>
 *
 * <p>{@link io.earshot.match.MonitorTopicMatcher} registers each topic's compiled query in a Lucene
 * Monitor and matches a whole batch of posts in one call. Topics can be put, replaced and removed while
 * another thread matches; a batch sees each topic either before or after a change. Spans are Java
 * {@code char} offsets into the post's text; a match on field filters alone ({@code lang:en}) has none.
 * A pure exclusion ({@code NOT spam}) matches every post without the word, so it is checked against every
 * post.
 */
package io.earshot.match;
