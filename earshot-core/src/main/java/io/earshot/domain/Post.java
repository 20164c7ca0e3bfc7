package io.earshot.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of content from a network, normalised. Connectors build posts with {@link #builder}.
 *
 * @param key the post's identity, {@code network:native-id}
 * @param uri the network's own URI for the post (e.g. {@code at://did/app.bsky.feed.post/rkey})
 * @param url a web link a person can open, when the network has one
 * @param text plain text (never HTML)
 * @param langs language tags the network supplied (BCP-47), possibly empty
 * @param hashtags tags without {@code #}, as written
 * @param links URLs found in the post (facets, entities or text), as given
 * @param title a title, for feed items
 */
public record Post(
        PostKey key,
        String uri,
        Optional<String> url,
        Author author,
        String text,
        Instant createdAt,
        List<String> langs,
        Optional<PostKey> replyParent,
        Optional<PostKey> replyRoot,
        Optional<PostKey> quoted,
        List<String> hashtags,
        List<MentionedAccount> mentions,
        List<String> links,
        Optional<String> title) {

    /** Texts longer than this are cut (posts are short; feed items can be long articles). */
    public static final int MAX_TEXT_CHARS = 100_000;

    public Post {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(replyParent, "replyParent");
        Objects.requireNonNull(replyRoot, "replyRoot");
        Objects.requireNonNull(quoted, "quoted");
        Objects.requireNonNull(title, "title");
        if (author.network() != key.network()) {
            throw new IllegalArgumentException("a post's author must be on the post's network");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            text = text.substring(0, MAX_TEXT_CHARS);
        }
        langs = List.copyOf(langs);
        hashtags = List.copyOf(hashtags);
        mentions = List.copyOf(mentions);
        links = List.copyOf(links);
    }

    public Network network() {
        return key.network();
    }

    public static Builder builder(PostKey key, Author author, Instant createdAt) {
        return new Builder(key, author, createdAt);
    }

    /** A copy with other language tags (e.g. the detected language when the network gave none). */
    public Post withLangs(List<String> newLangs) {
        return new Post(
                key,
                uri,
                url,
                author,
                text,
                createdAt,
                newLangs,
                replyParent,
                replyRoot,
                quoted,
                hashtags,
                mentions,
                links,
                title);
    }

    /** A copy with what is known of the author (e.g. a handle learned from another event). */
    public Post withAuthor(Author newAuthor) {
        return new Post(
                key,
                uri,
                url,
                newAuthor,
                text,
                createdAt,
                langs,
                replyParent,
                replyRoot,
                quoted,
                hashtags,
                mentions,
                links,
                title);
    }

    /** A copy with other text (an edit keeps the identity, author and thread). */
    public Post withText(String newText) {
        return new Post(
                key,
                uri,
                url,
                author,
                newText,
                createdAt,
                langs,
                replyParent,
                replyRoot,
                quoted,
                hashtags,
                mentions,
                links,
                title);
    }

    /** Builds a {@link Post}; every optional part defaults to empty. */
    public static final class Builder {
        private final PostKey key;
        private final Author author;
        private final Instant createdAt;
        private String uri = "";
        private Optional<String> url = Optional.empty();
        private String text = "";
        private final List<String> langs = new ArrayList<>();
        private Optional<PostKey> replyParent = Optional.empty();
        private Optional<PostKey> replyRoot = Optional.empty();
        private Optional<PostKey> quoted = Optional.empty();
        private final List<String> hashtags = new ArrayList<>();
        private final List<MentionedAccount> mentions = new ArrayList<>();
        private final List<String> links = new ArrayList<>();
        private Optional<String> title = Optional.empty();

        private Builder(PostKey key, Author author, Instant createdAt) {
            this.key = key;
            this.author = author;
            this.createdAt = createdAt;
        }

        public Builder uri(String value) {
            this.uri = value;
            return this;
        }

        public Builder url(String value) {
            this.url = Optional.of(value);
            return this;
        }

        public Builder text(String value) {
            this.text = value;
            return this;
        }

        public Builder lang(String value) {
            this.langs.add(value);
            return this;
        }

        public Builder langs(List<String> values) {
            this.langs.addAll(values);
            return this;
        }

        public Builder replyParent(PostKey value) {
            this.replyParent = Optional.of(value);
            return this;
        }

        public Builder replyRoot(PostKey value) {
            this.replyRoot = Optional.of(value);
            return this;
        }

        public Builder quoted(PostKey value) {
            this.quoted = Optional.of(value);
            return this;
        }

        public Builder hashtag(String value) {
            this.hashtags.add(value);
            return this;
        }

        public Builder mention(MentionedAccount value) {
            this.mentions.add(value);
            return this;
        }

        public Builder link(String value) {
            this.links.add(value);
            return this;
        }

        public Builder title(String value) {
            this.title = Optional.of(value);
            return this;
        }

        public Post build() {
            return new Post(
                    key,
                    uri.isEmpty() ? key.id() : uri,
                    url,
                    author,
                    text,
                    createdAt,
                    langs,
                    replyParent,
                    replyRoot,
                    quoted,
                    hashtags,
                    mentions,
                    links,
                    title);
        }
    }
}
