package io.earshot.source.bluesky;

import static io.earshot.source.bluesky.TestEvents.ALICE;
import static io.earshot.source.bluesky.TestEvents.BOB;
import static io.earshot.source.bluesky.TestEvents.TIME_US;
import static io.earshot.source.bluesky.TestEvents.commit;
import static io.earshot.source.bluesky.TestEvents.facet;
import static io.earshot.source.bluesky.TestEvents.link;
import static io.earshot.source.bluesky.TestEvents.mention;
import static io.earshot.source.bluesky.TestEvents.post;
import static io.earshot.source.bluesky.TestEvents.strongRef;
import static io.earshot.source.bluesky.TestEvents.tag;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hand-made posts: byte offsets after multi-byte text, threads, quotes, edits, deletes, interactions. */
class JetstreamMapperPostTest {

    private static final String PARENT_URI = "at://" + BOB + "/app.bsky.feed.post/3parent";
    private static final String ROOT_URI = "at://" + BOB + "/app.bsky.feed.post/3root";

    private final JetstreamMapper mapper = new JetstreamMapper();

    @Test
    void facets_after_emoji_and_accents_are_sliced_by_bytes_not_chars() {
        String text = "Café ☕ déjà vu 🎉🎉 with @bob.bsky.social #Ünïcode 🚀 see example.com/x…";
        ObjectNode record = post(text);
        facet(record, "@bob.bsky.social", mention(BOB));
        facet(record, "#Ünïcode", tag("Ünïcode"));
        facet(record, "example.com/x…", link("https://example.com/xyz"));
        // the char offset of the tag is well below its byte offset: a char-based slice would miss it
        assertThat(text.indexOf("#Ünïcode"))
                .isLessThan(TestEvents.utf8Length(text.substring(0, text.indexOf("#Ünïcode"))));

        Post post = createdPost(mapper.map(commit(ALICE, "create", "app.bsky.feed.post", "3abc", record)));

        assertThat(post.text()).isEqualTo(text);
        assertThat(post.hashtags()).containsExactly("Ünïcode");
        assertThat(post.mentions()).containsExactly(new MentionedAccount(BOB, "bob.bsky.social"));
        assertThat(post.links()).containsExactly("https://example.com/xyz");
    }

    @Test
    void a_facet_given_in_char_offsets_after_an_emoji_lands_mid_character_and_is_skipped() {
        String text = "🎉 #party and #more";
        ObjectNode record = post(text);
        int charStart = text.indexOf("#party"); // 3 chars in, but 5 bytes in
        TestEvents.rawFacet(record, charStart - 2, charStart - 2 + 6, tag("broken")); // byte 1: inside the 🎉
        facet(record, "#more", tag("more"));

        Post post = createdPost(mapper.map(commit(ALICE, "create", "app.bsky.feed.post", "3abc", record)));

        assertThat(post.hashtags()).containsExactly("more");
    }

    @Test
    void bad_facets_are_skipped_and_the_good_ones_kept() {
        String text = "#one #two #three";
        ObjectNode record = post(text);
        TestEvents.rawFacet(record, -1, 4, tag("negative"));
        TestEvents.rawFacet(record, 10, 500, tag("past-the-end"));
        TestEvents.rawFacet(record, 8, 5, tag("backwards"));
        TestEvents.rawFacet(record, 3, 3, tag("empty"));
        facet(record, "#one", tag("one"));
        TestEvents.rawFacet(record, 2, 7, tag("overlapping"));
        facet(record, "#three", tag("#three")); // a '#' in the value is dropped
        record.withArray("facets").addObject().put("index", "not an object");
        record.withArray("facets").add("not a facet");
        record.withArray("facets")
                .addObject()
                .putObject("index")
                .put("byteStart", "0")
                .put("byteEnd", 4);
        record.withArray("facets")
                .addObject()
                .putObject("index")
                .put("byteStart", 0.5)
                .put("byteEnd", 4);
        ObjectNode noFeatures = record.withArray("facets").addObject();
        noFeatures.putObject("index").put("byteStart", 5).put("byteEnd", 9);
        noFeatures.put("features", "nope");
        ObjectNode oddFeatures = record.withArray("facets").addObject();
        oddFeatures.putObject("index").put("byteStart", 5).put("byteEnd", 9);
        oddFeatures
                .putArray("features")
                .add(42)
                .addObject()
                .put("$type", RichText.TAG)
                .put("tag", 7);

        Mapping mapping = mapper.map(commit(ALICE, "create", "app.bsky.feed.post", "3abc", record));

        assertThat(createdPost(mapping).hashtags()).containsExactly("one", "three");
    }

    @Test
    void facets_that_are_not_an_array_mean_no_facets() {
        ObjectNode record = post("#hello");
        record.put("facets", "#hello");
        assertThat(createdPost(mapper.map(commit(ALICE, "create", "app.bsky.feed.post", "3abc", record)))
                        .hashtags())
                .isEmpty();
    }

