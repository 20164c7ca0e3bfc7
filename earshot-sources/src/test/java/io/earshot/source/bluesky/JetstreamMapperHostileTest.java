package io.earshot.source.bluesky;

import static io.earshot.source.bluesky.TestEvents.ALICE;
import static io.earshot.source.bluesky.TestEvents.TIME_US;
import static io.earshot.source.bluesky.TestEvents.commit;
import static io.earshot.source.bluesky.TestEvents.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earshot.source.Mapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Malformed and hostile input: always a {@link Mapping}, never an exception, and a message that helps. */
class JetstreamMapperHostileTest {

    private final JetstreamMapper mapper = new JetstreamMapper();

    private String rejection(String message) {
        Mapping mapping = mapper.map(message);
        assertThat(mapping).isInstanceOf(Mapping.Rejected.class);
        assertThat(mapping.position()).isEmpty();
        return ((Mapping.Rejected) mapping).error();
    }

    @Test
    void invalid_json_says_where() {
        assertThat(rejection("{\"did\": \"did:plc:x\", oops}")).startsWith("invalid JSON at line 1, column 22");
        assertThat(rejection("not json at all")).startsWith("invalid JSON at line 1");
        assertThat(rejection("{\"did\":\"did:plc:x\"} trailing")).startsWith("invalid JSON");
        assertThat(rejection("{\"did\":\"did:plc:x\",\"did\":\"did:plc:y\"}")).contains("Duplicate field 'did'");
    }

    @Test
    void truncated_real_events_are_rejected_at_every_length() throws IOException {
        String line = JetstreamMapperFixtureTest.lines(JetstreamMapperFixtureTest.PRODUCTION)
                .getFirst();
        for (int end = 0; end < line.length(); end++) {
            assertThat(mapper.map(line.substring(0, end)))
                    .as("prefix of %d chars", end)
                    .isInstanceOf(Mapping.Rejected.class);
        }
    }

    @Test
    void not_an_object_or_empty() {
        assertThat(rejection("")).startsWith("empty message");
        assertThat(rejection("   ")).startsWith("empty message");
        assertThat(rejection("[]")).contains("JSON object, got array");
        assertThat(rejection("null")).contains("JSON object, got null");
        assertThat(rejection("42")).contains("JSON object, got number");
    }

    @Test
    void missing_envelope_fields_are_named() {
        ObjectNode event = TestEvents.event(ALICE, TIME_US, "commit");
        assertThat(rejection(without(event, "did"))).isEqualTo("missing field 'did'");
        assertThat(rejection(without(event, "time_us"))).isEqualTo("missing field 'time_us'");
        assertThat(rejection(without(event, "kind"))).isEqualTo("missing field 'kind'");
        assertThat(rejection(event.toString())).isEqualTo("missing field 'commit'");
    }

    @Test
    void wrong_types_are_named_with_what_was_expected() {
        ObjectNode event = TestEvents.event(ALICE, TIME_US, "identity");
        event.putObject("identity");
        assertThat(rejection(event.deepCopy().put("time_us", "1783175888090631").toString()))
                .isEqualTo("field 'time_us' must be an integer, got a string");
        assertThat(rejection(event.deepCopy().put("time_us", 1.5).toString()))
                .isEqualTo("field 'time_us' must be an integer, got a number (1.5)");
        assertThat(rejection(event.deepCopy().put("time_us", -5).toString())).contains("not negative");
        assertThat(rejection(event.deepCopy().put("did", 7).toString()))
                .isEqualTo("field 'did' must be a string, got a number (7)");
        assertThat(rejection(event.deepCopy().put("did", "alice").toString())).contains("must be a DID");
        assertThat(rejection(event.deepCopy().put("did", "").toString())).isEqualTo("field 'did' is empty");
        assertThat(rejection(event.deepCopy()
                        .<ObjectNode>set("kind", event.objectNode())
                        .toString()))
                .isEqualTo("field 'kind' must be a string, got an object");
        assertThat(rejection(event.deepCopy().put("time_us", "9".repeat(30)).toString()))
                .contains("time_us");
        ObjectNode account = TestEvents.event(ALICE, TIME_US, "account");
        account.putObject("account").put("active", "yes");
        assertThat(rejection(account.toString()))
                .isEqualTo("field 'account.active' must be true or false, got a string");
    }

    @Test
    void commit_problems_are_named() {
        ObjectNode record = post("hello");
        String withoutCollection = commit(ALICE, "create", "app.bsky.feed.post", "3a", record)
                .replace("\"collection\":\"app.bsky.feed.post\",", "");
        assertThat(rejection(withoutCollection)).isEqualTo("missing field 'commit.collection'");
        assertThat(rejection(commit(ALICE, "create", "app.bsky.feed.post", "3a", null)))
                .isEqualTo("missing field 'commit.record'");
        assertThat(rejection(commit(
                        ALICE, "create", "app.bsky.feed.post", "3a", post("x").put("text", 42))))
                .isEqualTo("field 'commit.record.text' must be a string, got number");
        assertThat(rejection(commit(ALICE, "create", "app.bsky.feed.post", "a/b", record)))
                .contains("rkey must be non-empty, without '/'");
        assertThat(rejection(commit(ALICE, "create", "app.bsky.feed.like", "3l", TestEvents.JSON.createObjectNode())))
                .isEqualTo("missing field 'commit.record.subject'");
        ObjectNode badLike = TestEvents.JSON.createObjectNode();
        badLike.putObject("subject").put("uri", "https://bsky.app/profile/x/post/y");
        assertThat(rejection(commit(ALICE, "create", "app.bsky.feed.like", "3l", badLike)))
                .contains("'commit.record.subject.uri' must be an AT-URI");
        ObjectNode badFollow = TestEvents.JSON.createObjectNode();
        badFollow.putObject("subject");
        assertThat(rejection(commit(ALICE, "create", "app.bsky.graph.follow", "3f", badFollow)))
                .isEqualTo("field 'commit.record.subject' must be a string, got an object");
    }

