/**
 * Listening to Bluesky through <a href="https://github.com/bluesky-social/jetstream">Jetstream</a>, the JSON
 * view of the network's firehose.
 *
 * <h2>Run it</h2>
 *
 * <pre>{@code
 * JetstreamSource bluesky = new JetstreamSource(JetstreamConfig.defaults(), cursorStore);
 * Thread.ofPlatform().name("bluesky").start(() -> bluesky.run(pipeline::accept)); // blocks while the pipeline is full
 * ...
 * bluesky.status();  // state, endpoint, counts, last error, cursor
 * bluesky.stop();    // closes the socket; run() returns
 * }</pre>
 *
 * {@link io.earshot.source.bluesky.JetstreamConfig#defaults()} listens to posts, likes, reposts and follows from
 * everyone on Bluesky's four public instances. Narrow it with {@code withWantedDids(...)} (at most 10,000
 * accounts) or widen it with {@code withWantedCollections(...)} (prefixes like {@code app.bsky.graph.*} work).
 *
 * <h2>Delivery and resuming</h2>
 *
 * Batches reach the sink in arrival order; each carries the highest {@code time_us} it covers as its cursor.
 * The source never commits cursors: the pipeline does, after storing a batch. Each connection starts from the
 * committed cursor minus {@code cursorRewind} (5 s), so a crash, a dropped connection or a restart loses
 * nothing and replays a few seconds, which idempotent writes absorb. Jetstream keeps about 36 hours.
 *
 * <p>At most {@code batchSize} messages are in memory: the source asks the WebSocket for more only when the
 * sink has taken a batch, so a slow pipeline slows the reading, never grows the heap. Messages over 1 MiB are
 * dropped and counted, whether they come whole or in fragments.
 *
 * <h2>What becomes what</h2>
 *
 * {@link io.earshot.source.bluesky.JetstreamMapper} is a pure function from one message to a
 * {@link io.earshot.source.Mapping}:
 *
 * <ul>
 *   <li>a post create gives {@code PostCreated}, and an {@code InteractionAdded} for its reply (keyed as the
 *       post's own record), its quote ({@code …#quote}) and each account it mentions ({@code …#mention:<did>});
 *       an update gives {@code PostEdited} (no interactions: they were counted at creation); a delete gives
 *       {@code PostDeleted} and takes back the reply and quote it may have made;
 *   <li>likes, reposts, follows and blocks give {@code InteractionAdded} on create and
 *       {@code InteractionRemoved} on delete, keyed {@code <did>/<collection>/<rkey>};
 *   <li>{@code identity} and {@code account} events give {@code AccountChanged};
 *   <li>other collections and kinds are {@code Skipped} with a reason such as
 *       {@code collection:app.bsky.actor.profile}; malformed messages are {@code Rejected} with what is wrong.
 * </ul>
 *
 * Post keys come from {@link io.earshot.source.bluesky.BlueskyIds}: {@code bluesky:<did>:<rkey>}. Hashtags,
 * mentions and links come from the post's facets, whose offsets count UTF-8 bytes; a facet with impossible
 * offsets is skipped, not the post. Timestamps come from the record's {@code createdAt} when it parses, else
 * from the event's {@code time_us}.
 *
 * <h2>When things go wrong</h2>
 *
 * A refused, dropped or timed-out connection is logged once per attempt, e.g.
 * {@code bluesky: cannot reach wss://jetstream2.us-east.bsky.network/subscribe: connection refused; retrying in 4s},
 * the status turns {@code RETRYING}, and the next endpoint is tried after an exponential, jittered delay
 * (1 s doubling up to 1 min by default). A connection that goes quiet for 30 s is pinged; if the ping gets no
 * answer within 30 s the connection is given up as half-open and replaced. Rejected messages (malformed, over
 * the size limit, binary) are counted in the status and logged at most every 10 s.
 */
package io.earshot.source.bluesky;