    @Test
    void a_reply_gives_the_post_and_a_reply_interaction_keyed_as_the_post_record() {
        ObjectNode record = post("agreed");
        ObjectNode reply = record.putObject("reply");
        reply.set("parent", strongRef(PARENT_URI));
        reply.set("root", strongRef(ROOT_URI));

        List<SourceEvent> events = events(mapper.map(commit(ALICE, "create", "app.bsky.feed.post", "3abc", record)));

        Post post = ((SourceEvent.PostCreated) events.getFirst()).post();
        assertThat(post.key()).isEqualTo(new PostKey(Network.BLUESKY, ALICE + ":3abc"));
        assertThat(post.replyParent()).hasValue(BlueskyIds.postKey(BOB, "3parent"));
        assertThat(post.replyRoot()).hasValue(BlueskyIds.postKey(BOB, "3root"));
        assertThat(events)
                .containsExactly(
                        new SourceEvent.PostCreated(post),
                        new SourceEvent.InteractionAdded(new Interaction(
                                new InteractionKey(Network.BLUESKY, ALICE + "/app.bsky.feed.post/3abc"),
                                InteractionKind.REPLY,
                                ALICE,
                                BOB,
                                Optional.of(BlueskyIds.postKey(BOB, "3parent")),
                                Instant.parse("2026-07-04T14:38:06.240Z"))));
    }

    @Test
    void a_quote_by_record_embed_gives_a_quote_interaction() {
        ObjectNode record = post("look at this");
        ObjectNode embed = record.putObject("embed").put("$type", PostRecords.EMBED_RECORD);
        embed.set("record", strongRef(PARENT_URI));

        List<SourceEvent> events = events(mapper.map(commit(ALICE, "create", "app.bsky.feed.post", "3abc", record)));

        Post post = ((SourceEvent.PostCreated) events.getFirst()).post();
        assertThat(post.quoted()).hasValue(BlueskyIds.postKey(BOB, "3parent"));
        Interaction quote = ((SourceEvent.InteractionAdded) events.get(1)).interaction();
        assertThat(quote.kind()).isEqualTo(InteractionKind.QUOTE);
        assertThat(quote.key().nativeId()).isEqualTo(ALICE + "/app.bsky.feed.post/3abc#quote");
        assertThat(quote.subjectAccountId()).isEqualTo(BOB);
        assertThat(quote.subjectPost()).hasValue(BlueskyIds.postKey(BOB, "3parent"));
        assertThat(events).hasSize(2);
    }

    @Test
    void a_quote_with_media_and_a_reply_gets_two_interactions_with_distinct_keys() {
        ObjectNode record = post("both");
        record.putObject("reply").<ObjectNode>set("parent", strongRef(ROOT_URI)).set("root", strongRef(ROOT_URI));
        ObjectNode embed = record.putObject("embed").put("$type", PostRecords.EMBED_RECORD_WITH_MEDIA);
        embed.putObject("record").set("record", strongRef(PARENT_URI));
        embed.putObject("media")
                .put("$type", PostRecords.EMBED_EXTERNAL)
                .putObject("external")
                .put("uri", "https://news.example/story");

        List<SourceEvent> events = events(mapper.map(commit(ALICE, "create", "app.bsky.feed.post", "3abc", record)));

        Post post = ((SourceEvent.PostCreated) events.getFirst()).post();
        assertThat(post.quoted()).hasValue(BlueskyIds.postKey(BOB, "3parent"));
        assertThat(post.links()).containsExactly("https://news.example/story");
        assertThat(events.stream()
                        .skip(1)
                        .map(event -> ((SourceEvent.InteractionAdded) event).interaction())
                        .map(interaction ->
                                interaction.kind() + " " + interaction.key().nativeId()))
                .containsExactly(
                        "REPLY " + ALICE + "/app.bsky.feed.post/3abc",
                        "QUOTE " + ALICE + "/app.bsky.feed.post/3abc#quote");
    }

    @Test
    void quoting_something_that_is_not_a_post_is_no_quote() {
        ObjectNode record = post("my feed");
        record.putObject("embed")
                .put("$type", PostRecords.EMBED_RECORD)
                .set("record", strongRef("at://" + BOB + "/app.bsky.feed.generator/cats"));

        List<SourceEvent> events = events(mapper.map(commit(ALICE, "create", "app.bsky.feed.post", "3abc", record)));

        assertThat(events).hasSize(1);
        assertThat(((SourceEvent.PostCreated) events.getFirst()).post().quoted())
                .isEmpty();
    }

