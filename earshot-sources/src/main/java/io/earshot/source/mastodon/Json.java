package io.earshot.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.source.Rfc3339;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Typed reads of Mastodon JSON. Required fields fail with a {@link MalformedStatusException} that names the
 * field by its path; optional fields of the wrong type read as absent, because one odd decoration (a card, a
 * language) should not cost us the status.
 */
final class Json {

    private static final int MAX_QUOTED_CHARS = 120;

    private Json() {}

    static JsonNode requiredObject(JsonNode parent, String field, String path) {
        JsonNode node = required(parent, field, path);
        if (!node.isObject()) {
            throw wrongType(path, "an object", node);
        }
        return node;
    }

    static String requiredText(JsonNode parent, String field, String path) {
        JsonNode node = required(parent, field, path);
        if (!node.isTextual()) {
            throw wrongType(path, "a string", node);
        }
        if (node.textValue().isBlank()) {
            throw new MalformedStatusException("field '" + path + "' is empty");
        }
        return node.textValue();
    }

    /**
     * An id: Mastodon sends ids as strings (they outgrew JavaScript numbers in 2.0), but very old servers
     * sent integers, and both name the same thing.
     */
    static String requiredId(JsonNode parent, String field, String path) {
        JsonNode node = required(parent, field, path);
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return Long.toString(node.longValue());
        }
        if (!node.isTextual()) {
            throw wrongType(path, "an id string", node);
        }
        return requiredText(parent, field, path);
    }

    /** An id as {@link #requiredId} reads it, or empty when absent, null or not an id. */
    static Optional<String> optionalId(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return Optional.of(Long.toString(node.longValue()));
        }
        return node.isTextual() && !node.textValue().isBlank() ? Optional.of(node.textValue()) : Optional.empty();
    }

    /** A string field, or empty when it is absent, null, blank or not a string. */
    static Optional<String> optionalText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.isTextual() && !node.textValue().isBlank()
                ? Optional.of(node.textValue())
                : Optional.empty();
    }

    /** An object field, or empty when it is absent or not an object. */
    static Optional<JsonNode> optionalObject(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    }

    /** Whether the field is present with a value other than {@code null}. */
    static boolean isSet(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && !node.isNull();
    }

    /** A required time such as {@code 2017-04-14T06:11:41.893Z}, set by the server, so it must parse. */
    static Instant requiredTime(JsonNode parent, String field, String path) {
        String text = requiredText(parent, field, path);
        return parseTime(text)
                .orElseThrow(() -> new MalformedStatusException("field '" + path
                        + "' must be an ISO-8601 time such as 2017-04-14T06:11:41.893Z, got '" + clip(text) + "'"));
    }

    static Optional<Instant> parseTime(String text) {
        return Rfc3339.parse(text);
    }

    static String clip(String text) {
        return text.length() <= MAX_QUOTED_CHARS ? text : text.substring(0, MAX_QUOTED_CHARS) + "…";
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number (" + clip(node.asText()) + ")";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static JsonNode required(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedStatusException("missing field '" + path + "'");
        }
        return node;
    }

    private static MalformedStatusException wrongType(String path, String expected, JsonNode actual) {
        return new MalformedStatusException("field '" + path + "' must be " + expected + ", got " + describe(actual));
    }
}
