package io.earshot.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earshot.testkit.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Hand-made Mastodon statuses for tests, shaped like what a Mastodon 4 instance sends. */
final class TestStatuses {

    static final ObjectMapper JSON = new ObjectMapper();
    static final URI INSTANCE = URI.create("https://Social.Example");
    static final String CREATED_AT = "2026-07-04T14:38:02.123Z";

    private TestStatuses() {}

    /** A public status by {@code acct} (local when it has no domain) with {@code html} as its content. */
    static ObjectNode status(String id, String acct, String html) {
        ObjectNode status = JSON.createObjectNode();
        status.put("id", id);
        status.put("created_at", CREATED_AT);
        status.putNull("in_reply_to_id");
        status.putNull("in_reply_to_account_id");
        status.put("sensitive", false);
        status.put("spoiler_text", "");
        status.put("visibility", "public");
        status.put("language", "en");
        String user = acct.contains("@") ? acct.substring(0, acct.indexOf('@')) : acct;
        String domain = acct.contains("@") ? acct.substring(acct.indexOf('@') + 1) : "social.example";
        status.put("uri", "https://" + domain + "/users/" + user + "/statuses/" + id);
        status.put("url", "https://" + domain + "/@" + user + "/" + id);
        status.putNull("edited_at");
        status.put("content", html);
        status.putNull("reblog");
        ObjectNode account = status.putObject("account");
        account.put("id", "1" + Math.abs(acct.hashCode()));
        account.put("username", user);
        account.put("acct", acct);
        account.put("display_name", "The " + user);
        account.put("followers_count", 42);
        status.putArray("media_attachments");
        status.putArray("mentions");
        status.putArray("tags");
        status.putArray("emojis");
        status.putNull("card");
        status.putNull("poll");
        return status;
    }

    static ObjectNode mention(ObjectNode status, String accountId, String acct) {
        ObjectNode mention = status.withArray("mentions").addObject();
        mention.put("id", accountId);
        mention.put("username", acct.contains("@") ? acct.substring(0, acct.indexOf('@')) : acct);
        mention.put("acct", acct);
        mention.put("url", "https://example.org/@" + acct);
        return status;
    }

    static ObjectNode tag(ObjectNode status, String name) {
        ObjectNode tag = status.withArray("tags").addObject();
        tag.put("name", name);
        tag.put("url", "https://social.example/tags/" + name);
        return status;
    }

    /** A statuses array fixture, one JSON text per status. */
    static List<String> fixtureStatuses(String fixture) throws IOException {
        JsonNode root = JSON.readTree(Files.readString(Fixtures.fixture(fixture)));
        List<String> statuses = new ArrayList<>();
        root.forEach(status -> statuses.add(status.toPrettyString()));
        return statuses;
    }

    /** Statuses with increasing snowflake-like ids, each tagged {@code tag}. */
    static List<String> numbered(int from, int count, String tag) {
        List<String> statuses = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            ObjectNode status = status(Long.toString(1_000_000L + i), "alice", "<p>status number " + i + "</p>");
            tag(status, tag);
            statuses.add(status.toString());
        }
        return statuses;
    }
}
