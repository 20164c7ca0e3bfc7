/**
 * A web server for feed tests: {@link io.earshot.testkit.feed.FakeFeedServer} serves RSS and Atom documents on
 * 127.0.0.1 with {@code ETag} and {@code Last-Modified}, answers {@code 304} when the client already has the
 * version, counts what each request carried, and misbehaves on demand: error statuses with {@code Retry-After},
 * bodies that arrive late or never end, unknown paths.
 *
 * <p>{@link io.earshot.testkit.feed.FeedBodies} builds the documents: small RSS feeds from items, and the
 * hostile ones (billion laughs, quadratic blowup, external entities and DTDs, an HTML error page).
 *
 * <pre>{@code
 * try (FakeFeedServer server = FakeFeedServer.start()) {
 *     server.serve("/news.xml", FeedBodies.rss("News", FeedBodies.item("1", "Hello"), FeedBodies.item("2", "Bye")));
 *     server.serve("/broken.xml", FeedBodies.htmlErrorPage().getBytes(UTF_8), "text/html");
 *     server.fail("/busy.xml", 503, 2, Optional.of(Duration.ofSeconds(1)));
 *     server.validation("/news.xml", FakeFeedServer.Validation.LAST_MODIFIED_ONLY);
 *     ... point a FeedSource at server.url("/news.xml") etc., then:
 *     server.awaitRequests("/news.xml", 2, Duration.ofSeconds(5));
 *     server.requests("/news.xml").get(1).status();  // 304
 * }
 * }</pre>
 */
package io.earshot.testkit.feed;
