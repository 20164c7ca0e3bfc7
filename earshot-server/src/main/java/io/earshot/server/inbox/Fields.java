package io.earshot.server.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.server.http.BadRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reading the inbox's JSON bodies with messages that say which field is wrong and what it should be. */
final class Fields {

    private Fields() {}

    static JsonNode object(JsonNode body, String what) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException(what + " is a JSON object");
        }
        return body;
    }

    /** Refuses fields that are not known (a typo would otherwise be silently ignored). */
    static void only(JsonNode body, String what, Set<String> known) {
        body.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new BadRequestException("unknown field \"" + name + "\" in " + what + "; known fields: "
                        + known.stream().sorted().toList());
            }
        });
    }

    static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new BadRequestException("\"" + field + "\" is a string");
        }
        return Optional.of(value.asText());
    }

    static String requiredText(JsonNode body, String field, String example) {
        return text(body, field)
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> new BadRequestException("\"" + field + "\" is required, e.g. " + example));
    }

    static Optional<Boolean> bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw new BadRequestException("\"" + field + "\" is true or false");
        }
        return Optional.of(value.asBoolean());
    }

    static Optional<Long> number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new BadRequestException("\"" + field + "\" is a whole number");
        }
        return Optional.of(value.asLong());
    }

    static List<String> texts(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new BadRequestException("\"" + field + "\" is a list of strings, e.g. [\"refund\"]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new BadRequestException("\"" + field + "\" is a list of non-empty strings");
            }
            out.add(item.asText().strip());
        }
        return out;
    }

    static List<Long> numbers(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new BadRequestException("\"" + field + "\" is a list of ids, e.g. [1, 2]");
        }
        List<Long> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isIntegralNumber()) {
                throw new BadRequestException("\"" + field + "\" is a list of ids (numbers)");
            }
            out.add(item.asLong());
        }
        return out;
    }
}