    @Test
    void link_cards_tags_and_link_facets_give_links_and_hashtags_once() {
        ObjectNode record = post("read example.com/a #News");
        facet(record, "example.com/a", link("https://example.com/a"));
        facet(record, "#News", tag("News"));
        record.putArray("tags").add("News").add("#extra").add("");
        record.putObject("embed")
                .put("$type", PostRecords.EMBED_EXTERNAL)
                .putObject("external")
                .put("uri", "https://example.com/a")
                .put("title", "A");

        Post post = createdPost(mapper.map(commit(ALICE, "create", "app.bsky.feed.post", "3abc", record)));

        assertThat(post.links()).containsExactly("https://example.com/a");
        assertThat(post.hashtags()).containsExactly("News", "extra");
    }

    @Test
    void mentions_give_mention_interactions_without_a_subject_post() {
        String text = "hi @bob.bsky.social and @carol.example and @bob.bsky.social";
        ObjectNode record = post(text);
        facet(record, "@carol.example", mention("did:plc:carol"));
        facet(record, "@bob.bsky.social", mention(BOB));
        int again = text.lastIndexOf("@bob"); // ASCII text: chars and bytes agree
        TestEvents.rawFacet(record, again, again + "@bob.bsky.social".length(), mention(BOB));

        List<SourceEvent> events = events(mapper.map(commit(ALICE, "create", "app.bsky.feed.post", "3abc", record)));

        assertThat(((SourceEvent.PostCreated) events.getFirst()).post().mentions())
                .containsExactly(
                        new MentionedAccount(BOB, "bob.bsky.social"),
                        new MentionedAccount("did:plc:carol", "carol.example"));
        assertThat(events.stream().skip(1).map(event -> ((SourceEvent.InteractionAdded) event).interaction()))
                .allSatisfy(interaction -> {
                    assertThat(interaction.kind()).isEqualTo(InteractionKind.MENTION);
                    assertThat(interaction.actorId()).isEqualTo(ALICE);
                    assertThat(interaction.subjectPost()).isEmpty();
                })
                .extracting(Interaction::subjectAccountId)
                .containsExactly(BOB, "did:plc:carol");
    }

    @Test
    void an_update_is_an_edit_without_interactions() {
        ObjectNode record = post("fixed typo @bob.bsky.social");
        facet(record, "@bob.bsky.social", mention(BOB));
        record.putObject("reply")
                .<ObjectNode>set("parent", strongRef(PARENT_URI))
                .set("root", strongRef(ROOT_URI));

        List<SourceEvent> events = events(mapper.map(commit(ALICE, "update", "app.bsky.feed.post", "3abc", record)));

        assertThat(events).singleElement().isInstanceOf(SourceEvent.PostEdited.class);
        Post post = ((SourceEvent.PostEdited) events.getFirst()).post();
        assertThat(post.text()).isEqualTo("fixed typo @bob.bsky.social");
        assertThat(post.replyParent()).hasValue(BlueskyIds.postKey(BOB, "3parent"));
    }

    @Test
    void a_delete_removes_the_post_and_takes_back_its_reply_and_quote() {
        List<SourceEvent> events = events(mapper.map(commit(ALICE, "delete", "app.bsky.feed.post", "3abc", null)));

        Instant at = Instant.EPOCH.plus(TIME_US, ChronoUnit.MICROS);
        assertThat(events)
                .containsExactly(
                        new SourceEvent.PostDeleted(BlueskyIds.postKey(ALICE, "3abc"), at),
                        new SourceEvent.InteractionRemoved(
                                new InteractionKey(Network.BLUESKY, ALICE + "/app.bsky.feed.post/3abc"), at),
                        new SourceEvent.InteractionRemoved(
                                new InteractionKey(Network.BLUESKY, ALICE + "/app.bsky.feed.post/3abc#quote"), at));
    }

    @Test
    void likes_reposts_follows_and_blocks_and_their_undoing() {
        ObjectNode like = TestEvents.JSON.createObjectNode().put("createdAt", "2026-07-04T14:00:00Z");
        like.set("subject", strongRef(PARENT_URI));
        Interaction liked = interaction(mapper.map(commit(ALICE, "create", "app.bsky.feed.like", "3like", like)));
        assertThat(liked)
                .isEqualTo(new Interaction(
                        new InteractionKey(Network.BLUESKY, ALICE + "/app.bsky.feed.like/3like"),
                        InteractionKind.LIKE,
                        ALICE,
                        BOB,
                        Optional.of(BlueskyIds.postKey(BOB, "3parent")),
                        Instant.parse("2026-07-04T14:00:00Z")));

        ObjectNode follow =
                TestEvents.JSON.createObjectNode().put("subject", BOB).put("createdAt", "garbage");
        Interaction followed = interaction(mapper.map(commit(ALICE, "create", "app.bsky.graph.follow", "3f", follow)));
        assertThat(followed.kind()).isEqualTo(InteractionKind.FOLLOW);
        assertThat(followed.subjectAccountId()).isEqualTo(BOB);
        assertThat(followed.subjectPost()).isEmpty();
        assertThat(followed.at()).isEqualTo(Instant.EPOCH.plus(TIME_US, ChronoUnit.MICROS)); // unparseable createdAt

        assertThat(events(mapper.map(commit(ALICE, "delete", "app.bsky.feed.repost", "3r", null))))
                .containsExactly(new SourceEvent.InteractionRemoved(
                        new InteractionKey(Network.BLUESKY, ALICE + "/app.bsky.feed.repost/3r"),
                        Instant.EPOCH.plus(TIME_US, ChronoUnit.MICROS)));
        assertThat(mapper.map(commit(ALICE, "update", "app.bsky.feed.like", "3like", like)))
                .isInstanceOf(Mapping.Skipped.class)
                .extracting(Mapping.Skipped.class::cast)
                .extracting(Mapping.Skipped::reason)
                .isEqualTo("update:app.bsky.feed.like");
    }

