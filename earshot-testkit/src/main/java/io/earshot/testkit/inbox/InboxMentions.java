package io.earshot.testkit.inbox;

import io.earshot.domain.Author;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.domain.Span;
import io.earshot.domain.TopicMatch;
import io.earshot.enrich.Enrichment;
import io.earshot.enrich.emotion.Emotion;
import io.earshot.enrich.emotion.EmotionLabel;
import io.earshot.enrich.entity.Entities;
import io.earshot.enrich.sentiment.Sentiment;
import io.earshot.enrich.sentiment.SentimentLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Mentions for inbox tests, heard as the test says (sentiment, emotion), from authors of known audience:
 * {@code InboxMentions.bluesky("did:plc:alice", "3k1", "acme is down", at).negative().topics(1).build()}.
 */
public final class InboxMentions {

    private final PostKey key;
    private final String uri;
    private final String authorId;
    private final String text;
    private final Instant at;
    private Optional<String> handle = Optional.empty();
    private Optional<String> displayName = Optional.empty();
    private OptionalLong followers = OptionalLong.empty();
    private SentimentLabel sentiment = SentimentLabel.NEUTRAL;
    private Optional<EmotionLabel> emotion = Optional.empty();
    private Optional<PostKey> root = Optional.empty();
    private Optional<PostKey> parent = Optional.empty();
    private final List<Long> topics = new ArrayList<>();
    private String lang = "en";

    private InboxMentions(PostKey key, String uri, String authorId, String text, Instant at) {
        this.key = key;
        this.uri = uri;
        this.authorId = authorId;
        this.text = text;
        this.at = at;
    }

    /** A Bluesky post {@code at://did/app.bsky.feed.post/rkey}. */
    public static InboxMentions bluesky(String did, String rkey, String text, Instant at) {
        return new InboxMentions(
                new PostKey(Network.BLUESKY, did + ":" + rkey),
                "at://" + did + "/app.bsky.feed.post/" + rkey,
                did,
                text,
                at);
    }

    /** A Mastodon status read from {@code instance} (e.g. {@code 127.0.0.1:1234}), by {@code acct}. */
    public static InboxMentions mastodon(
            String instance, String statusId, String acct, String uri, String text, Instant at) {
        return new InboxMentions(new PostKey(Network.MASTODON, instance + ":" + statusId), uri, acct, text, at);
    }

    public InboxMentions handle(String value) {
        handle = Optional.of(value);
        return this;
    }

    public InboxMentions displayName(String value) {
        displayName = Optional.of(value);
        return this;
    }

    public InboxMentions followers(long value) {
        followers = OptionalLong.of(value);
        return this;
    }

    public InboxMentions sentiment(SentimentLabel value) {
        sentiment = value;
        return this;
    }

    public InboxMentions negative() {
        return sentiment(SentimentLabel.NEGATIVE);
    }

    public InboxMentions positive() {
        return sentiment(SentimentLabel.POSITIVE);
    }

    public InboxMentions emotion(EmotionLabel value) {
        emotion = Optional.of(value);
        return this;
    }

    public InboxMentions lang(String value) {
        lang = value;
        return this;
    }

    /** A reply in the thread of {@code rootKey}, to {@code parentKey}. */
    public InboxMentions replyTo(PostKey rootKey, PostKey parentKey) {
        root = Optional.of(rootKey);
        parent = Optional.of(parentKey);
        return this;
    }

    public InboxMentions topics(long... ids) {
        for (long id : ids) {
            topics.add(id);
        }
        return this;
    }

    public Mention build() {
        Author author = new Author(key.network(), authorId, handle, displayName, followers);
        Post.Builder post = Post.builder(key, author, at).uri(uri).text(text).lang(lang);
        root.ifPresent(post::replyRoot);
        parent.ifPresent(post::replyParent);
        Enrichment heard = new Enrichment(
                new Sentiment(sentiment, 0.9), emotion.map(label -> new Emotion(label, 0.8)), lang, Entities.NONE);
        return new Mention(
                post.build(),
                topics.stream().map(id -> new TopicMatch(id, List.<Span>of())).toList(),
                Engagement.NONE,
                Optional.of(heard),
                Optional.empty());
    }
}
