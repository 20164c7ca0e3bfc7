package io.earshot.source.feed;

import static io.earshot.testkit.feed.FeedBodies.item;
import static io.earshot.testkit.feed.FeedBodies.rss;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Post;
import io.earshot.source.Mapping;
import io.earshot.source.SourceEvent;
import io.earshot.testkit.feed.FeedBodies;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Entries to posts: identity, links, Google Alerts, text, titles, dates, authors, languages. */
class FeedMapperTest {

    private static final URI FEED = URI.create("https://news.example.com/feed.xml");
    private static final Instant FETCHED = Instant.parse("2026-07-07T12:00:00Z");

    private static FeedMapper.Parsed parse(URI feed, String xml) {
        return new FeedMapper().parse(feed, xml.getBytes(StandardCharsets.UTF_8), Optional.empty(), FETCHED);
    }

    private static FeedMapper.Parsed parse(String xml) {
        return parse(FEED, xml);
    }

    private static Post only(String xml) {
        FeedMapper.Parsed parsed = parse(xml);
        assertThat(parsed.posts()).hasSize(1);
        return parsed.posts().getFirst().post();
    }

    private static String rssItem(String itemXml) {
        return "<rss version=\"2.0\"><channel><title>News</title><link>https://news.example.com/</link>" + "<item>"
                + itemXml + "</item></channel></rss>";
    }

    @Test
    void native_ids_hash_the_feed_and_the_guid() {
        Post post = only(rss("News", item("guid-1", "Hello")));
        assertThat(post.key().id()).matches("feed:[0-9a-f]{32}");
        assertThat(post.key().nativeId()).isEqualTo(FeedIds.nativeId("news.example.com/feed.xml", "guid-1"));
        assertThat(post.uri()).isEqualTo("https://example.com/guid-1");

        Post again = only(rss("News, renamed", item("guid-1", "Hello, edited")));
        assertThat(again.key())
                .as("the same GUID in the same feed is the same post")
                .isEqualTo(post.key());
        Post viaHttp = parse(URI.create("http://www.news.example.com/feed.xml/"), rss("News", item("guid-1", "Hello")))
                .posts()
                .getFirst()
                .post();
        assertThat(viaHttp.key())
                .as("the feed is known by its canonical address")
                .isEqualTo(post.key());
        Post elsewhere = parse(URI.create("https://other.example.org/rss"), rss("Other", item("guid-1", "Hello")))
                .posts()
                .getFirst()
                .post();
        assertThat(elsewhere.key()).as("another feed reusing the GUID").isNotEqualTo(post.key());
    }

    @Test
    void without_a_guid_the_link_identifies_the_entry_then_the_title_and_date() {
        Post byLink = only(rssItem("<title>T</title><link>https://news.example.com/a</link>"));
        assertThat(byLink.key().nativeId())
                .isEqualTo(FeedIds.nativeId("news.example.com/feed.xml", "https://news.example.com/a"));
        Post byTitle = only(rssItem("<title>Only a title</title><pubDate>Tue, 07 Jul 2026 10:00:00 GMT</pubDate>"));
        assertThat(byTitle.key().nativeId())
                .isEqualTo(FeedIds.nativeId("news.example.com/feed.xml", "Only a title\n2026-07-07T10:00:00Z"));
        assertThat(byTitle.url()).isEmpty();

        FeedMapper.Parsed nothing = parse(rssItem("<pubDate>Tue, 07 Jul 2026 10:00:00 GMT</pubDate>"));
        assertThat(nothing.posts()).isEmpty();
        assertThat(nothing.unidentified()).isEqualTo(1);
    }

    @Test
    void an_item_repeated_in_one_document_gives_one_post() {
        ZonedDateTime when = ZonedDateTime.parse("2026-07-07T10:00:00Z");
        FeedBodies.Item repeated = item("7", "Twice").withPublished(when);
        FeedMapper.Parsed parsed = parse(rss("News", repeated, item("8", "Once"), repeated));
        assertThat(parsed.entries()).isEqualTo(3);
        assertThat(parsed.posts())
                .extracting(e -> e.post().title().orElseThrow())
                .containsExactly("Twice", "Once");
        assertThat(parsed.duplicates()).isEqualTo(1);

        Mapping mapping = new FeedMapper()
                .map(FEED, rss("News", repeated, repeated).getBytes(StandardCharsets.UTF_8), Optional.empty(), FETCHED);
        assertThat(((Mapping.Events) mapping).events()).hasSize(1).allMatch(SourceEvent.PostCreated.class::isInstance);
    }

