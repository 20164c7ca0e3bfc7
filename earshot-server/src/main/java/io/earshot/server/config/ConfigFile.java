package io.earshot.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.earshot.source.mastodon.MastodonTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code earshot.yml} (see docs/configuration.md). Values may refer to environment variables as
 * {@code ${NAME}} (tokens belong in the environment, not in the file). Every mistake is reported with
 * the key it is under, e.g. {@code sources[2].interval: '15x' is not a duration; use e.g. 15m, 1h, 90s}.
 */
public final class ConfigFile {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    /** What the file says; absent keys are empty. */
    public record Contents(
            Optional<Path> dataDir,
            Optional<String> host,
            Optional<Integer> port,
            Optional<String> apiToken,
            Optional<Duration> unmatchedRetention,
            List<SourceSpec> sources,
            Map<String, String> ingestTokens,
            List<String> alerts) {
        public Contents {
            sources = List.copyOf(sources);
            ingestTokens = Map.copyOf(ingestTokens);
            alerts = List.copyOf(alerts);
        }

        public static Contents empty() {
            return new Contents(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Map.of(),
                    List.of());
        }
    }

    private final Map<String, String> env;

    private ConfigFile(Map<String, String> env) {
        this.env = env;
    }

    /** Reads and validates a config file. */
    public static Contents read(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the config file: " + e.getMessage());
        }
        return parse(text, file.toString(), env);
    }

    static Contents parse(String yaml, String name, Map<String, String> env) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + ": not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Contents.empty();
        }
        if (!root.isObject()) {
            throw new ConfigException(name + ": the config file must be a mapping of keys (data, http, sources, ...)");
        }
        return new ConfigFile(env).contents(root, name);
    }

    private Contents contents(JsonNode root, String name) {
        allowOnly(root, "", Set.of("data", "http", "api-token", "retention", "sources", "ingest", "alerts"));
        JsonNode http = root.path("http");
        allowOnly(http, "http.", Set.of("host", "port"));
        Optional<Integer> port = text(http, "http.port", "port").map(value -> integer("http.port", value));
        JsonNode retention = root.path("retention");
        allowOnly(retention, "retention.", Set.of("unmatched"));
        List<SourceSpec> sources = new ArrayList<>();
        JsonNode list = root.path("sources");
        if (!list.isMissingNode() && !list.isArray()) {
            throw new ConfigException("sources: must be a list, each item with a 'type' (bluesky, mastodon, feed)");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            SourceSpec spec = source(list.get(i), "sources[" + i + "]");
            if (!ids.add(spec.id())) {
                throw new ConfigException(
                        "sources[" + i + "].id: '" + spec.id() + "' is used twice; give each source its own id");
            }
            sources.add(spec);
        }
        Map<String, String> ingestTokens = new LinkedHashMap<>();
        JsonNode tokens = root.path("ingest").path("tokens");
        allowOnly(root.path("ingest"), "ingest.", Set.of("tokens"));
        tokens.fieldNames()
                .forEachRemaining(source -> ingestTokens.put(
                        source, text(tokens, "ingest.tokens." + source, source).orElseThrow()));
        return new Contents(
                text(root, "data", "data").map(Path::of),
                text(http, "http.host", "host"),
                port,
                text(root, "api-token", "api-token"),
                text(retention, "retention.unmatched", "unmatched")
                        .map(value -> duration("retention.unmatched", value)),
                sources,
                ingestTokens,
                alerts(root.path("alerts")));
    }

    /**
     * Alert rules: a list of mappings with the keys of {@code POST /api/v1/alerts}, {@code ${VAR}} replaced
     * in every string (webhook secrets belong in the environment). Checked in full when the server starts.
     */
    private List<String> alerts(JsonNode list) {
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new ConfigException(
                    "alerts: must be a list of rules, each with a 'name', 'topics' and a 'condition'");
        }
        List<String> alerts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode rule = list.get(i);
            String key = "alerts[" + i + "]";
            if (!rule.isObject() || !rule.path("name").isTextual()) {
                throw new ConfigException(key + ": a rule is a mapping with a 'name', 'topics' and a 'condition'");
            }
            if (!names.add(rule.get("name").asText())) {
                throw new ConfigException(
                        key + ".name: '" + rule.get("name").asText() + "' is used twice; rules are known by name");
            }
            alerts.add(interpolated(rule, key).toString());
        }
        return alerts;
    }

    private JsonNode interpolated(JsonNode node, String key) {
        if (node.isTextual()) {
            return TextNode.valueOf(substitute(key, node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            node.properties()
                    .forEach(field ->
                            copy.set(field.getKey(), interpolated(field.getValue(), key + "." + field.getKey())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).deepCopy();
            for (int i = 0; i < node.size(); i++) {
                copy.set(i, interpolated(node.get(i), key + "[" + i + "]"));
            }
            return copy;
        }
        return node;
    }

    /**
     * One source as sent to {@code POST /api/v1/sources}: a JSON object with the keys of a
     * {@code sources:} item of the config file (and the same checks and messages).
     */
    public static SourceSpec sourceDefinition(String json, Map<String, String> env) {
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException("the source is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ConfigException(
                    "a source is a JSON object with a \"type\" (bluesky, mastodon or feed), like an item of 'sources:' in earshot.yml");
        }
        return new ConfigFile(env).source(node, "source");
    }

    private SourceSpec source(JsonNode node, String key) {
        String type = text(node, key + ".type", "type")
                .orElseThrow(() -> new ConfigException(key + ".type: missing; use bluesky, mastodon or feed"))
                .toLowerCase(Locale.ROOT);
        return switch (type) {
            case "bluesky" -> {
                allowOnly(node, key + ".", Set.of("type", "id", "endpoints", "collections", "dids"));
                yield new SourceSpec.Bluesky(
                        text(node, key + ".id", "id").orElse("bluesky"),
                        strings(node, key, "endpoints").stream()
                                .map(value -> websocket(key + ".endpoints", value))
                                .toList(),
                        strings(node, key, "collections"),
                        strings(node, key, "dids"));
            }
            case "mastodon" -> {
                allowOnly(node, key + ".", Set.of("type", "id", "instance", "stream", "tag", "token", "transport"));
                URI instance = http(
                        key + ".instance",
                        text(node, key + ".instance", "instance")
                                .orElseThrow(() ->
                                        new ConfigException(key + ".instance: missing, e.g. https://mastodon.social")));
                String stream = text(node, key + ".stream", "stream").orElse("public");
                if (!Set.of("public", "public:local", "hashtag", "user").contains(stream)) {
                    throw new ConfigException(key + ".stream: '" + stream
                            + "' is not a stream; use public, public:local, hashtag or user");
                }
                Optional<String> tag = text(node, key + ".tag", "tag")
                        .map(value -> value.startsWith("#") ? value.substring(1) : value);
                if (stream.equals("hashtag") && tag.isEmpty()) {
                    throw new ConfigException(key + ".tag: a hashtag stream needs a tag, e.g. tag: rust");
                }
                String id = text(node, key + ".id", "id")
                        .orElse("mastodon:" + instance.getHost() + ":" + stream
                                + tag.map(t -> ":" + t).orElse(""));
                MastodonTransport transport = text(node, key + ".transport", "transport")
                        .map(value -> mastodonTransport(key + ".transport", value))
                        .orElse(MastodonTransport.AUTO);
                yield new SourceSpec.Mastodon(
                        id, instance, stream, tag, text(node, key + ".token", "token"), transport);
            }
            case "feed", "feeds" -> {
                allowOnly(node, key + ".", Set.of("type", "id", "feeds", "urls", "opml", "interval"));
                List<String> urls = new ArrayList<>(strings(node, key, "feeds"));
                urls.addAll(strings(node, key, "urls"));
                yield new SourceSpec.Feeds(
                        text(node, key + ".id", "id").orElse("feeds"),
                        urls.stream().map(value -> http(key + ".feeds", value)).toList(),
                        text(node, key + ".opml", "opml").map(Path::of),
                        text(node, key + ".interval", "interval")
                                .map(value -> duration(key + ".interval", value))
                                .orElse(Duration.ofMinutes(15)));
            }
            default ->
                throw new ConfigException(
                        key + ".type: unknown source type '" + type + "'; use bluesky, mastodon or feed");
        };
    }

    private static MastodonTransport mastodonTransport(String key, String value) {
        if (!Set.of("sse", "websocket", "auto").contains(value.strip().toLowerCase(Locale.ROOT))) {
            throw new ConfigException(key + ": '" + value + "' is not a transport; use sse, websocket or auto"
                    + " (auto, the default: a WebSocket where the instance advertises a streaming server, else SSE)");
        }
        return MastodonTransport.parse(value);
    }

    private static void allowOnly(JsonNode node, String prefix, Set<String> allowed) {
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new ConfigException(
                    prefix.isEmpty()
                            ? "the config file must be a mapping"
                            : prefix.substring(0, prefix.length() - 1) + ": must be a mapping");
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                throw new ConfigException(prefix + field + ": unknown key; known keys here: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        });
    }

    private Optional<String> text(JsonNode parent, String key, String field) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            throw new ConfigException(key + ": must be a single value");
        }
        return Optional.of(substitute(key, node.asText())).filter(value -> !value.isBlank());
    }

    private List<String> strings(JsonNode parent, String key, String field) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isValueNode()) {
            return List.of(substitute(key + "." + field, node.asText()));
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            JsonNode value = item.isObject() ? item.path("url") : item;
            if (!value.isValueNode()) {
                throw new ConfigException(key + "." + field + "[" + i + "]: must be a value");
            }
            values.add(substitute(key + "." + field + "[" + i + "]", value.asText()));
        }
        return values;
    }

    private String substitute(String key, String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String replacement = env.get(variable);
            if (replacement == null) {
                throw new ConfigException(key + ": refers to ${" + variable + "}, which is not set in the environment");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": '" + value + "' is not a number");
        }
    }

    /** Parses {@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}, {@code 500ms}. */
    public static Duration duration(String key, String value) {
        Matcher matcher = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new ConfigException(key + ": '" + value + "' is not a duration; use e.g. 15m, 1h, 90s, 7d");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static URI websocket(String key, String value) {
        URI uri = uri(key, value);
        if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme())) {
            throw new ConfigException(key + ": '" + value + "' must start with wss:// (or ws://)");
        }
        return uri;
    }

    private static URI http(String key, String value) {
        URI uri = uri(key, value);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new ConfigException(key + ": '" + value + "' must start with https:// (or http://)");
        }
        return uri;
    }

    private static URI uri(String key, String value) {
        try {
            URI uri = URI.create(value.strip());
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": '" + value + "' is not a URL");
        }
    }
}
