package io.earshot.source.mastodon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.Optional;

/**
 * Reads one message of Mastodon's WebSocket streaming API, {@code {"stream":["hashtag","x"],"event":"update",
 * "payload":"<a Status as a JSON string>"}}, into the same event an SSE stream gives: its name and its payload
 * text ({@code delete} carries a bare status id). What cannot be read becomes {@link Signal.Unreadable} with why,
 * never an exception: one bad message must not end the connection.
 */
final class StreamMessages {

    /**
     * The mapper's caps on nesting and names; the length is capped before, as the message arrives, and the
     * payload, a string, is parsed again by the mapper with its own size limit.
     */
    private static final ObjectReader READER = MastodonStatusMapper.reader(Integer.MAX_VALUE);

    private StreamMessages() {}

    static Signal read(String message) {
        JsonNode root;
        try {
            root = READER.readTree(message);
        } catch (StreamConstraintsException e) {
            return new Signal.Unreadable("message exceeds a parser limit: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            return new Signal.Unreadable("message is not JSON: " + Json.clip(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            return new Signal.Unreadable("a streaming message is a JSON object with an event, got "
                    + (root == null || root.isMissingNode() ? "nothing" : Json.describe(root)));
        }
        if (root.hasNonNull("error")) {
            // what the streaming server says about a subscription it refuses; the socket itself stays open
            return new Signal.Unreadable("the streaming server said: "
                    + Json.clip(root.path("error").asText())
                    + (root.has("status")
                            ? " (status " + Json.clip(root.path("status").asText()) + ")"
                            : ""));
        }
        Optional<String> event = Json.optionalText(root, "event");
        if (event.isEmpty()) {
            return new Signal.Unreadable("message has no 'event': " + Json.clip(message));
        }
        JsonNode payload = root.get("payload");
        String data;
        if (payload == null || payload.isNull()) {
            data = ""; // filters_changed and other events without a payload
        } else if (payload.isTextual()) {
            data = payload.textValue();
        } else if (payload.isValueNode()) {
            data = payload.asText(); // an id sent as a number
        } else {
            data = payload.toString(); // a server that sends the status itself, not its JSON text
        }
        return new Signal.Event(event.get(), data);
    }
}
