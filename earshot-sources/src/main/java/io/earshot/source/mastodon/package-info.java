/**
 * Listening to Mastodon (and servers that speak its API) through the streaming API, with the REST
 * timelines filling every gap the stream cannot replay.
 *
 * <h2>Run it</h2>
 *
 * <pre>{@code
 * MastodonConfig config = MastodonConfig.of(
 *         URI.create("https://mastodon.social"), new MastodonStream.Hashtag("earshot"), Optional.of(token));
 * MastodonStreamSource mastodon = new MastodonStreamSource(config, cursorStore);
 * Thread.ofPlatform().name("mastodon").start(() -> mastodon.run(pipeline::accept)); // blocks while the pipeline is full
 * ...
 * mastodon.status();  // state, endpoint, counts, last error, cursor
 * mastodon.stop();    // closes the stream; run() returns
 * }</pre>
 *
 * One source follows one stream ({@code public}, {@code public:local}, {@code hashtag} with a tag, or
 * {@code user}) on one instance; two hashtags, or two instances, are two sources with their own ids and
 * cursors. {@link io.earshot.source.mastodon.MastodonStream#parse} reads the stream as a config file names it.
 * Since Mastodon 4.2 every stream needs a user access token with the {@code read:statuses} scope (Preferences,
 * Development, New application); the token is sent only to the instance and its subdomains (mastodon.social
 * serves streaming from {@code streaming.mastodon.social}), over https, in the {@code Authorization} header
 * (never in a URL), and is never logged.
 *
 * <h2>Transports: SSE, WebSocket, or whichever the instance prefers</h2>
 *
 * {@link io.earshot.source.mastodon.MastodonTransport} picks how the stream is read; both carry the same events
 * into the same mapping, batching, back-fill, liveness and retries, so what reaches the pipeline is the same.
 *
 * <ul>
 *   <li>{@code SSE}: {@code GET <instance>/api/v1/streaming/hashtag?tag=…} ({@code public}, {@code public/local},
 *       {@code user}), {@code event:}/{@code data:} lines and {@code :thump} heartbeats. Every instance serves it.
 *   <li>{@code WEBSOCKET}: {@code <streaming server>/api/v1/streaming?stream=hashtag&tag=…}, one stream per socket,
 *       named in the query so that a reconnect needs no {@code subscribe} message. Each message is
 *       {@code {"stream":["hashtag","x"],"event":"update","payload":"<the Status as a JSON string>"}}; the payload
 *       of a {@code delete} is the bare id. The streaming server is the one {@code GET /api/v2/instance}
 *       advertises as {@code configuration.urls.streaming} (v1's {@code urls.streaming_api} before Mastodon 4),
 *       or the instance itself. A socket quiet for half of {@code livenessTimeout} is pinged, and given up when
 *       even that gets no answer.
 *   <li>{@code AUTO} (the default): a WebSocket when the instance advertises a streaming server the token may go
 *       to (the instance's host or a subdomain, encrypted), else SSE; SSE also when asking fails, and from the
 *       first failed WebSocket handshake on, for the rest of the source's life. Instances that run the streaming
 *       server on its own host (mastodon.social) prefer the WebSocket: their instance only redirects SSE requests
 *       there.
 * </ul>
 *
 * The choice is logged ({@code mastodon:mastodon.social:hashtag:earshot: streaming over WebSocket from
 * wss://streaming.mastodon.social/api/v1/streaming?stream=hashtag&tag=earshot (transport: auto;
 * https://mastodon.social advertises its streaming server wss://streaming.mastodon.social)}) and shows in the
 * status: its endpoint is the stream's URL, {@code wss://} or {@code ws://} for a WebSocket.
 *
 * <h2>Delivery and resuming</h2>
 *
 * Mastodon's streaming API replays nothing, so each connection first opens the stream, then reads what it
 * missed from the stream's REST timeline ({@code /api/v1/timelines/tag/:hashtag}, {@code …/public},
 * {@code …/home}) with {@code min_id=<cursor>}, 40 statuses a page, following the {@code Link} header's
 * {@code rel="prev"} until a page is empty, oldest first; only then does it read the stream, whose events
 * waited meanwhile. A status published in between is in the page or in the stream (or both; writes are
 * idempotent), never in neither. The cursor is the newest status id delivered; the pipeline commits it after
 * storing a batch. The back-fill starts a minute before it ({@code backfillOverlap}), because Mastodon derives
 * ids from creation times and a remote status that federates late gets an older id than ones already seen. The
 * first start ever reads the newest page only. One back-fill reads at most {@code maxBackfillPages} (50 pages,
 * 2,000 statuses); past that it says so in the log and the status.
 *
 * <p>At most {@code batchSize} stream events wait in memory: when the pipeline is slow the reader stops reading
 * the socket (a WebSocket is asked for no more messages), and TCP slows the server. Events over 1 MiB (WebSocket
 * messages over twice that, as the envelope escapes the payload) are dropped and counted as they arrive; a
 * message that is no JSON, has no event, or is an error notice is counted as an error, and the stream goes on.
 *
 * <h2>What becomes what</h2>
 *
 * {@link io.earshot.source.mastodon.MastodonStatusMapper} is a pure function from one status, or one stream
 * event, to a {@link io.earshot.source.Mapping}:
 *
 * <ul>
 *   <li>{@code update} and REST statuses give {@code PostCreated} ({@code PostEdited} when {@code edited_at} is
 *       set), with an {@code InteractionAdded} for the reply it is (when the parent's author is among the
 *       mentions, as Mastodon puts it, or it is a self-reply), the status it quotes (Mastodon 4.4 quotes) and
 *       each account it mentions; {@code status.update} gives {@code PostEdited} with the same interactions,
 *       because we often never saw the create; a reblog gives the reblogged status and a {@code REPOST};
 *   <li>{@code delete} (a bare id) gives {@code PostDeleted} and takes back the reply, reblog or quote the
 *       status was; its mentions stay counted, since a delete does not say whom the status mentioned;
 *   <li>{@code notification} ({@code user} stream) gives the status of a mention, a followed account's new or
 *       edited status, or a {@code LIKE} for a favourite; other notifications and events are {@code Skipped}
 *       with a reason such as {@code event:filters_changed}; malformed input is {@code Rejected} with what is
 *       wrong.
 * </ul>
 *
 * Text is what a person sees: {@code content} HTML becomes plain text (paragraphs apart by a blank line,
 * {@code <br>} a line break, entities decoded, Mastodon's shortened links as shown, {@code youtu.be/X_TLzt…},
 * with the full address in the links; scripts, styles and hidden parts dropped; nothing is ever rendered or
 * run), with the content warning ({@code spoiler_text}) first. Hashtags come as written in the text, then from
 * {@code tags}; links from the text's anchors (web links only, never {@code javascript:}) and the preview
 * card. Authors are absolute accounts, {@code alice@mastodon.social} (a local {@code acct} gets the instance's
 * domain), with display name and follower count. Counts (favourites, reblogs) are ignored.
 *
 * <h2>Post keys: {@code mastodon:<instance>:<status id>}</h2>
 *
 * A post's native id is the status id as the instance we read it from knows it, prefixed by that instance
 * ({@code mastodon:mastodon.social:113012345678901234}; see {@link io.earshot.source.mastodon.MastodonIds}).
 * We chose this over a hash of the status's ActivityPub {@code uri}, which would merge the copies of one status
 * seen through two instances, because everything else Mastodon sends names statuses by local id: a
 * {@code delete} carries only the id, a reply only its parent's id, a reblog its own id. With local ids every
 * delete, edit, reply and reblog finds its post with no state, after any restart, and a post never outlives its
 * author's delete (each instance sends the delete for its own copy). With uri hashes, a delete for a status
 * whose uri we no longer remember, after a restart or past an in-memory map's bound, would be lost: the post
 * kept after its author deleted it, the failure users resent most. The cost: following the same hashtag on two
 * instances stores a federated status twice, once per instance. {@code Post.uri} keeps the canonical
 * ActivityPub uri, so a later stage can fold such copies; to avoid them, follow each hashtag on one instance.
 *
 * <h2>When things go wrong</h2>
 *
 * A refused, dropped or failed connection, a 5xx or an unreadable page is logged once per attempt, e.g.
 * {@code mastodon:mastodon.social:hashtag:earshot: cannot reach https://mastodon.social/…: connection refused;
 * retrying in 1.4s}; the status turns {@code RETRYING} and the source connects again after an exponential,
 * jittered delay (1 s doubling up to 2 min). A 429 waits at least its {@code Retry-After}. A stream silent for
 * 60 s, not even a heartbeat (Mastodon sends one every 15 s) or an answer to a ping, is given up as dead and
 * replaced. A refused WebSocket handshake is read like a refused SSE request. A 401 or 403
 * means the token is missing, wrong or lacks a scope: the status turns {@code FAILED} with a message that says
 * what to fix, and the source stops trying until it is restarted. Rejected events are counted in the status and
 * logged at most every 10 s.
 *
 * <h2>Not covered</h2>
 *
 * Several streams on one socket ({@code {"type":"subscribe",…}} messages): each source has its own socket;
 * deletes made while no stream was open (REST timelines do not show deletes, so a stored status deleted during
 * a gap stays until re-checked); reblogs and follows seen only as notifications.
 */
package io.earshot.source.mastodon;
