package io.earshot.source.mastodon;

import static io.earshot.source.mastodon.TestStatuses.INSTANCE;
import static io.earshot.source.mastodon.TestStatuses.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earshot.source.Mapping;
import java.io.IOException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Malformed and hostile input: always a {@link Mapping}, never an exception, and a message that helps. */
class MastodonMapperHostileTest {

    private final MastodonStatusMapper mapper = new MastodonStatusMapper(INSTANCE, 64 * 1024);

    private String rejection(String message) {
        Mapping mapping = mapper.map(message);
        assertThat(mapping).isInstanceOf(Mapping.Rejected.class);
        assertThat(mapping.position()).isEmpty();
        return ((Mapping.Rejected) mapping).error();
    }

    @Test
    void invalid_json_says_where() {
        assertThat(rejection("{\"id\": \"1\", oops}")).startsWith("invalid JSON at line 1, column 13");
        assertThat(rejection("<html>502 Bad Gateway</html>")).startsWith("invalid JSON at line 1");
        assertThat(rejection("{\"id\":\"1\"} trailing")).startsWith("invalid JSON");
        assertThat(rejection("{\"id\":\"1\",\"id\":\"2\"}")).contains("Duplicate field 'id'");
        assertThat(rejection("")).startsWith("empty message");
        assertThat(rejection("[]")).isEqualTo("a Mastodon status is a JSON object, got array");
        assertThat(rejection("null")).isEqualTo("a Mastodon status is a JSON object, got null");
    }

    @Test
    void wrong_fields_are_named() {
        ObjectNode json = status("1", "alice", "<p>x</p>");
        assertThat(rejection(json.deepCopy().put("id", "a/b").toString())).startsWith("field 'id' must be a status id");
        assertThat(rejection(json.deepCopy().put("id", "with space").toString()))
                .startsWith("field 'id' must be");
        assertThat(rejection(json.deepCopy().putNull("id").toString())).isEqualTo("missing field 'id'");
        ObjectNode objectId = json.deepCopy();
        objectId.putObject("id");
        assertThat(rejection(objectId.toString())).isEqualTo("field 'id' must be an id string, got an object");
        assertThat(rejection(json.deepCopy().put("created_at", "yesterday").toString()))
                .isEqualTo(
                        "field 'created_at' must be an ISO-8601 time such as 2017-04-14T06:11:41.893Z, got 'yesterday'");
        assertThat(rejection(json.deepCopy().put("content", 42).toString()))
                .isEqualTo("field 'content' must be a string of HTML, got a number (42)");
        ObjectNode badAcct = json.deepCopy();
        ((ObjectNode) badAcct.get("account")).put("acct", "a b@c");
        assertThat(rejection(badAcct.toString())).startsWith("field 'account.acct' must look like alice");
        ObjectNode badReblog = json.deepCopy();
        badReblog.put("reblog", "yes");
        assertThat(rejection(badReblog.toString()))
                .isEqualTo("field 'reblog' must be a status object or null, got a string");
        ObjectNode brokenInner = json.deepCopy();
        brokenInner.putObject("reblog").put("id", "2");
        assertThat(rejection(brokenInner.toString())).isEqualTo("missing field 'reblog.account'");
        // a number id from a very old server is still an id
        assertThat(mapper.map(json.deepCopy().put("id", 172429).toString()).position())
                .hasValue("172429");
    }

    @Test
    void odd_decorations_cost_nothing() {
        ObjectNode json = status("1", "alice", "<p>x</p>");
        json.put("language", "not a language!");
        json.put("url", "javascript:alert(1)");
        json.put("tags", "not an array");
        json.putArray("mentions").add("not an object").addObject().put("acct", "bad acct");
        json.put("card", 7);
        json.put("in_reply_to_id", "a/b");
        ((ObjectNode) json.get("account")).put("followers_count", -5);
        Mapping mapping = mapper.map(json.toString());
        assertThat(mapping).isInstanceOf(Mapping.Events.class);
        var post = MastodonMapperFixtureTest.posts(java.util.List.of(mapping)).getFirst();
        assertThat(post.langs()).isEmpty();
        assertThat(post.url()).isEmpty();
        assertThat(post.mentions()).isEmpty();
        assertThat(post.replyParent()).isEmpty();
        assertThat(post.author().followers()).isEmpty();
    }

    @Test
    void oversized_and_deeply_nested_messages_are_rejected_unparsed() {
        String big = status("1", "alice", "x".repeat(70 * 1024)).toString();
        assertThat(rejection(big)).startsWith("message of ").contains("over the limit of 65536 bytes");
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThat(rejection(deep)).startsWith("message exceeds a parser limit");
        assertThat(mapper.mapStreamEvent("update", big, Instant.EPOCH)).isInstanceOf(Mapping.Rejected.class);
    }

    @Test
    void truncated_real_statuses_are_rejected_at_every_length() throws IOException {
        String line = MastodonMapperFixtureTest.elements("mastodon/status_with_previewcard.json")
                .getFirst()
                .toString();
        for (int end = 0; end < line.length(); end++) {
            assertThat(mapper.map(line.substring(0, end)))
                    .as("prefix of %d chars", end)
                    .isInstanceOf(Mapping.Rejected.class);
        }
    }

    @Test
    void random_corruption_never_throws() throws IOException {
        String line = MastodonMapperFixtureTest.elements("mastodon/tag_timeline.json")
                .getFirst()
                .toString();
        Random random = new Random(4);
        for (int round = 0; round < 400; round++) {
            char[] chars = line.toCharArray();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                chars[random.nextInt(chars.length)] = (char) random.nextInt(0x3000);
            }
            String corrupted = new String(chars);
            assertThatNoException().isThrownBy(() -> {
                mapper.map(corrupted);
                mapper.mapStreamEvent("notification", corrupted, Instant.EPOCH);
            });
        }
    }
}
