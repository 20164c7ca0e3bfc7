package io.earshot.enrich;

import io.earshot.domain.Author;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Posts for enrichment tests. */
public final class TestPosts {

    private static final AtomicLong IDS = new AtomicLong();

    private TestPosts() {}

    public static Post.Builder builder() {
        return Post.builder(
                new PostKey(Network.BLUESKY, "e" + IDS.incrementAndGet()),
                Author.of(Network.BLUESKY, "did:plc:alice", "alice.bsky.social"),
                Instant.parse("2025-01-01T00:00:00Z"));
    }

    public static Post text(String text) {
        return builder().text(text).build();
    }
}
