package io.earshot.server;

import io.earshot.server.alert.delivery.DeliverySettings;
import io.earshot.server.config.ConfigFile;
import io.earshot.server.config.SourceSpec;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code earshot run} needs. Read from {@code earshot.yml} when present, then environment
 * variables, then command-line options: each later one wins (see docs/configuration.md).
 *
 * @param source which of the configured sources run: all of them, only Bluesky, or none
 * @param sources the sources from the config file; none configured means the public Bluesky firehose
 * @param jetstreamEndpoints an override of every Bluesky source's endpoints ({@code EARSHOT_BLUESKY_JETSTREAM_URL})
 * @param unmatchedRetention how long posts that matched no topic are kept (for backfill of new topics)
 * @param ingestTokens per-source tokens for {@code POST /api/v1/ingest?source=NAME}
 * @param sentimentModel a model from {@code earshot train sentiment} to use instead of the shipped one
 * @param blueskyProfiles {@code EARSHOT_BLUESKY_PROFILES}: {@code off}, or the AppView to ask for authors'
 *     profiles; empty means the public AppView whenever a Bluesky source runs
 * @param alerts alert rules from the config file (each the JSON of {@code POST /api/v1/alerts}, topics by id or
 *     name); they are created or updated at start, by name, and removed when they leave the file
 * @param delivery how alerts are sent: private targets allowed or not, SMTP, retries
 */
