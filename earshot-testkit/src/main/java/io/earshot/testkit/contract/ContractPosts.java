package io.earshot.testkit.contract;

import io.earshot.domain.Author;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.MentionedAccount;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.domain.Span;
import io.earshot.domain.TopicMatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Posts and mentions for the archive contracts: small, readable, millisecond-precise times. */
public final class ContractPosts {

    /** A fixed reference time; tests place posts relative to it. */
    public static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    public static final Author ALICE = Author.of(Network.BLUESKY, "did:plc:alice", "alice.bsky.social");

    private ContractPosts() {}

    /** A Bluesky post by {@link #ALICE} in English. */
    public static Post post(String nativeId, Instant createdAt, String text) {
        return Post.builder(new PostKey(Network.BLUESKY, nativeId), ALICE, createdAt)
                .text(text)
                .lang("en")
                .build();
    }

    /** A post on any network by any account, with the given languages. */
    public static Post post(
            Network network, String authorId, String nativeId, Instant createdAt, String text, String... langs) {
        return Post.builder(new PostKey(network, nativeId), Author.of(network, authorId), createdAt)
                .text(text)
                .langs(List.of(langs))
                .build();
    }

    /** A post kept only for backfill: no topic matched it. */
    public static Mention unmatched(Post post) {
        return new Mention(post, List.of(), Engagement.NONE);
    }

    /** A mention of each topic, each with one span over the start of the text. */
    public static Mention matched(Post post, long... topicIds) {
        List<TopicMatch> matches = new ArrayList<>();
        for (long topicId : topicIds) {
            matches.add(new TopicMatch(
                    topicId, List.of(new Span(0, Math.min(3, post.text().length())))));
        }
        return new Mention(post, matches, Engagement.NONE);
    }

    /**
     * A mention with every optional part present, unusual characters, a nanosecond timestamp, several matches
     * with several spans, and engagement: whatever the archive stores, this must come back equal.
     */
    public static Mention everyField() {
        Author author = new Author(
                Network.MASTODON,
                "https://example.social/users/zoë",
                Optional.of("zoë@example.social"),
                Optional.of("Zoë 🌿 Ünïcødé"),
                OptionalLong.of(12_345_678_901L));
        Post post = new Post(
                new PostKey(Network.MASTODON, "example.social:110000000000000001"),
                "https://example.social/users/zoë/statuses/110000000000000001",
                Optional.of("https://example.social/@zoë/110000000000000001"),
                author,
                "Café's new menu 🍰 is out! #Dessert @bob@example.org https://example.com/menu?utm_source=x\nline two",
                Instant.parse("2025-02-28T23:59:59.123456789Z"),
                List.of("fr-CA", "en"),
                Optional.of(new PostKey(Network.MASTODON, "example.social:parent")),
                Optional.of(new PostKey(Network.MASTODON, "example.social:root")),
                Optional.of(new PostKey(Network.MASTODON, "example.social:quoted")),
                List.of("Dessert", "café"),
                List.of(new MentionedAccount("https://example.org/users/bob", "bob@example.org")),
                List.of("https://example.com/menu?utm_source=x", "http://www.example.org/"),
                Optional.of("A title, with “quotes”"));
        List<TopicMatch> matches = List.of(
                new TopicMatch(7, List.of(new Span(0, 4), new Span(11, 15))),
                new TopicMatch(Long.MAX_VALUE, List.of()),
                new TopicMatch(9, List.of(new Span(0, 0))));
        return new Mention(post, matches, new Engagement(1, 2_000_000_000_000L, 3, 0));
    }

    /** A mention with every optional part absent and nothing in any list. */
    public static Mention noOptionalField() {
        Post post = new Post(
                new PostKey(Network.WEBHOOK, "w1"),
                "",
                Optional.empty(),
                Author.of(Network.WEBHOOK, "hook"),
                "",
                Instant.ofEpochSecond(0),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty());
        return new Mention(post, List.of(), Engagement.NONE);
    }
}
