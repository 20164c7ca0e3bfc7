package io.earshot.server;

import io.earshot.server.config.SourceSpec;
import io.earshot.source.CursorStore;
import io.earshot.source.Source;
import io.earshot.source.bluesky.JetstreamConfig;
import io.earshot.source.bluesky.JetstreamSource;
import io.earshot.source.feed.FeedConfig;
import io.earshot.source.feed.FeedSource;
import io.earshot.source.feed.FeedSubscription;
import io.earshot.source.feed.OpmlImport;
import io.earshot.source.mastodon.MastodonConfig;
import io.earshot.source.mastodon.MastodonStream;
import io.earshot.source.mastodon.MastodonStreamSource;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a live {@link Source} from its configuration. */
final class SourceFactory {

    private SourceFactory() {}

    static Source create(SourceSpec spec, CursorStore cursors) {
        return switch (spec) {
            case SourceSpec.Bluesky bluesky -> new JetstreamSource(jetstream(bluesky), cursors);
            case SourceSpec.Mastodon mastodon ->
                new MastodonStreamSource(
                        MastodonConfig.of(mastodon.instance(), stream(mastodon), mastodon.token())
                                .withSourceId(mastodon.id())
                                .withTransport(mastodon.transport()),
                        cursors);
            case SourceSpec.Feeds feeds -> new FeedSource(feedConfig(feeds), cursors);
        };
    }

    private static FeedConfig feedConfig(SourceSpec.Feeds spec) {
        List<FeedSubscription> subscriptions = new ArrayList<>();
        spec.feeds().forEach(url -> subscriptions.add(FeedSubscription.of(url.toString())));
        spec.opml().ifPresent(opml -> subscriptions.addAll(OpmlImport.read(opml)));
        // a feed listed both in the file and in the OPML is polled once
        Map<URI, FeedSubscription> unique = new LinkedHashMap<>();
        subscriptions.forEach(subscription -> unique.putIfAbsent(subscription.url(), subscription));
        if (unique.isEmpty()) {
            throw new IllegalArgumentException(
                    spec.id() + ": a feed source needs 'feeds' or an 'opml' file with at least one feed");
        }
        FeedConfig config = FeedConfig.of(List.copyOf(unique.values()))
                .withInterval(
                        spec.interval(),
                        FeedConfig.of(List.copyOf(unique.values())).jitter())
                .withSourceId(spec.id());
        config.requireProductionLimits();
        return config;
    }

    private static MastodonStream stream(SourceSpec.Mastodon spec) {
        return switch (spec.stream()) {
            case "public" -> new MastodonStream.Public();
            case "public:local" -> new MastodonStream.PublicLocal();
            case "user" -> new MastodonStream.User();
            case "hashtag" ->
                new MastodonStream.Hashtag(spec.tag()
                        .orElseThrow(() -> new IllegalArgumentException(spec.id() + ": a hashtag stream needs a tag")));
            default ->
                throw new IllegalArgumentException(spec.id() + ": unknown Mastodon stream '" + spec.stream() + "'");
        };
    }

    private static JetstreamConfig jetstream(SourceSpec.Bluesky spec) {
        JetstreamConfig config = JetstreamConfig.defaults().withSourceId(spec.id());
        if (!spec.endpoints().isEmpty()) {
            config = config.withEndpoints(spec.endpoints());
        }
        if (!spec.collections().isEmpty()) {
            config = config.withWantedCollections(spec.collections());
        }
        if (!spec.dids().isEmpty()) {
            config = config.withWantedDids(spec.dids());
        }
        return config;
    }
}
