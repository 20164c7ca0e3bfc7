package io.earshot.match;

import static io.earshot.match.TestPosts.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.Span;
import io.earshot.domain.TopicMatch;
import io.earshot.query.QueryParser;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What every {@link TopicMatcher} does; each implementation runs it. */
abstract class TopicMatcherContract {

    private final TopicMatcher matcher = newMatcher();

    abstract TopicMatcher newMatcher();

    @AfterEach
    void close() {
        matcher.close();
    }

    private boolean matches(String query, Post post) {
        matcher.put(1, QueryParser.parse(query).root());
        return !matcher.match(List.of(post)).get(0).isEmpty();
    }

    private boolean matches(String query, String text) {
        return matches(query, text(text));
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // words: case, accents, possessive, whole words
                "apple|I love my Apple watch|true",
                "apple|Apple's new phone|true",
                "apple|pineapple pizza|false",
                "café|best cafe in town|true",
                "cafe|Café au lait|true",
                "CAFÉ|CAFÉ!|true",
                // phrases
                "\"on netflix\"|now streaming on Netflix tonight|true",
                "\"on netflix\"|netflix on a monday|false",
                // boolean logic
                "trump speech|the speech by Trump|true",
                "trump speech|Trump rally|false",
                "trump AND speech|speech trump|true",
                "trump OR biden|Biden wins|true",
                "trump OR biden|Obama wins|false",
                "apple NOT pie|apple pie recipe|false",
                "apple NOT pie|apple watch|true",
                "NOT pie|the weather|true",
                "NOT pie|pie time|false",
                "(apple OR samsung) NOT (pie OR tart)|samsung tart|false",
                "(apple OR samsung) NOT (pie OR tart)|samsung phone|true",
                "a OR NOT b|c|true",
                "a OR NOT b|b|false",
                // wildcards and fuzzy
                "econom*|the Economy's woes|true",
                "econom*|economics class|true",
                "econom*|ecology|false",
                "wom?n|women of the world|true",
                "wom?n|woman|true",
                "wom?n|wooman|false",
                "*ation|a nation|true",
                "colour~1|what a color|true",
                "colour~1|what a collar|false",
                "colour~2|what a collar|true",
                // NEAR
                "wall NEAR/2 mexico|the wall with Mexico|true",
                "wall NEAR/2 mexico|Mexico, its wall|true",
                "wall NEAR/2 mexico|the wall is built along Mexico|false",
                "wall ONEAR/2 mexico|Mexico, its wall|false",
                "wall ONEAR/2 mexico|wall of Mexico|true",
                "wall NEAR/4 (mexico OR mexican)|a wall for the Mexican border|true",
                "\"climate change\" NEAR/3 hoax|a hoax, this climate change|true",
                "\"climate change\" NEAR/3 hoax|climate is not a change hoax|false",
                "econ* NEAR/1 crisis|crisis economic|true",
                "apple NEAR/3 apple|apple pie|false",
                "apple NEAR/3 apple|apple and apple|true",
                // hashtags and mentions
                "#earshot|loving #Earshot today|true",
                "#earshot|loving earshot today|false",
                "earshot|loving #Earshot today|true",
                "@bob.bsky.social|hi @Bob.bsky.social!|true",
                "@bob.bsky.social|hi bob.bsky.social|false",
                // exact
                "exact:Apple|Apple stock|true",
                "exact:Apple|apple stock|false",
                "exact:\"Apple Watch\"|my Apple Watch's strap|true",
                "exact:\"Apple Watch\"|my apple watch|false",
            })
    void operators(String query, String text, boolean expected) {
        assertThat(matches(query, text)).isEqualTo(expected);
    }

    @Test
    void hashtagsFromFacetsCountEvenWhenNotInText() {
        Post post = TestPosts.builder(Network.BLUESKY)
                .text("a post with a tag facet")
                .hashtag("Launch")
                .build();
        assertThat(matches("#launch", post)).isTrue();
        assertThat(matches("#other", post)).isFalse();
    }

    @Test
    void mentionsFromFacetsMatchByHandleOrId() {
        Post post = TestPosts.builder(Network.BLUESKY)
                .text("thanks!")
                .mention(TestPosts.account("did:plc:bob", "bob.bsky.social"))
                .build();
        assertThat(matches("@bob.bsky.social", post)).isTrue();
        assertThat(matches("@did:plc:bob", post)).isTrue();
        assertThat(matches("@carol.bsky.social", post)).isFalse();
    }

    @Test
    void fieldFiltersWorkAloneAndInsideQueries() {
        Post post = TestPosts.by(Network.MASTODON, "https://mastodon.social/users/bob", "@bob@mastodon.social")
                .text("Shipping the new release today")
                .lang("en-US")
                .link("https://www.Example.com/blog/2025/release/?utm_source=feed")
                .build();
        assertThat(matches("lang:en", post)).isTrue();
        assertThat(matches("lang:en-us", post)).isTrue();
        assertThat(matches("lang:de", post)).isFalse();
        assertThat(matches("release lang:en", post)).isTrue();
        assertThat(matches("release NOT lang:en", post)).isFalse();
        assertThat(matches("network:mastodon", post)).isTrue();
        assertThat(matches("release network:bluesky", post)).isFalse();
        assertThat(matches("author:bob@mastodon.social release", post)).isTrue();
        assertThat(matches("author:@bob@mastodon.social", post)).isTrue();
        assertThat(matches("author:alice", post)).isFalse();
        assertThat(matches("site:example.com", post)).isTrue();
        assertThat(matches("site:www.example.com", post)).isTrue();
        assertThat(matches("site:other.com", post)).isFalse();
        assertThat(matches("links:example.com/blog/2025/release", post)).isTrue();
        assertThat(matches("links:https://example.com/blog/2025/release?utm_campaign=x", post))
                .isTrue();
        assertThat(matches("links:example.com/blog", post)).isTrue();
        assertThat(matches("links:example.com", post)).isTrue();
        assertThat(matches("links:example.com/bl", post)).isFalse();
        assertThat(matches("links:example.com/news", post)).isFalse();
        assertThat(matches("(release OR shipping) site:example.com lang:en network:mastodon", post))
                .isTrue();
    }

    @Test
    void titlesOfFeedItems() {
        Post post = TestPosts.builder(Network.FEED)
                .title("Earshot launches today")
                .text("The long article text")
                .build();
        assertThat(matches("title:launches", post)).isTrue();
        assertThat(matches("title:launch*", post)).isTrue();
        assertThat(matches("title:\"launches today\"", post)).isTrue();
        assertThat(matches("title:article", post)).isFalse();
    }

    @Test
    void spansPointAtTheMatchedWordsEvenAfterEmoji() {
        String text = "🎉🎉 Café's reopening! Love the new café ☕ #Coffee @bob.bsky.social";
        matcher.put(
                7,
                QueryParser.parse("cafe OR #coffee OR @bob.bsky.social OR \"the new\"")
                        .root());
        List<TopicMatch> matches = matcher.match(List.of(text(text))).get(0);
        assertThat(matches).singleElement().extracting(TopicMatch::topicId).isEqualTo(7L);
        List<String> highlighted = matches.get(0).spans().stream()
                .map(span -> text.substring(span.start(), span.end()))
                .toList();
        assertThat(highlighted).containsExactly("Café's", "the new", "café", "#Coffee", "@bob.bsky.social");
    }

    @Test
    void spansForNearAndWildcards() {
        String text = "😀 the Economy is bad, economists say";
        matcher.put(1, QueryParser.parse("econom* NEAR/3 bad").root());
        List<Span> spans = matcher.match(List.of(text(text))).get(0).get(0).spans();
        // "bad, economists" is a second pair within 3 words
        assertThat(spans.stream().map(span -> text.substring(span.start(), span.end())))
                .containsExactly("Economy", "bad", "economists");
    }

    @Test
    void fieldOnlyMatchesHaveNoSpans() {
        Post post = TestPosts.builder(Network.BLUESKY).text("hello").lang("en").build();
        matcher.put(1, QueryParser.parse("lang:en").root());
        assertThat(matcher.match(List.of(post)).get(0)).containsExactly(new TopicMatch(1, List.of()));
    }

    @Test
    void aBatchIsMatchedInOrderWithEveryTopic() {
        matcher.put(1, QueryParser.parse("apple").root());
        matcher.put(2, QueryParser.parse("samsung OR apple").root());
        matcher.put(3, QueryParser.parse("NOT apple").root());
        List<List<TopicMatch>> result =
                matcher.match(List.of(text("apple"), text("samsung"), text("nokia"), text("Apple and Samsung")));
        assertThat(result.stream()
                        .map(forPost ->
                                forPost.stream().map(TopicMatch::topicId).toList()))
                .containsExactly(List.of(1L, 2L), List.of(2L, 3L), List.of(3L), List.of(1L, 2L));
        assertThat(matcher.match(List.of())).isEmpty();
    }

    @Test
    void topicsCanBeReplacedAndRemoved() {
        matcher.put(1, QueryParser.parse("apple").root());
        assertThat(matcher.topicCount()).isEqualTo(1);
        matcher.put(1, QueryParser.parse("pear").root());
        assertThat(matcher.topicCount()).isEqualTo(1);
        assertThat(matcher.match(List.of(text("apple"), text("pear"))))
                .containsExactly(List.of(), List.of(new TopicMatch(1, List.of(new Span(0, 4)))));
        matcher.remove(1);
        matcher.remove(42);
        assertThat(matcher.topicCount()).isZero();
        assertThat(matcher.match(List.of(text("pear")))).containsExactly(List.of());
    }
}
