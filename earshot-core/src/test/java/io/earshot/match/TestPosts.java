package io.earshot.match;

import io.earshot.domain.Author;
import io.earshot.domain.MentionedAccount;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Posts for tests: a Bluesky post by alice unless told otherwise. */
final class TestPosts {

    private static final AtomicLong IDS = new AtomicLong();

    private TestPosts() {}

    static Post text(String text) {
        return builder(Network.BLUESKY).text(text).build();
    }

    static Post.Builder builder(Network network) {
        return Post.builder(
                new PostKey(network, "p" + IDS.incrementAndGet()),
                Author.of(network, "did:plc:alice", "alice.bsky.social"),
                Instant.parse("2025-01-01T00:00:00Z"));
    }

    static Post.Builder by(Network network, String id, String handle) {
        return Post.builder(
                new PostKey(network, "p" + IDS.incrementAndGet()),
                Author.of(network, id, handle),
                Instant.parse("2025-01-01T00:00:00Z"));
    }

    static MentionedAccount account(String id, String handle) {
        return new MentionedAccount(id, handle);
    }
}
