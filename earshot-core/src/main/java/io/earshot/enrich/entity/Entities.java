package io.earshot.enrich.entity;

import java.util.List;
import java.util.Objects;

/**
 * What a post refers to. Each list is in order of first appearance, without repeats.
 *
 * @param hashtags tags without {@code #}, lower-cased
 * @param mentions handles without {@code @}, lower-cased ({@code alice.bsky.social}, {@code bob@mastodon.social})
 * @param cashtags ticker symbols with {@code $}, upper-cased ({@code $TSLA})
 * @param urls canonical URLs ({@link UrlCanonicalizer}), e.g. {@code example.com/page}
 * @param emoji emoji sequences as written (skin tones and ZWJ sequences whole)
 */
public record Entities(
        List<String> hashtags, List<String> mentions, List<String> cashtags, List<String> urls, List<String> emoji) {

    public static final Entities NONE = new Entities(List.of(), List.of(), List.of(), List.of(), List.of());

    public Entities {
        hashtags = List.copyOf(Objects.requireNonNull(hashtags, "hashtags"));
        mentions = List.copyOf(Objects.requireNonNull(mentions, "mentions"));
        cashtags = List.copyOf(Objects.requireNonNull(cashtags, "cashtags"));
        urls = List.copyOf(Objects.requireNonNull(urls, "urls"));
        emoji = List.copyOf(Objects.requireNonNull(emoji, "emoji"));
    }
}
