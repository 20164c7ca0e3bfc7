package io.earshot.source.mastodon;

import static io.earshot.source.mastodon.TestStatuses.INSTANCE;
import static io.earshot.source.mastodon.TestStatuses.mention;
import static io.earshot.source.mastodon.TestStatuses.status;
import static io.earshot.source.mastodon.TestStatuses.tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKey;
import io.earshot.domain.InteractionKind;
import io.earshot.domain.MentionedAccount;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.source.Mapping;
import io.earshot.source.SourceEvent;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hand-made statuses: reblogs, replies, quotes, edits, deletes, content warnings, stream events, keys. */
class MastodonMapperTest {

    private static final Instant NOW = Instant.parse("2026-07-04T15:00:00Z");

    private final MastodonStatusMapper mapper = new MastodonStatusMapper(INSTANCE);

    private static PostKey key(String id) {
        return new PostKey(Network.MASTODON, "social.example:" + id);
    }

    private List<SourceEvent> events(Mapping mapping) {
        assertThat(mapping).isInstanceOf(Mapping.Events.class);
        return ((Mapping.Events) mapping).events();
    }

    @Test
    void a_status_is_a_post_keyed_by_instance_and_id_with_its_position() {
        ObjectNode json = status("113000000000000001", "alice", "<p>Hello <b>world</b> &amp; friends</p>");
        tag(json, "earshot");
        json.put("language", "pt-BR");
        Mapping mapping = mapper.map(json.toString());

        assertThat(mapping.position()).hasValue("113000000000000001");
        SourceEvent.PostCreated created =
                (SourceEvent.PostCreated) events(mapping).getFirst();
        Post post = created.post();
        assertThat(post.key()).isEqualTo(key("113000000000000001"));
        assertThat(post.key().id()).isEqualTo("mastodon:social.example:113000000000000001");
        assertThat(post.author().id()).as("host in lower case").isEqualTo("alice@social.example");
        assertThat(post.author().handle()).hasValue("@alice@social.example");
        assertThat(post.author().displayName()).hasValue("The alice");
        assertThat(post.author().followers()).hasValue(42);
        assertThat(post.text()).isEqualTo("Hello world & friends");
        assertThat(post.langs()).containsExactly("pt-BR");
        assertThat(post.hashtags()).containsExactly("earshot");
        assertThat(post.uri()).isEqualTo("https://social.example/users/alice/statuses/113000000000000001");
        assertThat(post.url()).hasValue("https://social.example/@alice/113000000000000001");
        assertThat(post.createdAt()).isEqualTo(Instant.parse(TestStatuses.CREATED_AT));
        assertThat(events(mapping)).hasSize(1);
    }

    @Test
    void keys_carry_a_port_only_when_it_is_not_the_default() {
        assertThat(new MastodonStatusMapper(URI.create("https://social.example:443")).instance())
                .isEqualTo("social.example");
        assertThat(new MastodonStatusMapper(URI.create("http://127.0.0.1:8080")).instance())
                .isEqualTo("127.0.0.1:8080");
        Post post = MastodonMapperFixtureTest.posts(
                        List.of(new MastodonStatusMapper(URI.create("http://127.0.0.1:8080"))
                                .map(status("7", "bob", "hi").toString())))
                .getFirst();
        assertThat(post.key().nativeId()).isEqualTo("127.0.0.1:8080:7");
        assertThat(post.author().id()).as("an acct's domain has no port").isEqualTo("bob@127.0.0.1");
    }

    @Test
    void a_reply_links_its_parent_and_is_a_reply_to_the_mentioned_author() {
        ObjectNode json = status(
                "20",
                "bob@Remote.Example",
                "<p><span class=\"h-card\"><a href=\"https://social.example/@alice\""
                        + " class=\"u-url mention\">@<span>alice</span></a></span> agreed</p>");
        json.put("in_reply_to_id", "10");
        json.put("in_reply_to_account_id", "555");
        mention(json, "555", "alice");
        mention(json, "777", "carol@other.example");
        mention(json, "555", "alice"); // listed twice: counted once

        List<SourceEvent> events = events(mapper.map(json.toString()));
        Post post = ((SourceEvent.PostCreated) events.getFirst()).post();
        assertThat(post.author().id()).isEqualTo("bob@remote.example");
        assertThat(post.replyParent()).hasValue(key("10"));
        assertThat(post.text()).isEqualTo("@alice agreed");
        assertThat(post.mentions())
                .containsExactly(
                        new MentionedAccount("alice@social.example", "alice@social.example"),
                        new MentionedAccount("carol@other.example", "carol@other.example"));
        assertThat(events.subList(1, events.size()))
                .containsExactly(
                        added(
                                new InteractionKey(Network.MASTODON, "social.example:20"),
                                InteractionKind.REPLY,
                                "bob@remote.example",
                                "alice@social.example",
                                Optional.of(key("10"))),
                        added(
                                new InteractionKey(Network.MASTODON, "social.example:20#mention:alice@social.example"),
                                InteractionKind.MENTION,
                                "bob@remote.example",
                                "alice@social.example",
                                Optional.empty()),
                        added(
                                new InteractionKey(Network.MASTODON, "social.example:20#mention:carol@other.example"),
                                InteractionKind.MENTION,
                                "bob@remote.example",
                                "carol@other.example",
                                Optional.empty()));
    }

