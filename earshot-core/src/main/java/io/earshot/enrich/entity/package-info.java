/**
 * What a post refers to: hashtags, mentions, cashtags, URLs and emoji.
 *
 * <pre>{@code
 * EntityExtractor extractor = EntityExtractor.shipped();
 * extractor.extract("Buying $TSLA #NeverAgain @alice.bsky.social https://www.google.com/url?q=https://Example.com/a 👍🏽");
 * // Entities[hashtags=[neveragain], mentions=[alice.bsky.social], cashtags=[$TSLA],
 * //          urls=[example.com/a], emoji=[👍🏽]]
 * UrlCanonicalizer.canonical("https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2F%3Ffbclid%3D1");
 * // Optional[example.com]
 * Emoji.find("👩‍👩‍👧 🇫🇷 1️⃣");  // [👩‍👩‍👧, 🇫🇷, 1️⃣]
 * }</pre>
 *
 * <p>For a {@link io.earshot.domain.Post}, what the network marked (facets, tags, links) comes first, then
 * what the text shows. URLs are canonicalised by {@link io.earshot.lucene.Links#canonical} after known
 * redirectors (Google, Facebook, Reddit, YouTube, DuckDuckGo, …) are unwrapped; shorteners such as
 * {@code t.co} cannot be resolved offline and stay as they are.
 */
package io.earshot.enrich.entity;