public record EarshotConfig(
        Path dataDir,
        String host,
        int port,
        SourceChoice source,
        List<SourceSpec> sources,
        List<URI> jetstreamEndpoints,
        Optional<String> apiToken,
        Duration unmatchedRetention,
        Map<String, String> ingestTokens,
        Optional<Path> sentimentModel,
        Optional<String> blueskyProfiles,
        List<String> alerts,
        DeliverySettings delivery) {

    /** Which sources {@code earshot run} starts. */
    public enum SourceChoice {
        ALL,
        BLUESKY,
        NONE
    }

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final Path DEFAULT_CONFIG_FILE = Path.of("earshot.yml");

    public EarshotConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(source, "source");
        sources = List.copyOf(sources);
        jetstreamEndpoints = List.copyOf(jetstreamEndpoints);
        Objects.requireNonNull(apiToken, "apiToken");
        Objects.requireNonNull(unmatchedRetention, "unmatchedRetention");
        ingestTokens = Map.copyOf(ingestTokens);
        Objects.requireNonNull(sentimentModel, "sentimentModel");
        Objects.requireNonNull(blueskyProfiles, "blueskyProfiles");
        alerts = List.copyOf(alerts);
        Objects.requireNonNull(delivery, "delivery");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) to 65535, got " + port);
        }
    }

    /** Defaults overridden by the environment only (no config file). */
    public static EarshotConfig fromEnvironment(Map<String, String> env) {
        return load(Optional.empty(), env);
    }

    /**
     * Reads {@code configFile} (or {@code ./earshot.yml} when it exists and none is given), then applies
     * {@code EARSHOT_DATA}, {@code EARSHOT_HOST}, {@code EARSHOT_PORT}, {@code EARSHOT_API_TOKEN},
     * {@code EARSHOT_BLUESKY_JETSTREAM_URL} (comma-separated for failover) and {@code EARSHOT_RETENTION_UNMATCHED}.
     */
    public static EarshotConfig load(Optional<Path> configFile, Map<String, String> env) {
        Optional<Path> file =
                configFile.or(() -> Optional.of(DEFAULT_CONFIG_FILE).filter(Files::isRegularFile));
        ConfigFile.Contents contents =
                file.map(path -> ConfigFile.read(path, env)).orElse(ConfigFile.Contents.empty());
        Path data = Optional.ofNullable(env.get("EARSHOT_DATA"))
                .map(Path::of)
                .or(contents::dataDir)
                .orElse(Path.of("earshot-data"));
        String host =
                Optional.ofNullable(env.get("EARSHOT_HOST")).or(contents::host).orElse(DEFAULT_HOST);
        int port = Optional.ofNullable(env.get("EARSHOT_PORT"))
                .map(EarshotConfig::port)
                .or(contents::port)
                .orElse(DEFAULT_PORT);
        List<URI> endpoints = Optional.ofNullable(env.get("EARSHOT_BLUESKY_JETSTREAM_URL")).stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .map(EarshotConfig::websocketUri)
                .toList();
        Optional<String> token = Optional.ofNullable(env.get("EARSHOT_API_TOKEN"))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .or(contents::apiToken);
        Duration retention = Optional.ofNullable(env.get("EARSHOT_RETENTION_UNMATCHED"))
                .map(value -> ConfigFile.duration("EARSHOT_RETENTION_UNMATCHED", value))
                .or(contents::unmatchedRetention)
                .orElse(Duration.ofDays(7));
        Optional<String> blueskyProfiles = Optional.ofNullable(env.get("EARSHOT_BLUESKY_PROFILES"))
                .map(String::strip)
                .filter(value -> !value.isEmpty());
        Optional<Path> sentimentModel = Optional.ofNullable(env.get("EARSHOT_SENTIMENT_MODEL"))
                .filter(value -> !value.isBlank())
                .map(Path::of);
        return new EarshotConfig(
                data,
                host,
                port,
                SourceChoice.ALL,
                contents.sources(),
                endpoints,
                token,
                retention,
                contents.ingestTokens(),
                sentimentModel,
                blueskyProfiles,
                contents.alerts(),
                DeliverySettings.fromEnvironment(env));
    }

    /** The sources to start: the configured ones (or the public Bluesky firehose), filtered by {@link #source()}. */
    public List<SourceSpec> activeSources() {
        if (source == SourceChoice.NONE) {
            return List.of();
        }
        List<SourceSpec> chosen = new ArrayList<>();
        for (SourceSpec spec : sources) {
            if (source == SourceChoice.ALL || spec instanceof SourceSpec.Bluesky) {
                chosen.add(spec);
            }
        }
        if (chosen.stream().noneMatch(SourceSpec.Bluesky.class::isInstance)
                && (sources.isEmpty() || source == SourceChoice.BLUESKY)) {
            chosen.add(0, SourceSpec.Bluesky.defaults());
        }
        if (jetstreamEndpoints.isEmpty()) {
            return List.copyOf(chosen);
        }
        return chosen.stream()
                .map(spec ->
                        spec instanceof SourceSpec.Bluesky bluesky ? bluesky.withEndpoints(jetstreamEndpoints) : spec)
                .toList();
    }

    public EarshotConfig withDataDir(Path value) {
        return new EarshotConfig(
                value,
                host,
                port,
                source,
                sources,
                jetstreamEndpoints,
                apiToken,
                unmatchedRetention,
                ingestTokens,
                sentimentModel,
                blueskyProfiles,
                alerts,
                delivery);
    }

    public EarshotConfig withListen(String newHost, int newPort) {
        return new EarshotConfig(
                dataDir,
                newHost,
                newPort,
                source,
                sources,
                jetstreamEndpoints,
                apiToken,
                unmatchedRetention,
                ingestTokens,
                sentimentModel,
                blueskyProfiles,
                alerts,
                delivery);
    }

    public EarshotConfig withSource(SourceChoice value) {
        return new EarshotConfig(
                dataDir,
                host,
                port,
                value,
                sources,
                jetstreamEndpoints,
                apiToken,
                unmatchedRetention,
                ingestTokens,
                sentimentModel,
                blueskyProfiles,
                alerts,
                delivery);
    }

    public EarshotConfig withSources(List<SourceSpec> value) {
        return new EarshotConfig(
                dataDir,
                host,
                port,
                source,
                value,
                jetstreamEndpoints,
                apiToken,
                unmatchedRetention,
                ingestTokens,
                sentimentModel,
                blueskyProfiles,
                alerts,
                delivery);
    }

    public EarshotConfig withIngestTokens(Map<String, String> value) {
        return new EarshotConfig(
                dataDir,
                host,
                port,
                source,
                sources,
                jetstreamEndpoints,
                apiToken,
                unmatchedRetention,
                value,
                sentimentModel,
                blueskyProfiles,
                alerts,
                delivery);
    }

    public EarshotConfig withAlerts(List<String> value) {
        return new EarshotConfig(
                dataDir,
                host,
                port,
                source,
                sources,
                jetstreamEndpoints,
                apiToken,
                unmatchedRetention,
                ingestTokens,
                sentimentModel,
                blueskyProfiles,
                value,
                delivery);
    }

    public EarshotConfig withDelivery(DeliverySettings value) {
        return new EarshotConfig(
                dataDir,
                host,
                port,
                source,
                sources,
                jetstreamEndpoints,
                apiToken,
                unmatchedRetention,
                ingestTokens,
                sentimentModel,
                blueskyProfiles,
                alerts,
                value);
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("EARSHOT_PORT must be a number, got '" + value + "'");
        }
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
