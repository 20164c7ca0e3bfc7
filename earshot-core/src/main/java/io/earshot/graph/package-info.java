/**
 * The interaction graph: who reposted, replied to, quoted, mentioned, followed or blocked whom, and when, kept
 * as {@link io.earshot.graph.Edge edges} for influence scoring.
 *
 * <h2>Feeding it</h2>
 *
 * <p>The ingest pipeline hands every interaction to {@link io.earshot.graph.InteractionGraph#add} and every
 * undone one (unrepost, unfollow, a deleted post's reply and quote keys) to
 * {@link io.earshot.graph.InteractionGraph#remove}, once per batch. Likes and interactions of an account with
 * itself are not edges and are skipped ({@link io.earshot.graph.Edge#of}), so the pipeline need not filter.
 * Both calls are idempotent: a replayed batch changes nothing. Unlike engagement counters, edges do not depend
 * on Earshot keeping the post they are about: a repost of any post on the firehose is an edge.
 *
 * <pre>{@code
 * graph.add(interactionsOfTheBatch);          // InteractionAdded
 * graph.remove(removedKeysOfTheBatch);        // InteractionRemoved
 * graph.removeAccount(network, did);          // an account deleted or taken down
 * graph.removeBefore(now.minus(InteractionGraph.DEFAULT_RETENTION));   // daily
 * }</pre>
 *
 * <h2>Reading it</h2>
 *
 * <pre>{@code
 * graph.forEachSince(since, edge -> scores.add(edge));                       // every edge, oldest first
 * EdgePage page = graph.edgesSince(since, Optional.empty(), 1000);          // or page by page
 * List<Edge> fans = graph.edgesOf(Network.BLUESKY, did, Direction.IN, 50);  // newest first
 * }</pre>
 *
 * <h2>Bounds</h2>
 *
 * <p>The public Bluesky firehose alone gives tens of edges a second, millions a day, so the graph keeps a
 * window of time ({@link io.earshot.graph.InteractionGraph#DEFAULT_RETENTION}, 90 days, unless configured):
 * older edges are removed, not summarised, because most pairs of accounts interact once (on a week of real
 * Twitter interactions, 563,069 interactions joined 511,473 distinct (from, to, kind) triples: a summary would
 * save under 10% and lose the keys that undo edges). In the embedded home an edge costs ~125 bytes on disk:
 * 90 days of the whole firehose is tens of gigabytes, so a whole-firehose install should keep 14 to 30 days
 * (docs/benchmarks.md, "Interaction graph").
 */
package io.earshot.graph;
