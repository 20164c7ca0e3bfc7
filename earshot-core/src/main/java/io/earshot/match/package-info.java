/**
 * Live matching: which topics does each incoming post belong to, and which words made it match.
 *
 * <pre>{@code
 * try (TopicMatcher matcher = new CompiledTopicMatcher()) {
 *     matcher.put(42, QueryParser.parse("earshot OR #earshot").root());   // any thread, any time
 *     List<List<TopicMatch>> matches = matcher.match(posts);             // one list per post, in order
 *     // matches.get(0) -> [TopicMatch[topicId=42, spans=[Span[start=10, end=17]]]]
 * }
 * }</pre>
 *
 * <p>Two implementations of {@link io.earshot.match.TopicMatcher}, with the same results:
 *
 * <ul>
 *   <li>{@link io.earshot.match.CompiledTopicMatcher}, the one to run: each topic is compiled into a plan
 *       with the meaning of its Lucene query and filed under keys (words, wildcard prefixes, pieces of
 *       leading-wildcard patterns, deletion variants of fuzzy words, hashtags, handles and other field
 *       values); a post is analysed once and only the topics its keys lead to are checked. Hundreds of
 *       times faster than Lucene Monitor on listening topics (docs/benchmarks.md).
 *   <li>{@link io.earshot.match.MonitorTopicMatcher}: every topic's compiled Lucene query in a Lucene
 *       Monitor, a batch matched in one Monitor call. Lucene decides every match; slower by far, and kept
 *       as the reference the other is tested against.
 * </ul>
 *
 * <p>Both agree with archive search because both start from the same query compiler and post analysis
 * ({@link io.earshot.lucene}); a randomized test generates posts and queries with every operator and checks
 * both matchers, archive search and a brute-force evaluator give identical answers.
 *
 * <p>Topics can be put, replaced and removed while other threads match; a post sees each topic either before
 * or after a change, and never twice. {@code match} may be called from several threads at once. Spans are
 * Java {@code char} offsets into the post's text; a match on field filters alone ({@code lang:en}) has none.
 * A pure exclusion ({@code NOT spam}) and a wildcard with no usable literal part are checked against every
 * post.
 */
package io.earshot.match;
