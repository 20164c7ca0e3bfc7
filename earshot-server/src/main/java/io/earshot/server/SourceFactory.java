package io.earshot.server;

import io.earshot.server.config.SourceSpec;
import io.earshot.source.CursorStore;
import io.earshot.source.Source;
import io.earshot.source.bluesky.JetstreamConfig;
import io.earshot.source.bluesky.JetstreamSource;
import io.earshot.source.mastodon.MastodonStream;

/** Builds a live {@link Source} from its configuration. */
final class SourceFactory {

    private SourceFactory() {}

    static Source create(SourceSpec spec, CursorStore cursors) {
        return switch (spec) {
            case SourceSpec.Bluesky bluesky -> new JetstreamSource(jetstream(bluesky), cursors);
            case SourceSpec.Mastodon mastodon ->
                throw new UnsupportedOperationException("mastodon sources arrive with the Mastodon connector");
            case SourceSpec.Feeds feeds ->
                throw new UnsupportedOperationException("feed sources arrive with the feed connector");
        };
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
