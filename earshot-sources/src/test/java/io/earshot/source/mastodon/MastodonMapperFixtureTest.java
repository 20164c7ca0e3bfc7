package io.earshot.source.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKind;
import io.earshot.domain.MentionedAccount;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.source.Mapping;
import io.earshot.source.SourceEvent;
import io.earshot.testkit.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every status of the real Mastodon REST fixtures, mapped and counted against what the files hold. */
class MastodonMapperFixtureTest {

    /** The fixtures come from mstdn.jp and friends; which instance we pretend to read from only prefixes keys. */
    private static final URI MSTDN = URI.create("https://mstdn.jp");

    private final MastodonStatusMapper mapper = new MastodonStatusMapper(MSTDN);

    static List<JsonNode> elements(String fixture) throws IOException {
        JsonNode root = TestStatuses.JSON.readTree(Files.readString(Fixtures.fixture(fixture)));
        List<JsonNode> elements = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(elements::add);
        } else {
            elements.add(root);
        }
        return elements;
    }

    private List<Mapping> mapAll(String fixture) throws IOException {
        List<Mapping> mappings = new ArrayList<>();
        for (JsonNode status : elements(fixture)) {
            mappings.add(mapper.map(status.toString()));
        }
        return mappings;
    }

    @Test
    void public_timeline_gives_twenty_posts_with_absolute_authors_and_readable_text() throws IOException {
        List<Mapping> mappings = mapAll("mastodon/public_timeline.json");

        assertThat(tally(mappings)).isEqualTo(Map.of("PostCreated", 20));
        List<Post> posts = posts(mappings);
        assertThat(posts).allSatisfy(post -> {
            assertThat(post.key().nativeId()).startsWith("mstdn.jp:");
            assertThat(post.author().id()).matches("[^@\\s]+@[^@\\s]+");
            assertThat(post.author().handle()).hasValue("@" + post.author().id());
            assertThat(post.text()).isNotBlank().doesNotContain("<", "&lt;", "&amp;");
            assertThat(post.langs()).as("these old statuses carry no language").isEmpty();
            assertThat(post.uri()).startsWith("tag:");
        });
        Post first = posts.getFirst();
        assertThat(first.key()).isEqualTo(new PostKey(Network.MASTODON, "mstdn.jp:172429"));
        assertThat(first.author().id())
                .as("a local acct gets the instance's domain")
                .isEqualTo("iorin0225@mstdn.jp");
        assertThat(first.text()).isEqualTo("電話であれ、テキストであれ、伝達能力はしっかり鍛えてほしい。");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2017-04-14T06:11:41.893Z"));
        assertThat(post(posts, "172427").author().id()).isEqualTo("cocoabottle@mastodon.cloud");
        assertThat(post(posts, "172427").text()).startsWith("JP管理人さん大変だなぁ。以下引用\n【お知らせ】");
        assertThat(post(posts, "172407").text()).isEqualTo("それっぽいウソ話とか\n変なリプライとかが一切無いこの空間は良いねー");

        Post link = post(posts, "172405");
        assertThat(link.text()).isEqualTo("inforati.jp/apple/mac-tips-tec…");
        assertThat(link.links())
                .containsExactly("http://inforati.jp/apple/mac-tips-techniques/system-hints/"
                        + "how-to-capture-a-specific-window-with-macos-screen-shot-function.html");
    }

    @Test
    void tag_timeline_gives_mentions_replies_hashtags_and_links() throws IOException {
        List<Mapping> mappings = mapAll("mastodon/tag_timeline.json");

        // counted independently from the file: 8 replies whose parent author is among the mentions, 16 mentions
        assertThat(tally(mappings)).isEqualTo(Map.of("PostCreated", 20, "REPLY", 8, "MENTION", 16));
        List<Post> posts = posts(mappings);
        assertThat(posts)
                .allSatisfy(post -> assertThat(post.hashtags())
                        .anySatisfy(tag -> assertThat(tag).isEqualToIgnoringCase("mastodon")));

        Post reply = post(posts, "714859");
        assertThat(reply.text())
                .isEqualTo("@alexl @deadsuperhero Yes, but not only #Mastodon should be compatible with the Diaspora"
                        + " protocol, but #Diaspora should also be compatible with the Mastodon/oStatus protocol."
                        + " That's not only fair, but also gives a lot more stability. A shared federation library"
                        + " would eventually be the best thing. But hé, I'm not a coder ;-)");
        assertThat(reply.replyParent()).hasValue(new PostKey(Network.MASTODON, "mstdn.jp:675923"));
        assertThat(reply.mentions())
                .containsExactly(
                        new MentionedAccount("alexl@mstdn.io", "alexl@mstdn.io"),
                        new MentionedAccount(
                                "deadsuperhero@social.nasqueron.org", "deadsuperhero@social.nasqueron.org"));
        assertThat(reply.hashtags()).as("as written in the text").containsExactly("Mastodon", "Diaspora");
        assertThat(reply.links())
                .as("mention and hashtag anchors are not links")
                .isEmpty();
        Interaction replied = interactions(mappings, InteractionKind.REPLY).stream()
                .filter(i -> i.actorId().equals("jeroenpraat@mastodon.social"))
                .findFirst()
                .orElseThrow();
        assertThat(replied.subjectAccountId()).isEqualTo("alexl@mstdn.io");
        assertThat(replied.subjectPost()).isEqualTo(reply.replyParent());

        assertThat(post(posts, "698356").hashtags())
                .containsExactly("YouTube", "Facebook", "FOSS", "Mastodon", "MediaGoblin", "Diaspora", "Livestreaming");
        Post japanese = post(posts, "707791");
        assertThat(japanese.text())
                .isEqualTo("セキュリティ業界の有名人「徳丸 浩」さんを追加しました。\n\n誰をフォローしたら良いか迷ってるマストドン初心者必見！\n\n"
                        + "Mastodonユーザなら必ずフォローしたい✊ アカウント集\ntakulog.info/20170420you-ming-…\n\n"
                        + "#Mastodon #公式アカウント pawoo.net/media/7irphvcmS8sO_K…");
        assertThat(japanese.links())
                .containsExactly(
                        "https://takulog.info/20170420you-ming-gou/", "https://pawoo.net/media/7irphvcmS8sO_K-rlEU");
        assertThat(japanese.hashtags()).containsExactly("Mastodon", "公式アカウント");
        assertThat(post(posts, "696529").text())
                .isEqualTo("@catgoat :pineapple:\n\n:bird: - :elephant: transfer completed...\n\ntoot ! :elephant:\n\n"
                        + "#Mastodon #bird #migration\n#Matodon #waso #pana #ale");
    }

    @Test
    void single_statuses_map_with_cards_languages_and_plain_text() throws IOException {
        for (String fixture :
                List.of("mastodon/status.json", "mastodon/statuses.json", "mastodon/status_with_poll.json")) {
            Post post = posts(mapAll(fixture)).getFirst();
            assertThat(post.key().nativeId()).isEqualTo("mstdn.jp:11111");
            assertThat(post.text()).isEqualTo("Test Status");
            assertThat(post.author().id()).isEqualTo("test@mstdn.jp");
            assertThat(post.author().displayName()).hasValue("test");
            assertThat(post.author().followers()).hasValue(1);
            assertThat(post.url()).hasValue("https://mstdn.jp/test");
        }

        List<Mapping> card = mapAll("mastodon/status_with_previewcard.json");
        Post withCard = posts(card).getFirst();
        assertThat(card.getFirst().position()).hasValue("111337272989523541");
        assertThat(withCard.langs()).containsExactly("en");
        assertThat(withCard.uri()).isEqualTo("https://fosstodon.org/users/jaxwxboss/statuses/111337272989523541");
        assertThat(withCard.url()).hasValue("https://fosstodon.org/@jaxwxboss/111337272989523541");
        assertThat(withCard.text())
                .startsWith("Just a hot take.\n\nNo matter how 'advanced' governments")
                .endsWith("fears and doubts.\n\nyoutu.be/X_TLztvV4ns?si=uGz-23…");
        assertThat(withCard.links())
                .containsExactly(
                        "https://youtu.be/X_TLztvV4ns?si=uGz-23iyZs0yoe5r",
                        "https://www.youtube.com/watch?si=uGz-23iyZs0yoe5r&v=X_TLztvV4ns&feature=youtu.be");
        assertThat(withCard.author().displayName()).hasValue("jaxwxboss :linux: :casio:");
        assertThat(withCard.author().followers()).hasValue(67);

        Post redrafted = posts(mapAll("mastodon/status_after_deleting.json")).getFirst();
        assertThat(redrafted.text()).as("no content: the source text").isEqualTo("status text after deletion");
        assertThat(redrafted.url()).as("'test url' is no URL").isEmpty();
        assertThat(redrafted.uri()).as("'test uri' is no identifier").isEqualTo("mastodon:mstdn.jp:103254193998341330");
        assertThat(redrafted.author().followers()).isEmpty();
    }

    @Test
    void entities_that_are_not_statuses_are_rejected_with_what_is_missing() throws IOException {
        assertThat(rejections("mastodon/status_source.json")).containsExactly("missing field 'account'");
        assertThat(rejections("mastodon/account.json")).containsExactly("missing field 'account'");
        assertThat(rejections("mastodon/status_edit_history.json")).hasSize(5).containsOnly("missing field 'id'");
        // search results as BigBone stores them: statuses cut down to id, time and content
        List<Mapping> search = new ArrayList<>();
        for (JsonNode status : elements("mastodon/search.json").getFirst().get("statuses")) {
            search.add(mapper.map(status.toString()));
        }
        assertThat(search)
                .hasSize(2)
                .allSatisfy(mapping -> assertThat(mapping).isEqualTo(new Mapping.Rejected("missing field 'account'")));
    }

    @Test
    void notifications_give_the_mentioning_status_and_the_favourite() throws IOException {
        List<Mapping> mappings = new ArrayList<>();
        for (JsonNode notification : elements("mastodon/notifications.json")) {
            mappings.add(mapper.mapStreamEvent("notification", notification.toString(), Instant.EPOCH));
        }
        assertThat(tally(mappings)).isEqualTo(Map.of("PostCreated", 1, "REPLY", 1, "MENTION", 1, "LIKE", 1));
        assertThat(mappings)
                .allSatisfy(mapping -> assertThat(mapping.position())
                        .as("notification ids are no status cursor")
                        .isEmpty());
        Post mention = posts(mappings).getFirst();
        assertThat(mention.text()).isEqualTo("@trwnh sup!");
        assertThat(mention.author().id()).isEqualTo("zsc@mstdn.jp");
        assertThat(mention.replyParent()).hasValue(new PostKey(Network.MASTODON, "mstdn.jp:103186038209478945"));
        Interaction like = interactions(mappings, InteractionKind.LIKE).getFirst();
        assertThat(like.actorId()).isEqualTo("haskal@cybre.space");
        assertThat(like.subjectAccountId()).isEqualTo("trwnh@mstdn.jp");
        assertThat(like.subjectPost()).hasValue(new PostKey(Network.MASTODON, "mstdn.jp:103186046267791694"));
        assertThat(like.at()).isEqualTo(Instant.parse("2019-11-23T07:29:18.903Z"));
    }

    @Test
    void every_fixture_file_maps_without_an_exception() throws IOException {
        try (var files = Files.list(Fixtures.fixture("mastodon"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String text = Files.readString(file);
                assertThat(mapper.map(text)).as(file.toString()).isNotNull();
                for (String event : List.of("update", "status.update", "notification", "delete", "unknown")) {
                    assertThat(mapper.mapStreamEvent(event, text, Instant.EPOCH))
                            .isNotNull();
                }
            }
        }
    }

    private List<String> rejections(String fixture) throws IOException {
        return mapAll(fixture).stream()
                .map(mapping ->
                        assertThat(mapping).isInstanceOf(Mapping.Rejected.class).actual())
                .map(mapping -> ((Mapping.Rejected) mapping).error())
                .toList();
    }

    static Map<String, Integer> tally(List<Mapping> mappings) {
        Map<String, Integer> tally = new TreeMap<>();
        for (Mapping mapping : mappings) {
            switch (mapping) {
                case Mapping.Events events ->
                    events.events().forEach(event -> tally.merge(label(event), 1, Integer::sum));
                case Mapping.Skipped skipped -> tally.merge("skipped:" + skipped.reason(), 1, Integer::sum);
                case Mapping.Rejected rejected -> tally.merge("rejected", 1, Integer::sum);
            }
        }
        return tally;
    }

    private static String label(SourceEvent event) {
        return switch (event) {
            case SourceEvent.InteractionAdded added ->
                added.interaction().kind().name();
            default -> event.getClass().getSimpleName();
        };
    }

    static List<Post> posts(List<Mapping> mappings) {
        List<Post> posts = new ArrayList<>();
        for (Mapping mapping : mappings) {
            if (mapping instanceof Mapping.Events events) {
                for (SourceEvent event : events.events()) {
                    if (event instanceof SourceEvent.PostCreated created) {
                        posts.add(created.post());
                    } else if (event instanceof SourceEvent.PostEdited edited) {
                        posts.add(edited.post());
                    }
                }
            }
        }
        return posts;
    }

    static List<Interaction> interactions(List<Mapping> mappings, InteractionKind kind) {
        List<Interaction> interactions = new ArrayList<>();
        for (Mapping mapping : mappings) {
            if (mapping instanceof Mapping.Events events) {
                for (SourceEvent event : events.events()) {
                    if (event instanceof SourceEvent.InteractionAdded added
                            && added.interaction().kind() == kind) {
                        interactions.add(added.interaction());
                    }
                }
            }
        }
        return interactions;
    }

    private static Post post(List<Post> posts, String id) {
        return posts.stream()
                .filter(post -> post.key().nativeId().endsWith(":" + id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no post " + id));
    }
}
