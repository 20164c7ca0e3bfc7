package io.earshot.source.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The source's cursor: each feed's validators, as a small JSON object, so that after a restart the first fetch
 * of an unchanged feed is still a {@code 304}:
 *
 * <pre>{@code
 * {"feeds":{"https://example.com/feed.xml":{"etag":"\"5f2a\"","lastModified":"Tue, 07 Jul 2026 10:00:00 GMT"}}}
 * }</pre>
 *
 * Which entries were seen is not in the cursor: replays are idempotent downstream, and a feed without validators
 * simply gives its current entries again once after a restart.
 */
final class FeedCursor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedCursor() {}

    /** The validators per feed address; empty when the cursor is not one of ours (then every feed starts fresh). */
    static Optional<Map<String, Validators>> parse(String cursor) {
        try {
            JsonNode feeds = JSON.readTree(cursor).path("feeds");
            if (!feeds.isObject()) {
                return Optional.empty();
            }
            Map<String, Validators> parsed = new LinkedHashMap<>();
            feeds.properties()
                    .forEach(feed -> parsed.put(
                            feed.getKey(),
                            new Validators(text(feed.getValue(), "etag"), text(feed.getValue(), "lastModified"))));
            return Optional.of(parsed);
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static String format(Map<String, Validators> validators) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode feeds = root.putObject("feeds");
        validators.forEach((url, known) -> {
            if (!known.isEmpty()) {
                ObjectNode feed = feeds.putObject(url);
                known.etag().ifPresent(etag -> feed.put("etag", etag));
                known.lastModified().ifPresent(date -> feed.put("lastModified", date));
            }
        });
        return root.toString();
    }

    private static Optional<String> text(JsonNode feed, String field) {
        JsonNode value = feed.path(field);
        return value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }
}
