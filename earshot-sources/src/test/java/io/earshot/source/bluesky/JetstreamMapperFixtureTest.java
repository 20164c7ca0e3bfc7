package io.earshot.source.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.domain.MentionedAccount;
import io.earshot.domain.Post;
import io.earshot.source.Mapping;
import io.earshot.source.SourceEvent;
import io.earshot.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every event of the real Jetstream captures, mapped and counted against what the file holds. */
class JetstreamMapperFixtureTest {

    static final String PRODUCTION = "jetstream/production-2026-07-04.jsonl";
    static final String GOLDEN = "jetstream/golden.jsonl";

    private final JetstreamMapper mapper = new JetstreamMapper();

    static List<String> lines(String fixture) throws IOException {
        return Files.readAllLines(Fixtures.fixture(fixture), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
    }

    @Test
    void production_capture_maps_to_the_events_it_holds() throws IOException {
        List<String> lines = lines(PRODUCTION);
        assertThat(lines).hasSize(152);

        Map<String, Integer> outcomes = tally(lines);

        assertThat(outcomes)
                .containsEntry("PostCreated", 17)
                .containsEntry("PostDeleted", 1)
                .containsEntry("LIKE", 105)
                .containsEntry("REPOST", 15)
                .containsEntry("FOLLOW", 6)
                .containsEntry("BLOCK", 1)
                .containsEntry("removed:app.bsky.graph.follow", 3)
                .containsEntry("AccountChanged", 2)
                .containsEntry("skipped:collection:fm.teal.alpha.actor.status", 1)
                .containsEntry("skipped:collection:app.bsky.actor.status", 1)
                .doesNotContainKey("PostEdited")
                .doesNotContainKey("rejected");
        assertThat(outcomes.get("REPLY")).isEqualTo(countReplies(lines));
    }

    @Test
    void golden_capture_maps_to_the_events_it_holds() throws IOException {
        Map<String, Integer> outcomes = tally(lines(GOLDEN));

        assertThat(outcomes)
                .containsEntry("PostCreated", 1)
                .containsEntry("REPLY", 1)
                .containsEntry("LIKE", 1)
                .containsEntry("REPOST", 1)
                .containsEntry("FOLLOW", 1)
                .containsEntry("BLOCK", 1)
                .containsEntry("AccountChanged", 2)
                .containsEntry("skipped:collection:app.bsky.actor.profile", 1)
                .containsEntry("skipped:collection:org.hypercerts.claim.activity", 1)
                .containsEntry("skipped:collection:place.stream.broadcast.origin", 1)
                .doesNotContainKey("rejected");
    }

    @Test
    void every_result_carries_the_event_time_as_its_position() throws IOException {
        for (String line : concat(lines(PRODUCTION), lines(GOLDEN))) {
            long timeUs = TestEvents.JSON.readTree(line).get("time_us").longValue();
            assertThat(mapper.map(line).position()).hasValue(Long.toString(timeUs));
        }
    }

    @Test
    void facets_slice_the_text_on_utf8_bytes_for_every_real_post() throws IOException {
        int facetsChecked = 0;
        for (String line : concat(lines(PRODUCTION), lines(GOLDEN))) {
            JsonNode event = TestEvents.JSON.readTree(line);
            JsonNode record = event.path("commit").path("record");
            if (!"app.bsky.feed.post"
                            .equals(event.path("commit").path("collection").asText())
                    || !record.has("facets")) {
                continue;
            }
            Post post = ((SourceEvent.PostCreated)
                            ((Mapping.Events) mapper.map(line)).events().getFirst())
                    .post();
            byte[] utf8 = record.get("text").textValue().getBytes(StandardCharsets.UTF_8);
            for (JsonNode facet : record.get("facets")) {
                int start = facet.path("index").path("byteStart").intValue();
                int end = facet.path("index").path("byteEnd").intValue();
                String slice = new String(Arrays.copyOfRange(utf8, start, end), StandardCharsets.UTF_8);
                for (JsonNode feature : facet.get("features")) {
                    switch (feature.get("$type").textValue()) {
                        case RichText.TAG -> {
                            assertThat(slice).isEqualTo("#" + feature.get("tag").textValue());
                            assertThat(post.hashtags())
                                    .contains(feature.get("tag").textValue());
                        }
                        case RichText.LINK -> {
                            String uri = feature.get("uri").textValue();
                            // the text shows a shortened link; the facet carries the whole one
                            assertThat(uri.replaceFirst("^https?://", ""))
                                    .startsWith(
                                            slice.replaceFirst("^https?://", "").replace("...", ""));
                            assertThat(post.links()).contains(uri);
                        }
                        case RichText.MENTION ->
                            assertThat(post.mentions())
                                    .contains(new MentionedAccount(
                                            feature.get("did").textValue(), slice.substring(1)));
                        default -> throw new AssertionError("unexpected facet feature in fixture: " + feature);
                    }
                    facetsChecked++;
                }
            }
            assertThat(post.hashtags()).doesNotHaveDuplicates().noneMatch(tag -> tag.startsWith("#"));
        }
        assertThat(facetsChecked).isGreaterThanOrEqualTo(7);
    }

    @Test
    void real_posts_keep_their_text_langs_thread_and_link_cards() throws IOException {
        List<Post> posts = new ArrayList<>();
        for (String line : lines(PRODUCTION)) {
            if (mapper.map(line) instanceof Mapping.Events events) {
                events.events().stream()
                        .filter(SourceEvent.PostCreated.class::isInstance)
                        .map(event -> ((SourceEvent.PostCreated) event).post())
                        .forEach(posts::add);
            }
        }
        Post card = posts.stream()
                .filter(post -> post.key().nativeId().equals("did:plc:dclwtltrt2ggsryagfzk7dp4:3mptbyoeyc22k"))
                .findFirst()
                .orElseThrow();
        assertThat(card.uri()).isEqualTo("at://did:plc:dclwtltrt2ggsryagfzk7dp4/app.bsky.feed.post/3mptbyoeyc22k");
        assertThat(card.url()).hasValue("https://bsky.app/profile/did:plc:dclwtltrt2ggsryagfzk7dp4/post/3mptbyoeyc22k");
        assertThat(card.links()).containsExactly("https://www.youtube.com/watch?v=V5lDo-jw8mA");
        assertThat(card.langs()).containsExactly("en");
        assertThat(card.createdAt()).hasToString("2026-07-04T14:38:06.240Z");

        Post offset = posts.stream()
                .filter(post -> post.key().nativeId().endsWith(":3mptbyoigog2b"))
                .findFirst()
                .orElseThrow();
        assertThat(offset.createdAt()).hasToString("2026-07-04T14:38:02Z"); // written with +00:00
        assertThat(offset.langs()).containsExactly("en-US", "en");

        Post japanese = posts.stream()
                .filter(post -> post.langs().equals(List.of("ja")))
                .findFirst()
                .orElseThrow();
        assertThat(japanese.text()).startsWith("待って天幕のジャードゥーガル").endsWith("💦");

        Post reply = posts.stream()
                .filter(post -> post.key().nativeId().endsWith(":3mptbyproxc2q"))
                .findFirst()
                .orElseThrow();
        assertThat(reply.replyParent())
                .map(Object::toString)
                .hasValue("bluesky:did:plc:ippiobxpsddnkzd6ms2dbpcy:3mptbvznwf22c");
        assertThat(reply.replyRoot())
                .map(Object::toString)
                .hasValue("bluesky:did:plc:ajg5c7huhiibhwandhdscpdq:3mptb7zj4lc2q");
        assertThat(reply.text()).isEmpty();
    }

    private Map<String, Integer> tally(List<String> lines) {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (String line : lines) {
            switch (mapper.map(line)) {
                case Mapping.Events events -> {
                    for (SourceEvent event : events.events()) {
                        String label = switch (event) {
                            case SourceEvent.InteractionAdded added ->
                                added.interaction().kind().name();
                            case SourceEvent.InteractionRemoved removed ->
                                removed.key().nativeId().contains("/app.bsky.feed.post/")
                                        ? "removed:post-interaction"
                                        : "removed:" + removed.key().nativeId().split("/")[1];
                            default -> event.getClass().getSimpleName();
                        };
                        outcomes.merge(label, 1, Integer::sum);
                    }
                }
                case Mapping.Skipped skipped -> outcomes.merge("skipped:" + skipped.reason(), 1, Integer::sum);
                case Mapping.Rejected rejected -> outcomes.merge("rejected", 1, Integer::sum);
            }
        }
        return outcomes;
    }

    private static int countReplies(List<String> lines) throws IOException {
        int replies = 0;
        for (String line : lines) {
            JsonNode commit = TestEvents.JSON.readTree(line).path("commit");
            if (commit.path("operation").asText().equals("create")
                    && commit.path("record").has("reply")) {
                replies++;
            }
        }
        return replies;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
