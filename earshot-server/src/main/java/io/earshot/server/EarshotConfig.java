package io.earshot.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code earshot run} needs. Built from command-line options, with environment variables as
 * defaults ({@link #fromEnvironment}); the command line wins.
 *
 * @param jetstreamEndpoints Bluesky Jetstream endpoints, tried in order (failover); empty = the public ones
 * @param unmatchedRetention how long posts that matched no topic are kept (for backfill of new topics)
 */
public record EarshotConfig(
        Path dataDir,
        String host,
        int port,
        SourceChoice source,
        List<URI> jetstreamEndpoints,
        Optional<String> apiToken,
        Duration unmatchedRetention) {

    /** Which live source {@code earshot run} connects to. */
    public enum SourceChoice {
        BLUESKY,
        NONE
    }

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public EarshotConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(source, "source");
        jetstreamEndpoints = List.copyOf(jetstreamEndpoints);
        Objects.requireNonNull(apiToken, "apiToken");
        Objects.requireNonNull(unmatchedRetention, "unmatchedRetention");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) to 65535, got " + port);
        }
    }

    /** Defaults, overridden by {@code EARSHOT_DATA}, {@code EARSHOT_HOST}, {@code EARSHOT_PORT}, {@code EARSHOT_BLUESKY_JETSTREAM_URL} (comma-separated for failover) and {@code EARSHOT_API_TOKEN}. */
    public static EarshotConfig fromEnvironment(Map<String, String> env) {
        Path data = Path.of(env.getOrDefault("EARSHOT_DATA", "earshot-data"));
        String host = env.getOrDefault("EARSHOT_HOST", DEFAULT_HOST);
        int port = DEFAULT_PORT;
        if (env.containsKey("EARSHOT_PORT")) {
            try {
                port = Integer.parseInt(env.get("EARSHOT_PORT").strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "EARSHOT_PORT must be a number, got '" + env.get("EARSHOT_PORT") + "'");
            }
        }
        List<URI> endpoints = Optional.ofNullable(env.get("EARSHOT_BLUESKY_JETSTREAM_URL")).stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .map(EarshotConfig::websocketUri)
                .toList();
        Optional<String> token = Optional.ofNullable(env.get("EARSHOT_API_TOKEN"))
                .map(String::strip)
                .filter(value -> !value.isEmpty());
        return new EarshotConfig(data, host, port, SourceChoice.BLUESKY, endpoints, token, Duration.ofDays(7));
    }

    public EarshotConfig withDataDir(Path value) {
        return new EarshotConfig(value, host, port, source, jetstreamEndpoints, apiToken, unmatchedRetention);
    }

    public EarshotConfig withListen(String newHost, int newPort) {
        return new EarshotConfig(dataDir, newHost, newPort, source, jetstreamEndpoints, apiToken, unmatchedRetention);
    }

    public EarshotConfig withSource(SourceChoice value) {
        return new EarshotConfig(dataDir, host, port, value, jetstreamEndpoints, apiToken, unmatchedRetention);
    }

    public EarshotConfig withJetstreamEndpoints(List<URI> value) {
        return new EarshotConfig(dataDir, host, port, source, value, apiToken, unmatchedRetention);
    }

    /** Parses a Jetstream URL; it must be {@code ws://} or {@code wss://}. */
    public static URI websocketUri(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "not a URL: '" + value + "'; expected e.g. wss://jetstream2.us-east.bsky.network/subscribe");
        }
        if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme())) {
            throw new IllegalArgumentException("a Jetstream URL starts with ws:// or wss://, got '" + value + "'");
        }
        return uri;
    }
}