    @Test
    void google_alerts_redirects_are_unwrapped_to_the_real_address() {
        String alert = "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\""
                + " xmlns:idx=\"urn:atom-extension:indexing\"><id>tag:google.com,2005:reference:feed:0123</id>"
                + "<title>Google Alert - earshot</title><link href=\"https://www.google.com/alerts/feeds/01/23\""
                + " rel=\"self\"></link><updated>2026-07-07T10:00:00Z</updated><entry>"
                + "<id>tag:google.com,2013:googlealerts/feed:4567</id>"
                + "<title type=\"html\">&lt;b&gt;Earshot&lt;/b&gt; listens to the open web</title>"
                + "<link href=\"https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://www.news.example.com/2026/07/"
                + "earshot%3Fref%3Dalert%26page%3D2&amp;ct=ga&amp;cd=CAIyHGE&amp;usg=AOvVaw1\"></link>"
                + "<published>2026-07-07T09:00:00Z</published><updated>2026-07-07T09:30:00Z</updated>"
                + "<content type=\"html\">The self-hosted &lt;b&gt;Earshot&lt;/b&gt; hears &amp;amp; acts"
                + " &lt;a href=&quot;https://www.google.com/url?url=https://blog.example.org/post&quot;&gt;more"
                + "&lt;/a&gt;</content><author><name></name></author></entry></feed>";
        FeedMapper.Parsed parsed = parse(URI.create("https://www.google.com/alerts/feeds/01/23"), alert);
        Post post = parsed.posts().getFirst().post();
        assertThat(post.url()).hasValue("https://www.news.example.com/2026/07/earshot?ref=alert&page=2");
        assertThat(post.links())
                .containsExactly(
                        "https://www.news.example.com/2026/07/earshot?ref=alert&page=2",
                        "https://blog.example.org/post");
        assertThat(post.title()).hasValue("Earshot listens to the open web");
        assertThat(post.text()).isEqualTo("The self-hosted Earshot hears & acts more");
        assertThat(post.createdAt()).isEqualTo(Instant.parse("2026-07-07T09:00:00Z"));
        assertThat(post.author().id()).isEqualTo("google.com/alerts/feeds/01/23");
        assertThat(post.author().handle()).hasValue("Google Alert - earshot");
    }

    @Test
    void redirect_unwrapping_leaves_other_links_alone() {
        assertThat(FeedIds.unwrapRedirect("https://www.google.com/url?q=https://a.example/b&sa=U"))
                .isEqualTo("https://a.example/b");
        assertThat(FeedIds.unwrapRedirect("https://google.de/url?url=https%3A%2F%2Fa.example%2F%3Fx%3D1"))
                .isEqualTo("https://a.example/?x=1");
        assertThat(FeedIds.unwrapRedirect("https://www.google.com/url?url=javascript:alert(1)"))
                .as("only web addresses come out")
                .isEqualTo("https://www.google.com/url?url=javascript:alert(1)");
        assertThat(FeedIds.unwrapRedirect("https://www.google.com/search?q=https://a.example"))
                .isEqualTo("https://www.google.com/search?q=https://a.example");
        assertThat(FeedIds.unwrapRedirect("https://evil.example/url?url=https://a.example"))
                .isEqualTo("https://evil.example/url?url=https://a.example");
        assertThat(FeedIds.unwrapRedirect("not a url at all")).isEqualTo("not a url at all");
    }

    @Test
    void full_content_is_preferred_to_the_description_and_read_as_plain_text() {
        Post post = only("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
                + "<title>News</title><item><guid>1</guid><title>T</title><description>Short</description>"
                + "<content:encoded><![CDATA[<p>The <em>full</em> story</p><script>steal()</script>"
                + "<style>p{}</style><p>Part two &amp; more</p>]]></content:encoded></item></channel></rss>");
        assertThat(post.text()).isEqualTo("The full story\nPart two & more");
    }

    @Test
    void atom_text_is_not_taken_for_html() {
        Post post = only("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><entry><id>urn:1</id>"
                + "<title type=\"text\">Why &lt;b&gt; is bold</title><content type=\"text\">Use &lt;b&gt; tags"
                + "</content></entry></feed>");
        assertThat(post.title()).hasValue("Why <b> is bold");
        assertThat(post.text()).isEqualTo("Use <b> tags");
    }

