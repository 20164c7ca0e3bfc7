package io.earshot.source.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One feed to follow: its address, the title a person gave it (from OPML or the config), and its own polling
 * interval when it should differ from the source's ({@link FeedConfig#interval()}).
 */
public record FeedSubscription(URI url, Optional<String> title, Optional<Duration> interval) {

    public FeedSubscription {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(interval, "interval");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")
                || url.getHost() == null
                || url.getHost().isBlank()) {
            throw new IllegalArgumentException(
                    "feed: a feed address is an http:// or https:// URL with a host, got '" + url + "'");
        }
        title = title.map(String::strip).filter(value -> !value.isEmpty());
        if (interval.isPresent()
                && (interval.get().isNegative() || interval.get().isZero())) {
            throw new IllegalArgumentException(
                    "feed: the interval of " + url + " must be positive, got " + interval.get());
        }
    }

    /** A feed known only by its address, e.g. {@code FeedSubscription.of("https://example.com/feed.xml")}. */
    public static FeedSubscription of(String url) {
        return new FeedSubscription(parse(url), Optional.empty(), Optional.empty());
    }

    /** A feed with the title a person knows it by. */
    public static FeedSubscription of(String url, String title) {
        return new FeedSubscription(parse(url), Optional.of(title), Optional.empty());
    }

    /** The same feed, polled every {@code every} instead of the source's interval. */
    public FeedSubscription withInterval(Duration every) {
        return new FeedSubscription(url, title, Optional.of(every));
    }

    private static URI parse(String url) {
        Objects.requireNonNull(url, "url");
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("feed: '" + url + "' is not a valid URL: " + e.getReason());
        }
    }
}
