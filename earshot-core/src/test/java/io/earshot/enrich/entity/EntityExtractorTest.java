package io.earshot.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.MentionedAccount;
import io.earshot.domain.Post;
import io.earshot.enrich.TestPosts;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {

    private final EntityExtractor extractor = EntityExtractor.shipped();

    @Test
    void findsEveryKindInText() {
        Entities entities = extractor.extract(
                "Sold $TSLA, bought $brk.b #Investing #investing @Alice.bsky.social @bob@mastodon.social"
                        + " https://www.example.com/a/?utm_source=x 👍🏽👍🏽 🇫🇷");
        assertThat(entities.hashtags()).containsExactly("investing");
        assertThat(entities.mentions()).containsExactly("alice.bsky.social", "bob@mastodon.social");
        assertThat(entities.cashtags()).containsExactly("$TSLA", "$BRK.B");
        assertThat(entities.urls()).containsExactly("example.com/a");
        assertThat(entities.emoji()).containsExactly("👍🏽", "🇫🇷");
    }

    @Test
    void prefersWhatTheNetworkMarked() {
        Post post = TestPosts.builder()
                .text("read this www.example.com/long-pa... #News @carol")
                .hashtag("news")
                .hashtag("Breaking")
                .mention(new MentionedAccount("did:plc:carol", "carol.bsky.social"))
                .link("https://www.example.com/long-page?fbclid=1")
                .build();
        Entities entities = extractor.extract(post);
        assertThat(entities.hashtags()).containsExactly("news", "breaking");
        assertThat(entities.mentions()).containsExactly("carol.bsky.social", "carol");
        assertThat(entities.urls()).containsExactly("example.com/long-page");
    }

    @Test
    void textWithoutEntitiesGivesEmptyLists() {
        assertThat(extractor.extract("just words here.")).isEqualTo(Entities.NONE);
        assertThat(extractor.extract("")).isEqualTo(Entities.NONE);
    }
}