    @Test
    void a_self_reply_is_a_reply_and_a_reply_to_an_unnamed_author_keeps_only_its_parent() {
        ObjectNode thread = status("21", "alice", "<p>2/2</p>");
        thread.put("in_reply_to_id", "20");
        thread.put("in_reply_to_account_id", thread.get("account").get("id").asText());
        List<SourceEvent> self = events(mapper.map(thread.toString()));
        assertThat(self).hasSize(2);
        assertThat(((SourceEvent.InteractionAdded) self.get(1)).interaction().subjectAccountId())
                .isEqualTo("alice@social.example");

        ObjectNode unnamed = status("22", "alice", "<p>the mention was removed</p>");
        unnamed.put("in_reply_to_id", "19");
        unnamed.put("in_reply_to_account_id", "999");
        List<SourceEvent> events = events(mapper.map(unnamed.toString()));
        assertThat(events).hasSize(1);
        assertThat(((SourceEvent.PostCreated) events.getFirst()).post().replyParent())
                .hasValue(key("19"));
    }

    @Test
    void a_reblog_is_the_reblogged_post_and_a_repost_keyed_by_the_reblog() {
        ObjectNode original = status("30", "carol@other.example", "<p>worth sharing</p>");
        ObjectNode reblog = status("31", "dave", "");
        reblog.set("reblog", original);
        reblog.putNull("url");

        Mapping mapping = mapper.map(reblog.toString());
        assertThat(mapping.position()).as("the timeline's id is the reblog's").hasValue("31");
        List<SourceEvent> events = events(mapping);
        assertThat(events).hasSize(2);
        Post post = ((SourceEvent.PostCreated) events.getFirst()).post();
        assertThat(post.key()).isEqualTo(key("30"));
        assertThat(post.author().id()).isEqualTo("carol@other.example");
        assertThat(post.text()).isEqualTo("worth sharing");
        assertThat(events.get(1))
                .isEqualTo(added(
                        new InteractionKey(Network.MASTODON, "social.example:31"),
                        InteractionKind.REPOST,
                        "dave@social.example",
                        "carol@other.example",
                        Optional.of(key("30"))));

        // an un-reblog is the delete of the reblog's id: it takes the repost back
        assertThat(events(mapper.mapStreamEvent("delete", "31", NOW)))
                .contains(new SourceEvent.InteractionRemoved(
                        new InteractionKey(Network.MASTODON, "social.example:31"), NOW));
    }

    @Test
    void a_quote_links_the_quoted_post_and_is_a_quote_of_its_author() {
        ObjectNode quoted = status("40", "erin@far.example", "<p>original</p>");
        ObjectNode json = status(
                "41",
                "alice",
                "<p>this!</p><p class=\"quote-inline\">RE: <a href=\"https://far.example/@erin/40\">"
                        + "far.example/@erin/40</a></p>");
        json.putObject("quote").put("state", "accepted").set("quoted_status", quoted);

        List<SourceEvent> events = events(mapper.map(json.toString()));
        Post post = ((SourceEvent.PostCreated) events.getFirst()).post();
        assertThat(post.quoted()).hasValue(key("40"));
        assertThat(post.text()).as("the RE: fallback is hidden").isEqualTo("this!");
        assertThat(post.links()).isEmpty();
        assertThat(events.get(1))
                .isEqualTo(added(
                        new InteractionKey(Network.MASTODON, "social.example:41#quote"),
                        InteractionKind.QUOTE,
                        "alice@social.example",
                        "erin@far.example",
                        Optional.of(key("40"))));
    }

    @Test
    void edits_are_post_edited_with_their_interactions_and_status_update_moves_no_cursor() {
        ObjectNode json = status("50", "alice", "<p>fixed a typo, @bob</p>");
        mention(json, "2", "bob@b.example");
        json.put("edited_at", "2026-07-04T14:40:00.000Z");

        Mapping update = mapper.map(json.toString());
        assertThat(events(update).getFirst()).isInstanceOf(SourceEvent.PostEdited.class);
        assertThat(events(update)).hasSize(2);
        assertThat(update.position()).hasValue("50");

        json.putNull("edited_at");
        Mapping streamed = mapper.mapStreamEvent("status.update", json.toString(), NOW);
        assertThat(events(streamed).getFirst()).isInstanceOf(SourceEvent.PostEdited.class);
        assertThat(((SourceEvent.PostEdited) events(streamed).getFirst()).post().createdAt())
                .as("an edit keeps the creation time")
                .isEqualTo(Instant.parse(TestStatuses.CREATED_AT));
        assertThat(streamed.position()).isEmpty();
    }

