package io.earshot.testkit.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How a {@link FakeMastodonServer} behaves; start it with {@link #start()}. */
public final class FakeMastodonBuilder {
    Optional<String> token = Optional.of("test-token");
    final List<String> timeline = new ArrayList<>();
    Duration heartbeat = Duration.ofSeconds(15);
    int dropAfter;
    boolean advertiseStreaming = true;
    Optional<URI> streaming = Optional.empty();

    FakeMastodonBuilder() {}

    /** The bearer token every request must carry ({@code test-token} by default). */
    public FakeMastodonBuilder token(String value) {
        this.token = Optional.of(value);
        return this;
    }

    /** Takes requests without a token, as Mastodon before 4.2 did for public streams. */
    public FakeMastodonBuilder anonymous() {
        this.token = Optional.empty();
        return this;
    }

    /** Statuses already on the timelines when the server starts (REST only: streams replay nothing). */
    public FakeMastodonBuilder timeline(List<String> statuses) {
        this.timeline.addAll(statuses);
        return this;
    }

    /** Statuses already on the timelines: the elements of a JSON array file, such as a fixture. */
    public FakeMastodonBuilder timeline(Path jsonArray) {
        try {
            JsonNode statuses = new ObjectMapper().readTree(Files.readString(jsonArray));
            statuses.forEach(status -> timeline.add(status.toString()));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jsonArray, e);
        }
    }

    /** How often a quiet stream gets a {@code :thump} comment (15 s, like Mastodon); zero for never. */
    public FakeMastodonBuilder heartbeat(Duration every) {
        if (every.isNegative()) {
            throw new IllegalArgumentException("heartbeat cannot be negative, got " + every);
        }
        this.heartbeat = every;
        return this;
    }

    /** Cuts every stream after it was sent {@code events} events (garbage included, heartbeats not). */
    public FakeMastodonBuilder dropStreamsAfter(int events) {
        if (events < 1) {
            throw new IllegalArgumentException("dropStreamsAfter needs at least 1 event, got " + events);
        }
        this.dropAfter = events;
        return this;
    }

    /**
     * What {@code /api/v2/instance} gives as {@code configuration.urls.streaming}: by default this server's own
     * {@code ws://127.0.0.1:<port>}, which speaks WebSocket streaming; another address (a dead port, another
     * host) to test clients that must fall back.
     */
    public FakeMastodonBuilder advertiseStreaming(URI url) {
        this.advertiseStreaming = true;
        this.streaming = Optional.of(url);
        return this;
    }

    /** Leaves {@code configuration.urls.streaming} out of {@code /api/v2/instance}: a client should use SSE. */
    public FakeMastodonBuilder advertiseNoStreaming() {
        this.advertiseStreaming = false;
        return this;
    }

    /** What {@code /api/v2/instance} answers: a few of Mastodon's fields, and where streaming is, if anywhere. */
    String instanceDocument(URI instance, Optional<URI> streamingServer) {
        ObjectNode document = new ObjectMapper()
                .createObjectNode()
                .put("domain", instance.getHost())
                .put("title", "Fake Mastodon")
                .put("version", "4.3.0")
                .put("source_url", "https://github.com/mastodon/mastodon");
        ObjectNode urls = document.putObject("configuration").putObject("urls");
        streamingServer.ifPresent(url -> urls.put("streaming", url.toString()));
        return document.toString();
    }

    public FakeMastodonServer start() {
        return new FakeMastodonServer(this);
    }
}