    @Test
    void a_post_without_text_is_an_empty_post_not_an_error() {
        ObjectNode record = post("x");
        record.remove("text");
        assertThat(JetstreamMapperPostTest.createdPost(
                                mapper.map(commit(ALICE, "create", "app.bsky.feed.post", "3a", record)))
                        .text())
                .isEmpty();
    }

    @Test
    void a_10_mb_message_is_rejected_without_parsing() {
        String huge = "{\"did\":\"did:plc:x\",\"pad\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        long started = System.nanoTime();
        assertThat(rejection(huge)).contains("over the limit of 1048576 bytes");
        assertThat(mapper.mapBytes(huge.getBytes(StandardCharsets.UTF_8))).isInstanceOf(Mapping.Rejected.class);
        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
    }

    @Test
    void multi_byte_text_counts_in_bytes_against_the_limit() {
        JetstreamMapper small = new JetstreamMapper(4096);
        String emoji = "🎉".repeat(1500); // 3000 chars, 6000 bytes
        assertThat(small.map(commit(ALICE, "create", "app.bsky.feed.post", "3a", post(emoji))))
                .isInstanceOf(Mapping.Rejected.class);
        assertThat(small.map(commit(ALICE, "create", "app.bsky.feed.post", "3a", post("🎉".repeat(100)))))
                .isInstanceOf(Mapping.Events.class);
    }

    @Test
    void invalid_utf8_bytes_are_rejected_clearly() {
        byte[] valid = commit(ALICE, "create", "app.bsky.feed.post", "3a", post("héllo"))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(mapper.mapBytes(valid)).isEqualTo(mapper.map(new String(valid, StandardCharsets.UTF_8)));

        byte[] broken = valid.clone();
        int e = new String(valid, StandardCharsets.UTF_8).indexOf("héllo") + 1;
        broken[e] = (byte) 0xC3;
        broken[e + 1] = (byte) 0x28; // a lead byte followed by a non-continuation byte
        Mapping mapping = mapper.mapBytes(broken);
        assertThat(mapping).isInstanceOf(Mapping.Rejected.class);
        assertThat(((Mapping.Rejected) mapping).error()).startsWith("message is not valid UTF-8");

        assertThat(mapper.mapBytes(new byte[] {(byte) 0xFF, (byte) 0xFE})).isInstanceOf(Mapping.Rejected.class);
        assertThat(mapper.mapBytes(new byte[] {'{', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '}'})) // a surrogate
                .isInstanceOf(Mapping.Rejected.class);
    }

    @Test
    void deep_nesting_is_refused_by_the_parser_limits() {
        String deep = "{\"did\":\"did:plc:x\",\"time_us\":1,\"kind\":\"commit\",\"x\":" + "[".repeat(100_000)
                + "]".repeat(100_000) + "}";
        assertThat(rejection(deep)).startsWith("message exceeds a parser limit").contains("nesting depth");
        String deepObjects = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
        assertThat(rejection(deepObjects)).startsWith("message exceeds a parser limit");
    }

    @Test
    void lone_surrogates_in_text_do_not_break_facets() {
        ObjectNode record = post("\ud83d #tag \udc00 end");
        TestEvents.rawFacet(record, 2, 6, TestEvents.tag("tag"));
        TestEvents.rawFacet(record, 0, 999, TestEvents.tag("nope"));
        assertThatNoException()
                .isThrownBy(() -> mapper.map(commit(ALICE, "create", "app.bsky.feed.post", "3a", record)));
    }

    @Test
    void random_corruption_of_real_events_never_throws() throws IOException {
        List<String> lines = JetstreamMapperFixtureTest.lines(JetstreamMapperFixtureTest.PRODUCTION);
        Random random = new Random(42);
        String alphabet = "{}[]\",:0123456789-ae\\ \u00e9\ud83d";
        for (int i = 0; i < 5_000; i++) {
            char[] chars = lines.get(random.nextInt(lines.size())).toCharArray();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String corrupted = new String(chars);
            assertThatNoException().as(corrupted).isThrownBy(() -> mapper.map(corrupted));
            byte[] bytes = corrupted.getBytes(StandardCharsets.UTF_8);
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            assertThatNoException().isThrownBy(() -> mapper.mapBytes(bytes));
        }
    }

    private static String without(ObjectNode event, String field) {
        ObjectNode copy = event.deepCopy();
        copy.remove(field);
        return copy.toString();
    }
}
