package io.earshot.testkit.jetstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One line to replay and what the server's filters need from it. A line that is not a Jetstream event has
 * no {@code time_us} and is sent to everyone: tests use such lines as garbage frames.
 */
record ReplayLine(String text, OptionalLong timeUs, Optional<String> did, Optional<String> collection) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ReplayLine parse(String text) {
        try {
            JsonNode event = JSON.readTree(text);
            if (event == null || !event.isObject() || !event.path("time_us").canConvertToLong()) {
                return garbage(text);
            }
            JsonNode did = event.path("did");
            JsonNode collection = event.path("commit").path("collection");
            return new ReplayLine(
                    text,
                    OptionalLong.of(event.path("time_us").asLong()),
                    did.isTextual() ? Optional.of(did.textValue()) : Optional.empty(),
                    collection.isTextual() ? Optional.of(collection.textValue()) : Optional.empty());
        } catch (Exception e) {
            return garbage(text);
        }
    }

    private static ReplayLine garbage(String text) {
        return new ReplayLine(text, OptionalLong.empty(), Optional.empty(), Optional.empty());
    }

    /** Whether a connection that subscribed with these parameters gets this line. */
    boolean wantedBy(FakeJetstreamServer.Subscription subscription) {
        if (timeUs.isEmpty()) {
            return true;
        }
        OptionalLong cursor = subscription.cursor();
        if (cursor.isPresent() && timeUs.getAsLong() < cursor.getAsLong()) {
            return false;
        }
        List<String> dids = subscription.wantedDids();
        if (!dids.isEmpty() && !did.map(dids::contains).orElse(false)) {
            return false;
        }
        List<String> collections = subscription.wantedCollections();
        // identity and account events carry no collection and always pass, as on the real service
        return collections.isEmpty()
                || collection.isEmpty()
                || collections.stream().anyMatch(this::matches);
    }

    private boolean matches(String wanted) {
        String name = collection.orElse("");
        return wanted.endsWith(".*") ? name.startsWith(wanted.substring(0, wanted.length() - 1)) : name.equals(wanted);
    }
}
