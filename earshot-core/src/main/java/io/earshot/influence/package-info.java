/**
 * Influence that explains itself: for every account seen in the interaction graph, a 0–100 score and the
 * evidence behind it — who matters, for what subject, and why.
 *
 * <h2>What a score is made of</h2>
 *
 * <ul>
 *   <li><b>Reach</b>: {@code log10(1 + followers)} when a network told us the audience (Bluesky profiles,
 *       Mastodon statuses); 0 when it did not.
 *   <li><b>Amplification</b>: reposts and quotes the account's posts received, each weighing
 *       {@code 0.4 + 0.6 × 2^(-age / half-life)} (half-life 7 days), after the anti-gaming rules. Also shown per
 *       amplified post.
 *   <li><b>Network authority</b>: PageRank over the graph, edges weighted by kind (repost and quote 1, reply and
 *       follow 0.5, mention 0.25), by the same recency and by the same rules; 1 is an average account. Being
 *       reposted by an account many others repost counts more than by a throwaway one.
 *   <li><b>Topic authority</b> ({@link io.earshot.influence.TopicInfluence}): the same computation on the part of
 *       the graph around a set of topics' mentions.
 * </ul>
 *
 * <p>They combine into {@code ln(1 + amplification) × (1 + 0.05 × ln(max(1, authority))) + 0.5 × reach}, and the
 * score is that value's percentile among the accounts of this install that have any (ties share the higher
 * percentile; no evidence is 0). Ranks, not raw values, make the score stable: when nothing new happens, every
 * account's evidence ages alike and the scores stay put.
 *
 * <h2>Anti-gaming rules</h2>
 *
 * <p>Each is a {@link io.earshot.influence.Rule} and is listed on the interactions it touched: self-interactions
 * count for nothing; reposts between two accounts that repost each other count half; one account adds at most
 * three reposts' worth to another; beyond 100 amplifications in an hour, more count logarithmically; an account
 * acting more than 500 times a day weighs 500 divided by its rate. The values are in
 * {@link io.earshot.influence.InfluenceSettings}.
 *
 * <h2>Using it</h2>
 *
 * <pre>{@code
 * InfluenceService influence = new InfluenceService(graph, archive, store, InfluenceSettings.DEFAULT, clock);
 * influence.recompute();                 // every account, from the graph's window (seconds for 500k edges)
 * influence.takeInNewEdges();            // every second: new interactions change the affected scores at once
 * OptionalDouble score = influence.score(Network.BLUESKY, did);          // what alert rules call
 * List<Contribution> why = influence.snapshot().explain(Network.BLUESKY, did, 20);
 * new TopicInfluence(archive, influence).voices(topicIds, true, 50);     // advocates of a project's topics
 * influence.erase(Network.BLUESKY, did); // the author's data goes, and they are never scored again
 * }</pre>
 *
 * <p>Measured, not asserted: {@code earshot eval influence --graph FILE --split-at TS} compares the ranking with who
 * is reposted after {@code TS}, next to two baselines; {@code earshot bench influence} times a full computation
 * and an incremental update. docs/influence.md has the method and the figures.
 */
package io.earshot.influence;
