package io.earshot.server.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.alert.AlertRule;
import io.earshot.alert.AlertRuleStore.StoredRule;
import io.earshot.alert.ChannelSpec;
import io.earshot.alert.Condition;
import io.earshot.alert.Fatigue;
import io.earshot.alert.RuleScope;
import io.earshot.alert.Sensitivity;
import io.earshot.domain.Network;
import io.earshot.enrich.emotion.EmotionLabel;
import io.earshot.enrich.sentiment.SentimentLabel;
import io.earshot.server.config.ConfigFile;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.Json;
import java.net.URI;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * A rule's JSON, both ways: the body of {@code POST /api/v1/alerts} parsed into an {@link AlertRule} (every
 * mistake a {@code 400} that says what to write), and a rule rendered for the API. See docs/alerts.md.
 */
public final class RuleJson {

    private RuleJson() {}

    /** Parses a stored or posted definition. */
    public static AlertRule parse(StoredRule stored) {
        return parse(stored.id(), Json.read(stored.definition()), stored).withPaused(stored.paused(), stored.updated());
    }

    /** Checks a definition without storing it; returns the rule it describes (with id 0). */
    public static AlertRule check(String definition, Instant now) {
        return parse(new StoredRule(0, definition, false, now, now));
    }

    private static AlertRule parse(long id, JsonNode body, StoredRule stored) {
        if (!body.isObject()) {
            throw new BadRequestException("an alert rule is a JSON object, e.g. "
                    + "{\"name\": \"Outage\", \"topics\": [1], \"condition\": {\"type\": \"every_match\"}}");
        }
        try {
            String name = text(body, "name").orElseThrow(() -> new BadRequestException("a rule needs a \"name\""));
            RuleScope scope = scope(body);
            Condition condition = condition(Optional.ofNullable(body.get("condition"))
                    .orElseThrow(() ->
                            new BadRequestException("a rule needs a \"condition\", e.g. {\"type\": \"every_match\"}")));
            List<ChannelSpec> channels = new ArrayList<>();
            for (JsonNode channel : array(body, "channels")) {
                channels.add(channel(channel));
            }
            Fatigue fatigue = fatigue(Optional.ofNullable(body.get("fatigue")));
            boolean paused = body.path("paused").asBoolean(false) || stored.paused();
            return new AlertRule(
                    id, name, scope, condition, channels, fatigue, paused, stored.created(), stored.updated());
        } catch (BadRequestException e) {
            throw e;
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static RuleScope scope(JsonNode body) {
        List<Long> topics = new ArrayList<>();
        for (JsonNode topic : array(body, "topics")) {
            if (!topic.canConvertToLong()) {
                throw new BadRequestException("\"topics\" holds topic ids (numbers), got " + topic);
            }
            topics.add(topic.asLong());
        }
        JsonNode filters = body.path("filters");
        return new RuleScope(
                topics,
                text(body, "filter").filter(filter -> !filter.isBlank()),
                labels(filters, "sentiment", SentimentLabel::fromId),
                labels(filters, "emotion", EmotionLabel::fromId),
                labels(filters, "lang", lang -> lang),
                labels(filters, "network", Network::fromId),
                filters.has("min_followers")
                        ? OptionalLong.of(filters.get("min_followers").asLong())
                        : OptionalLong.empty());
    }

    private static Condition condition(JsonNode condition) {
        String type = text(condition, "type")
                .orElseThrow(() -> new BadRequestException("a condition needs a \"type\": every_match, digest, "
                        + "volume_spike, sentiment_shift or influencer"));
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "every_match" -> new Condition.EveryMatch();
            case "digest" ->
                new Condition.Digest(
                        Condition.Frequency.valueOf(text(condition, "frequency")
                                .orElse("daily")
                                .toUpperCase(Locale.ROOT)
                                .strip()),
                        LocalTime.parse(text(condition, "at").orElse("09:00")),
                        zone(text(condition, "time_zone").orElse("UTC")),
                        DayOfWeek.valueOf(
                                text(condition, "day").orElse("monday").toUpperCase(Locale.ROOT)),
                        condition.path("top").asInt(10));
            case "volume_spike" ->
                new Condition.VolumeSpike(
                        duration(condition, "window", "60m"),
                        Sensitivity.fromId(text(condition, "sensitivity").orElse("medium")),
                        condition.path("min_volume").asInt(10),
                        duration(condition, "cooldown", "2h"));
            case "sentiment_shift" ->
                new Condition.SentimentShift(
                        SentimentLabel.fromId(text(condition, "direction").orElse("negative")),
                        duration(condition, "window", "60m"),
                        Sensitivity.fromId(text(condition, "sensitivity").orElse("medium")),
                        condition.path("min_volume").asInt(20),
                        condition.path("min_shift").asDouble(0.10),
                        duration(condition, "cooldown", "2h"));
            case "influencer" ->
                new Condition.Influencer(
                        condition.path("min_followers").asLong(0),
                        condition.has("min_score")
                                ? OptionalDouble.of(condition.get("min_score").asDouble())
                                : OptionalDouble.empty());
            default ->
                throw new BadRequestException("unknown condition type '" + type
                        + "'; expected every_match, digest, volume_spike, sentiment_shift or influencer");
        };
    }

    private static ChannelSpec channel(JsonNode channel) {
        String type = text(channel, "type")
                .orElseThrow(() -> new BadRequestException("a channel needs a \"type\": webhook, slack or email"));
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "webhook" -> new ChannelSpec.Webhook(url(channel), text(channel, "secret"));
            case "slack" -> new ChannelSpec.Slack(url(channel));
            case "email" -> {
                List<String> to = new ArrayList<>();
                for (JsonNode address : array(channel, "to")) {
                    to.add(address.asText());
                }
                yield new ChannelSpec.Email(to);
            }
            default ->
                throw new BadRequestException("unknown channel type '" + type + "'; expected webhook, slack or email");
        };
    }

