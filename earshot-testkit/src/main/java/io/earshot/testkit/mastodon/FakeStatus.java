package io.earshot.testkit.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A status the fake server holds: its JSON as given, and what the streams and timelines filter on (its id,
 * whether its author is local, its hashtags).
 */
record FakeStatus(String id, String json, boolean local, Set<String> tags) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Oldest first: Mastodon ids are decimal numbers of growing length; others compare as text. */
    static final Comparator<String> ID_ORDER = (a, b) -> {
        boolean decimal = a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit);
        if (decimal && a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        return a.compareTo(b);
    };

    static FakeStatus parse(String json) {
        JsonNode status;
        try {
            status = JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a status (use sendEvent for garbage): " + e.getMessage(), e);
        }
        if (status == null || !status.isObject() || !status.path("id").isValueNode()) {
            throw new IllegalArgumentException("a status is a JSON object with an id (use sendEvent for garbage)");
        }
        String acct = status.path("account").path("acct").asText("");
        Set<String> tags = new HashSet<>();
        status.path("tags").forEach(tag -> tags.add(tag.path("name").asText("").toLowerCase(Locale.ROOT)));
        return new FakeStatus(status.path("id").asText(), json, !acct.contains("@"), Set.copyOf(tags));
    }
}
