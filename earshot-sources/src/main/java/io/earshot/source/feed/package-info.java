/**
 * Listening to the web through RSS and Atom feeds: blogs, news sites, Google Alerts, Reddit, anything with a
 * feed. Parsing is <a href="https://rometools.github.io/rome/">ROME</a>'s (RSS 0.90 to 2.0, Atom 0.3 and 1.0).
 *
 * <h2>Run it</h2>
 *
 * <pre>{@code
 * List<FeedSubscription> feeds = OpmlImport.read(Path.of("subscriptions.opml"));  // or by hand:
 * // List.of(FeedSubscription.of("https://www.google.com/alerts/feeds/0123/4567", "Alerts: earshot"))
 * FeedConfig config = FeedConfig.of(feeds).requireProductionLimits();  // 15 min ±10%, at least 1 min
 * FeedSource source = new FeedSource(config, cursorStore);
 * Thread.ofPlatform().name("feeds").start(() -> source.run(pipeline::accept)); // blocks while the pipeline is full
 * ...
 * source.status();  // the source as a whole: state, counts, last error, cursor
 * source.feeds();   // each feed: state, fetches, 304s, entries, errors, last error, next fetch
 * source.stop();    // run() returns, even in the middle of a fetch
 * }</pre>
 *
 * A feed can have its own interval ({@code FeedSubscription.withInterval}); retries after failures start at
 * 1 min and double up to 1 h; a fetch may take 30 s and 10 MiB. Change them with the {@code with…} methods of
 * {@link io.earshot.source.feed.FeedConfig}.
 *
 * <h2>Checking a feed</h2>
 *
 * {@link io.earshot.source.feed.FeedChecker#check} is {@code earshot feed check PATH|URL…}: one line per input,
 * {@code ok 12 https://example.com/feed.xml} or {@code error https://example.com/blog: not a feed: got an HTML
 * page}, with the same reasons the source reports.
 *
 * <h2>Polling, resuming and duplicates</h2>
 *
 * Each fetch is a conditional GET: the {@code ETag} and {@code Last-Modified} of the last version go out as
 * {@code If-None-Match} and {@code If-Modified-Since}, and a {@code 304} costs nothing more. A new version's
 * entries are compared with the last version delivered: new ones go downstream as {@code PostCreated}, changed
 * ones as {@code PostEdited}, unchanged ones not at all (counted as skipped {@code unchanged}). The batch's cursor
 * is every feed's validators as JSON, so after a restart an unchanged feed still answers {@code 304}. Which
 * entries were seen is not kept across restarts: a feed that changed, or that has no validators, gives its
 * current entries once more as {@code PostCreated}, and since writes are idempotent on the post's key nothing
 * is stored twice.
 *
 * <h2>What becomes what</h2>
 *
 * {@link io.earshot.source.feed.FeedMapper} maps one document; every entry becomes a post with
 *
 * <ul>
 *   <li>key {@code feed:<32 hex digits>}: SHA-256 of the feed's canonical URL, a newline, and the entry's GUID
 *       (else its link, else its title and date). Items repeated in a document give one post; items that share a
 *       GUID but differ in title or date (feeds exist that give every item the same GUID) give one each;
 *   <li>url: the entry's link, with Google Alerts' {@code https://www.google.com/url?…&url=<real>} unwrapped;
 *       links: that link, then the web links in the content;
 *   <li>title and text: plain text. The content ({@code content:encoded}, Atom content) is preferred to the
 *       description; HTML is parsed, never rendered, and scripts, styles and embedded objects are dropped;
 *   <li>author: the entry's author when it names one (known by its Atom {@code uri}, else by name within the
 *       feed), else the feed itself (id: its canonical URL, handle: its title); langs: the feed's language;
 *   <li>createdAt: the published (else updated) date, in any format ROME's lenient parser reads (RFC 822 with
 *       or without seconds or day names, W3C dates); an entry with no date, one ROME cannot read, or one more
 *       than a day in the future is dated when it was fetched.
 * </ul>
 *
 * <h2>When things go wrong</h2>
 *
 * Every failure is counted in the feed's status and the source's, logged once per attempt (e.g.
 * {@code feeds: https://example.com/feed.xml: HTTP 404; retrying in 1 min}), and retried after an exponential,
 * jittered backoff, or after the server's {@code Retry-After} on 429 and 503. One feed failing never holds up
 * the others; the source is {@code CONNECTED} while any feed works and {@code RETRYING} when all fail. The
 * reasons: {@code HTTP 404}, {@code connection refused}, {@code timed out after 30 s}, {@code too large: over
 * 10 MiB} (enforced while reading, so an endless body stops there), {@code not a feed: got an HTML page} (a site's
 * page served with status 200), {@code not a feed: got JSON, not RSS or Atom}, {@code broken XML at line 3,
 * column 1: …} (a truncated document), and {@code XML DOCTYPE declarations with entities are not allowed
 * (possible XML bomb)}.
 *
 * <p>The XML is parsed so that a hostile feed cannot use it: a DOCTYPE is allowed (RSS 0.91 has one) but no
 * external DTD or entity is ever loaded, and a document that declares any entity is refused before it can be
 * expanded, which stops billion laughs, quadratic blowups and {@code file:///etc/passwd} alike. Encodings follow
 * the byte-order mark, the HTTP {@code charset} and the XML declaration; a feed that lies about its encoding
 * loses the odd character (U+FFFD), not its entries. {@link io.earshot.source.feed.OpmlImport} reads OPML with
 * the same care.
 */
package io.earshot.source.feed;
