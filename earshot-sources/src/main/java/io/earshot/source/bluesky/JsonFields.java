package io.earshot.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.source.Rfc3339;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Typed reads of Jetstream JSON. Required fields fail with a {@link MalformedEventException} that names the
 * field by its path; optional fields of the wrong type read as absent, because one odd decoration (a
 * language list, an embed) should not cost us the post.
 */
final class JsonFields {

    private JsonFields() {}

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
            throw new MalformedEventException("field '" + path + "' is empty");
        }
        return node.textValue();
    }

    static long requiredLong(JsonNode parent, String field, String path) {
        JsonNode node = required(parent, field, path);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrongType(path, "an integer", node);
        }
        return node.longValue();
    }

    static boolean requiredBoolean(JsonNode parent, String field, String path) {
        JsonNode node = required(parent, field, path);
        if (!node.isBoolean()) {
            throw wrongType(path, "true or false", node);
        }
        return node.booleanValue();
    }

    /** A string field, or empty when it is absent, null or not a string. */
    static Optional<String> optionalText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }

    /** An object field, or empty when it is absent or not an object. */
    static Optional<JsonNode> optionalObject(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    }

    /** An int field, or empty when it is absent or not an integer that fits an int. */
    static Optional<Integer> optionalInt(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.isIntegralNumber() && node.canConvertToInt()
                ? Optional.of(node.intValue())
                : Optional.empty();
    }

    /**
     * An RFC 3339 timestamp such as {@code 2026-07-04T14:38:02+00:00}; empty when it does not parse. Record
     * timestamps are written by clients, so they are often odd and never worth rejecting a message for.
     */
    static Optional<Instant> timestamp(JsonNode parent, String field) {
        return optionalText(parent, field).flatMap(JsonFields::parseTimestamp);
    }

    static Optional<Instant> parseTimestamp(String text) {
        return Rfc3339.parse(text);
    }

    private static JsonNode required(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedEventException("missing field '" + path + "'");
        }
        return node;
    }

    private static MalformedEventException wrongType(String path, String expected, JsonNode actual) {
        return new MalformedEventException("field '" + path + "' must be " + expected + ", got " + describe(actual));
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number (" + node.asText() + ")";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
