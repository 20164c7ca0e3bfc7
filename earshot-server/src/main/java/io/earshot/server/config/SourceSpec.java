package io.earshot.server.config;

import io.earshot.source.mastodon.MastodonTransport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One configured source, as written in {@code earshot.yml} under {@code sources:}. */
public sealed interface SourceSpec {

    /** A stable id: its cursor and status are kept under it. */
    String id();

    /** Bluesky Jetstream: the whole firehose filtered by collections, or only some accounts ({@code dids}). */
    record Bluesky(String id, List<URI> endpoints, List<String> collections, List<String> dids) implements SourceSpec {
        public Bluesky {
            Objects.requireNonNull(id, "id");
            endpoints = List.copyOf(endpoints);
            collections = List.copyOf(collections);
            dids = List.copyOf(dids);
        }

        /** The public firehose with the default collections. */
        public static Bluesky defaults() {
            return new Bluesky("bluesky", List.of(), List.of(), List.of());
        }

        public Bluesky withEndpoints(List<URI> value) {
            return new Bluesky(id, value, collections, dids);
        }
    }

    /**
     * A Mastodon streaming timeline: {@code stream} is {@code public}, {@code public:local}, {@code hashtag}
     * (with {@code tag}) or {@code user}; since Mastodon 4.2 every stream needs a user token. {@code transport}
     * is SSE, WebSocket, or auto (a WebSocket where the instance advertises a streaming server, else SSE).
     */
    record Mastodon(
            String id,
            URI instance,
            String stream,
            Optional<String> tag,
            Optional<String> token,
            MastodonTransport transport)
            implements SourceSpec {
        public Mastodon {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(transport, "transport");
        }
    }

    /** RSS/Atom feeds polled every {@code interval} (with jitter), from a list and/or an OPML file. */
    record Feeds(String id, List<URI> feeds, Optional<Path> opml, Duration interval) implements SourceSpec {
        public Feeds {
            Objects.requireNonNull(id, "id");
            feeds = List.copyOf(feeds);
            Objects.requireNonNull(opml, "opml");
            Objects.requireNonNull(interval, "interval");
        }
    }
}