    @Test
    void created_at_falls_back_to_the_event_time_when_missing_or_odd() {
        ObjectNode record = post("no clock");
        record.remove("createdAt");
        assertThat(createdPost(mapper.map(commit(ALICE, "create", "app.bsky.feed.post", "3a", record)))
                        .createdAt())
                .isEqualTo(Instant.EPOCH.plus(TIME_US, ChronoUnit.MICROS));
        record.put("createdAt", "yesterday-ish");
        assertThat(createdPost(mapper.map(commit(ALICE, "create", "app.bsky.feed.post", "3a", record)))
                        .createdAt())
                .isEqualTo(Instant.EPOCH.plus(TIME_US, ChronoUnit.MICROS));
        record.put("createdAt", 12);
        assertThat(createdPost(mapper.map(commit(ALICE, "create", "app.bsky.feed.post", "3a", record)))
                        .createdAt())
                .isEqualTo(Instant.EPOCH.plus(TIME_US, ChronoUnit.MICROS));
        record.put("createdAt", "2026-07-04t14:38:06.240z");
        assertThat(createdPost(mapper.map(commit(ALICE, "create", "app.bsky.feed.post", "3a", record)))
                        .createdAt())
                .isEqualTo(Instant.parse("2026-07-04T14:38:06.240Z"));
    }

    @Test
    void identity_and_account_events_change_accounts() {
        ObjectNode identity = TestEvents.event(ALICE, TIME_US, "identity");
        identity.putObject("identity").put("did", ALICE).put("handle", "alice.example");
        assertThat(events(mapper.map(identity.toString())))
                .containsExactly(new SourceEvent.AccountChanged(
                        Network.BLUESKY,
                        ALICE,
                        Optional.of("alice.example"),
                        true,
                        Optional.empty(),
                        Instant.EPOCH.plus(TIME_US, ChronoUnit.MICROS)));

        ObjectNode account = TestEvents.event(ALICE, TIME_US, "account");
        account.putObject("account").put("active", false).put("status", "takendown");
        SourceEvent.AccountChanged changed = (SourceEvent.AccountChanged)
                events(mapper.map(account.toString())).getFirst();
        assertThat(changed.active()).isFalse();
        assertThat(changed.status()).hasValue("takendown");
        assertThat(changed.handle()).isEmpty();
    }

    @Test
    void other_collections_kinds_and_operations_are_skipped_with_a_countable_reason() {
        assertThat(skipReason(commit(ALICE, "create", "app.bsky.actor.profile", "self", post("x"))))
                .isEqualTo("collection:app.bsky.actor.profile");
        assertThat(skipReason(commit(ALICE, "resync", "app.bsky.feed.post", "3a", null)))
                .isEqualTo("operation:resync");
        assertThat(skipReason(TestEvents.event(ALICE, TIME_US, "sync").toString()))
                .isEqualTo("kind:sync");
    }

    private String skipReason(String message) {
        Mapping mapping = mapper.map(message);
        assertThat(mapping).isInstanceOf(Mapping.Skipped.class);
        assertThat(mapping.position()).hasValue(Long.toString(TIME_US));
        return ((Mapping.Skipped) mapping).reason();
    }

    static List<SourceEvent> events(Mapping mapping) {
        assertThat(mapping).isInstanceOf(Mapping.Events.class);
        assertThat(mapping.position()).hasValue(Long.toString(TIME_US));
        return ((Mapping.Events) mapping).events();
    }

    static Post createdPost(Mapping mapping) {
        return ((SourceEvent.PostCreated) events(mapping).getFirst()).post();
    }

    private static Interaction interaction(Mapping mapping) {
        return ((SourceEvent.InteractionAdded) events(mapping).getFirst()).interaction();
    }
}