    private static Fatigue fatigue(Optional<JsonNode> fatigue) {
        if (fatigue.isEmpty()) {
            return Fatigue.DEFAULT;
        }
        JsonNode node = fatigue.get();
        Optional<Fatigue.QuietHours> quiet = Optional.ofNullable(node.get("quiet_hours"))
                .map(q -> new Fatigue.QuietHours(
                        LocalTime.parse(text(q, "from")
                                .orElseThrow(() -> new BadRequestException(
                                        "quiet_hours needs \"from\" and \"to\" (local times such as \"22:00\")"))),
                        LocalTime.parse(text(q, "to")
                                .orElseThrow(() -> new BadRequestException(
                                        "quiet_hours needs \"from\" and \"to\" (local times such as \"07:00\")"))),
                        zone(text(q, "time_zone").orElse("UTC")),
                        q.path("let_critical_through").asBoolean(true)));
        return new Fatigue(
                node.path("max_per_hour").asInt(Fatigue.DEFAULT.maxPerHour()),
                quiet,
                node.has("group_window") ? duration(node, "group_window", "1s") : Fatigue.DEFAULT.groupWindow());
    }

    /** {@code "90s"}, {@code "60m"}, {@code "2h"}, {@code "1d"}, or ISO-8601 ({@code "PT1H"}). */
    static Duration parseDuration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            return ConfigFile.duration("duration", value);
        } catch (RuntimeException e) {
            throw new BadRequestException(
                    "'" + text + "' is not a duration; write e.g. \"500ms\", \"90s\", \"60m\", \"2h\" or \"1d\"");
        }
    }

    private static Duration duration(JsonNode node, String field, String otherwise) {
        return parseDuration(text(node, field).orElse(otherwise));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            throw new BadRequestException("unknown time zone '" + id + "'; use a name such as Europe/Paris or UTC");
        }
    }

    private static URI url(JsonNode channel) {
        String url = text(channel, "url").orElseThrow(() -> new BadRequestException("this channel needs a \"url\""));
        try {
            return URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("'" + url + "' is not a URL");
        }
    }

    private static <T> Set<T> labels(JsonNode filters, String field, Function<String, T> parse) {
        Set<T> labels = new LinkedHashSet<>();
        for (JsonNode value : array(filters, field)) {
            labels.add(parse.apply(value.asText()));
        }
        return labels;
    }

    private static List<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new BadRequestException("\"" + field + "\" must be a list, e.g. [..]");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw new BadRequestException("\"" + field + "\" must be a string");
        }
        return Optional.of(value.asText());
    }

    /** A rule for the API: its definition as written, with id, state and times; channel secrets hidden. */
    public static Map<String, Object> render(StoredRule stored) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", stored.id());
        JsonNode definition = Json.read(stored.definition());
        definition.properties().forEach(field -> {
            if (!field.getKey().equals("id") && !field.getKey().equals("paused")) {
                json.put(field.getKey(), Json.mapper().convertValue(field.getValue(), Object.class));
            }
        });
        if (json.get("channels") instanceof List<?> channels) {
            json.put("channels", channels.stream().map(RuleJson::hideSecret).toList());
        }
        json.put("paused", stored.paused());
        json.put("createdAt", stored.created().toString());
        json.put("updatedAt", stored.updated().toString());
        return json;
    }

    private static Object hideSecret(Object channel) {
        if (channel instanceof Map<?, ?> map && map.containsKey("secret")) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.put("secret", "********");
            return copy;
        }
        return channel;
    }
}