    @Test
    void dates_in_the_formats_feeds_use_and_the_fetch_time_when_there_is_none() {
        assertThat(dated("Tue, 07 Jul 2026 10:00:00 +0200")).hasValue(Instant.parse("2026-07-07T08:00:00Z"));
        assertThat(dated("Mon, 6 Jul 2026 10:00:00 EST")).hasValue(Instant.parse("2026-07-06T15:00:00Z"));
        assertThat(dated("Tue, 07 Jul 2026 10:00 GMT")).hasValue(Instant.parse("2026-07-07T10:00:00Z"));
        assertThat(dated("2026-07-07T10:00:00+02:00")).hasValue(Instant.parse("2026-07-07T08:00:00Z"));
        assertThat(dated("2026-07-07")).hasValue(Instant.parse("2026-07-07T00:00:00Z"));
        assertThat(dated("yesterday")).as("not a date: the fetch time").isEmpty();
        assertThat(dated("Fri, 01 Jan 2100 00:00:00 GMT"))
                .as("in the future: the fetch time")
                .isEmpty();
    }

    private static Optional<Instant> dated(String pubDate) {
        FeedMapper.Parsed parsed = parse(rssItem("<guid>1</guid><title>T</title><pubDate>" + pubDate + "</pubDate>"));
        EntryMapper.Entry entry = parsed.posts().getFirst();
        if (!entry.dated()) {
            assertThat(entry.post().createdAt()).isEqualTo(FETCHED);
            return Optional.empty();
        }
        return Optional.of(entry.post().createdAt());
    }

    @Test
    void the_author_is_the_feed_unless_the_entry_names_one() {
        Post byFeed = only(rss("News Desk", item("1", "x")));
        assertThat(byFeed.author().id()).isEqualTo("news.example.com/feed.xml");
        assertThat(byFeed.author().handle()).hasValue("News Desk");

        Post byEmail = only(rssItem("<guid>1</guid><title>x</title><author>jane@example.com (Jane Doe)</author>"));
        assertThat(byEmail.author().handle()).hasValue("jane@example.com (Jane Doe)");
        assertThat(byEmail.author().id()).isEqualTo("news.example.com/feed.xml#jane@example.com (Jane Doe)");

        Post byAtom = only("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><entry><id>urn:1</id>"
                + "<title>x</title><author><name>Jane Doe</name><uri>https://www.example.com/jane/</uri></author>"
                + "</entry></feed>");
        assertThat(byAtom.author().id()).isEqualTo("example.com/jane");
        assertThat(byAtom.author().displayName()).hasValue("Jane Doe");
    }

    @Test
    void the_feed_language_becomes_a_language_tag() {
        assertThat(only(rss("News", item("1", "x"))).langs()).containsExactly("en-US");
        String french = rss("News", item("1", "x")).replace("en-us", "fr_FR");
        assertThat(only(french).langs()).containsExactly("fr-FR");
        String none = rss("News", item("1", "x")).replace("<language>en-us</language>", "");
        assertThat(only(none).langs()).isEmpty();
    }

    @Test
    void titles_lose_their_markup_and_stay_one_line() {
        Post post = only(rssItem("<guid>1</guid><title>&lt;b&gt;Big&lt;/b&gt;\n news &amp;amp; more</title>"));
        assertThat(post.title()).hasValue("Big news & more");
    }

    @Test
    void links_keep_only_web_addresses() {
        Post post = only(rss(
                "News",
                item("1", "x")
                        .withDescription("<a href=\"javascript:alert(1)\">a</a> <a href=\"mailto:x@example.com\">b</a>"
                                + " <a href=\"https://example.org/read\">c</a> <a href=\"/relative\">d</a>")));
        assertThat(post.links()).containsExactly("https://example.com/1", "https://example.org/read");
        assertThat(post.text()).isEqualTo("a b c d");
    }

    @Test
    void map_never_throws_and_says_why_a_document_is_not_a_feed() {
        List<String> bodies = List.of("", "<foo/>", "{\"items\":[]}", FeedBodies.htmlErrorPage());
        for (String body : bodies) {
            Mapping mapping =
                    new FeedMapper().map(FEED, body.getBytes(StandardCharsets.UTF_8), Optional.empty(), FETCHED);
            assertThat(mapping)
                    .isInstanceOfSatisfying(
                            Mapping.Rejected.class,
                            rejected -> assertThat(rejected.error()).startsWith("not a feed: "));
        }
    }
}
