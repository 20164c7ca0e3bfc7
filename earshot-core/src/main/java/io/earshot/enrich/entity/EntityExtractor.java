package io.earshot.enrich.entity;

import io.earshot.domain.MentionedAccount;
import io.earshot.domain.Post;
import io.earshot.enrich.text.Token;
import io.earshot.enrich.text.Tokenizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Extracts {@link Entities} from a post: what the network already marked (Bluesky facets, Mastodon tags)
 * first, then what the text shows. Thread-safe.
 */
public final class EntityExtractor {

    private final Tokenizer tokenizer;

    public EntityExtractor(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** An extractor with the shipped tokenizer. */
    public static EntityExtractor shipped() {
        return new EntityExtractor(Tokenizer.shipped());
    }

    public Entities extract(Post post) {
        return extract(post, tokenizer.tokenize(post.text()));
    }

    /** {@link #extract(Post)} with the post's whole text already split by {@link Tokenizer#shipped()}. */
    public Entities extract(Post post, List<Token> tokens) {
        Set<String> hashtags = new LinkedHashSet<>();
        Set<String> mentions = new LinkedHashSet<>();
        Set<String> urls = new LinkedHashSet<>();
        for (String tag : post.hashtags()) {
            String clean = tag.startsWith("#") ? tag.substring(1) : tag;
            if (!clean.isBlank()) {
                hashtags.add(clean.toLowerCase(Locale.ROOT));
            }
        }
        for (MentionedAccount account : post.mentions()) {
            String handle = account.handle().startsWith("@") ? account.handle().substring(1) : account.handle();
            if (!handle.isBlank()) {
                mentions.add(handle.toLowerCase(Locale.ROOT));
            }
        }
        for (String link : post.links()) {
            UrlCanonicalizer.canonical(link).ifPresent(urls::add);
        }
        Entities fromText = extract(tokens);
        hashtags.addAll(fromText.hashtags());
        mentions.addAll(fromText.mentions());
        // Text URLs are often truncated for display ("example.com/long-pa..."); the network's own links win.
        if (urls.isEmpty()) {
            urls.addAll(fromText.urls());
        }
        return new Entities(
                List.copyOf(hashtags), List.copyOf(mentions), fromText.cashtags(), List.copyOf(urls), fromText.emoji());
    }

    /** Entities found in plain text alone. */
    public Entities extract(String text) {
        return extract(tokenizer.tokenize(text));
    }

    private static Entities extract(List<Token> tokens) {
        Set<String> hashtags = new LinkedHashSet<>();
        Set<String> mentions = new LinkedHashSet<>();
        Set<String> cashtags = new LinkedHashSet<>();
        Set<String> urls = new LinkedHashSet<>();
        Set<String> emoji = new LinkedHashSet<>();
        for (Token token : tokens) {
            switch (token.type()) {
                case HASHTAG -> hashtags.add(token.norm());
                case MENTION -> mentions.add(token.raw().substring(1).toLowerCase(Locale.ROOT));
                case CASHTAG -> cashtags.add(token.norm());
                case URL -> UrlCanonicalizer.canonical(token.raw()).ifPresent(urls::add);
                case EMOJI -> emoji.add(token.raw());
                default -> {}
            }
        }
        return new Entities(
                List.copyOf(hashtags),
                List.copyOf(mentions),
                List.copyOf(cashtags),
                List.copyOf(urls),
                List.copyOf(emoji));
    }
}
