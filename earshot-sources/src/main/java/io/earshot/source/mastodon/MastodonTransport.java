package io.earshot.source.mastodon;

import java.util.Locale;

/**
 * How a {@link MastodonStreamSource} reads the streaming API. Both transports carry the same events and feed
 * the same mapping, back-fill, liveness and retry; they differ in where they connect.
 */
public enum MastodonTransport {
    /** Server-Sent Events on the instance itself ({@code /api/v1/streaming/hashtag?tag=…}); every instance serves them. */
    SSE,
    /**
     * A WebSocket to the streaming server the instance advertises in {@code /api/v2/instance}
     * ({@code configuration.urls.streaming}), or to the instance itself when it advertises none.
     */
    WEBSOCKET,
    /**
     * A WebSocket where the instance advertises a streaming server (instances that run it on another host, like
     * mastodon.social on {@code streaming.mastodon.social}, prefer it), else SSE; SSE also when the WebSocket
     * fails or the advertised host may not be given the token.
     */
    AUTO;

    /** The word a config file uses: {@code sse}, {@code websocket} or {@code auto}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code sse}, {@code websocket} (or {@code ws}) or {@code auto}, in any case.
     *
     * @throws IllegalArgumentException for anything else, with the words that work
     */
    public static MastodonTransport parse(String word) {
        return switch (word.strip().toLowerCase(Locale.ROOT)) {
            case "sse" -> SSE;
            case "websocket", "ws" -> WEBSOCKET;
            case "auto" -> AUTO;
            default ->
                throw new IllegalArgumentException("mastodon: unknown transport '" + word
                        + "'; use sse, websocket or auto (auto: a WebSocket where the instance advertises a"
                        + " streaming server, else SSE)");
        };
    }
}
