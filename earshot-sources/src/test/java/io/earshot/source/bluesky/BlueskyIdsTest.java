package io.earshot.source.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import org.junit.jupiter.api.Test;

class BlueskyIdsTest {

    @Test
    void a_post_key_joins_did_and_rkey_with_a_colon() {
        PostKey key = BlueskyIds.postKey("did:plc:abc", "3kxyz");
        assertThat(key).isEqualTo(new PostKey(Network.BLUESKY, "did:plc:abc:3kxyz"));
        assertThat(key.id()).isEqualTo("bluesky:did:plc:abc:3kxyz");
        assertThat(PostKey.parse(key.id())).isEqualTo(key);
    }

    @Test
    void a_post_uri_gives_the_same_key() {
        assertThat(BlueskyIds.postKey("at://did:plc:abc/app.bsky.feed.post/3kxyz"))
                .hasValue(BlueskyIds.postKey("did:plc:abc", "3kxyz"));
        assertThat(BlueskyIds.postKey("at://did:web:example.com/app.bsky.feed.post/3k"))
                .hasValue(BlueskyIds.postKey("did:web:example.com", "3k"));
    }

    @Test
    void anything_but_a_post_uri_gives_no_key() {
        assertThat(BlueskyIds.postKey("at://did:plc:abc/app.bsky.feed.generator/cats"))
                .isEmpty();
        assertThat(BlueskyIds.postKey("at://did:plc:abc/app.bsky.feed.post/")).isEmpty();
        assertThat(BlueskyIds.postKey("at:///app.bsky.feed.post/3k")).isEmpty();
        assertThat(BlueskyIds.postKey("at://did:plc:abc/app.bsky.feed.post/3k/extra"))
                .isEmpty();
        assertThat(BlueskyIds.postKey("at://did:plc:abc/app.bsky.feed.post/3k?x=1"))
                .isEmpty();
        assertThat(BlueskyIds.postKey("https://bsky.app/profile/did:plc:abc/post/3k"))
                .isEmpty();
        assertThat(BlueskyIds.postKey("at://did:plc:abc/app.bsky.feed.post/" + "k".repeat(600)))
                .isEmpty();
        assertThat(BlueskyIds.postKey("")).isEmpty();
    }

    @Test
    void repository_uri_and_url() {
        assertThat(BlueskyIds.repository("at://did:plc:abc/app.bsky.feed.post/3k"))
                .hasValue("did:plc:abc");
        assertThat(BlueskyIds.repository("at://did:plc:abc")).hasValue("did:plc:abc");
        assertThat(BlueskyIds.repository("at:///x")).isEmpty();
        assertThat(BlueskyIds.repository("did:plc:abc")).isEmpty();
        assertThat(BlueskyIds.postUri("did:plc:abc", "3k")).isEqualTo("at://did:plc:abc/app.bsky.feed.post/3k");
        assertThat(BlueskyIds.postUrl("did:plc:abc", "3k")).isEqualTo("https://bsky.app/profile/did:plc:abc/post/3k");
    }

    @Test
    void interaction_keys_are_the_record_path() {
        assertThat(BlueskyIds.interactionKey("did:plc:abc", "app.bsky.feed.like", "3l")
                        .id())
                .isEqualTo("bluesky:did:plc:abc/app.bsky.feed.like/3l");
    }

    @Test
    void invalid_parts_fail_with_what_is_wrong() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BlueskyIds.postKey("did:plc:abc", "a/b"))
                .withMessageContaining("rkey must be non-empty, without '/'");
        assertThatIllegalArgumentException().isThrownBy(() -> BlueskyIds.postKey("", "3k"));
        assertThatIllegalArgumentException().isThrownBy(() -> BlueskyIds.interactionKey("did:plc:a", "x", "has space"));
    }
}
