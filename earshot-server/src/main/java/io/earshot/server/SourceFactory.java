package io.earshot.server;

import io.earshot.server.config.SourceSpec;
import io.earshot.source.CursorStore;
import io.earshot.source.Source;
import io.earshot.source.bluesky.JetstreamConfig;
import io.earshot.source.bluesky.JetstreamSource;

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