    @Test
    void a_delete_removes_the_post_and_the_interaction_it_was() {
        assertThat(mapper.mapStreamEvent("delete", "113000000000000001", NOW))
                .isEqualTo(new Mapping.Events(
                        List.of(
                                new SourceEvent.PostDeleted(key("113000000000000001"), NOW),
                                new SourceEvent.InteractionRemoved(
                                        new InteractionKey(Network.MASTODON, "social.example:113000000000000001"), NOW),
                                new SourceEvent.InteractionRemoved(
                                        new InteractionKey(Network.MASTODON, "social.example:113000000000000001#quote"),
                                        NOW)),
                        Optional.empty()));
        assertThat(events(mapper.mapStreamEvent("delete", "\"42\"\n", NOW)).getFirst())
                .as("a JSON string id, as WebSocket payloads carry it")
                .isEqualTo(new SourceEvent.PostDeleted(key("42"), NOW));
        assertThat(mapper.mapStreamEvent("delete", "../../etc", NOW)).isInstanceOf(Mapping.Rejected.class);
        assertThat(mapper.mapStreamEvent("delete", "", NOW)).isInstanceOf(Mapping.Rejected.class);
    }

    @Test
    void a_content_warning_comes_first_and_card_links_join_the_text_links() {
        ObjectNode json = status(
                "60",
                "alice",
                "<p>spoilers about <a href=\"https://films.example/ending\" rel=\"nofollow\">"
                        + "<span class=\"invisible\">https://</span><span class=\"\">films.example/ending</span>"
                        + "<span class=\"invisible\"></span></a></p>");
        json.put("spoiler_text", "  film ending  ");
        json.putObject("card").put("url", "https://films.example/ending?utm=1");
        Post post = MastodonMapperFixtureTest.posts(List.of(mapper.map(json.toString())))
                .getFirst();
        assertThat(post.text()).isEqualTo("film ending\n\nspoilers about films.example/ending");
        assertThat(post.links()).containsExactly("https://films.example/ending", "https://films.example/ending?utm=1");

        json.put("content", "");
        assertThat(MastodonMapperFixtureTest.posts(List.of(mapper.map(json.toString())))
                        .getFirst()
                        .text())
                .isEqualTo("film ending");
    }

    @Test
    void other_stream_events_and_notifications_are_skipped_with_a_reason() {
        assertThat(mapper.mapStreamEvent("filters_changed", "", NOW))
                .isEqualTo(new Mapping.Skipped("event:filters_changed", Optional.empty()));
        assertThat(mapper.mapStreamEvent("conversation", "{}", NOW))
                .isEqualTo(new Mapping.Skipped("event:conversation", Optional.empty()));
        String follow = "{\"id\":\"1\",\"type\":\"follow\",\"created_at\":\"" + TestStatuses.CREATED_AT
                + "\",\"account\":{\"id\":\"9\",\"acct\":\"zed\"}}";
        assertThat(mapper.mapStreamEvent("notification", follow, NOW))
                .isEqualTo(new Mapping.Skipped("notification:follow", Optional.empty()));
    }

    @Test
    void ids_order_like_mastodon_and_rewind_by_time_only_when_they_are_snowflakes() {
        assertThat(MastodonIds.compare("99", "100")).isNegative();
        assertThat(MastodonIds.compare("113000000000000002", "113000000000000001"))
                .isPositive();
        assertThat(MastodonIds.compare("AbC", "AbD")).isNegative();
        assertThat(MastodonIds.rewind("714859", java.time.Duration.ofMinutes(1)))
                .isEmpty();
        long snowflake = 1_783_175_888_090L << 16 | 42;
        assertThat(MastodonIds.rewind(Long.toString(snowflake), java.time.Duration.ofSeconds(10)))
                .hasValue(Long.toString((1_783_175_888_090L - 10_000) << 16));
        assertThat(MastodonIds.absoluteAcct("@Alice@Example.ORG", "x")).isEqualTo("Alice@example.org");
    }

    private static SourceEvent added(
            InteractionKey key, InteractionKind kind, String actor, String subject, Optional<PostKey> post) {
        return new SourceEvent.InteractionAdded(
                new Interaction(key, kind, actor, subject, post, Instant.parse(TestStatuses.CREATED_AT)));
    }
}
