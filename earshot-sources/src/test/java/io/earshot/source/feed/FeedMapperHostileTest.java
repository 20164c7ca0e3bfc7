package io.earshot.source.feed;

import static io.earshot.testkit.feed.FeedBodies.item;
import static io.earshot.testkit.feed.FeedBodies.rss;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Post;
import io.earshot.source.Mapping;
import io.earshot.testkit.feed.FakeFeedServer;
import io.earshot.testkit.feed.FeedBodies;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XML bombs, external entities, HTML pages served as feeds, broken XML, wrong encodings: named, never obeyed. */
class FeedMapperHostileTest {

    private static final URI FEED = URI.create("https://example.com/feed.xml");
    private static final Instant FETCHED = Instant.parse("2026-07-07T12:00:00Z");
    private static final String BOMB = "XML DOCTYPE declarations with entities are not allowed (possible XML bomb)";

    private static Mapping map(byte[] body, Optional<String> contentType) {
        return new FeedMapper().map(FEED, body, contentType, FETCHED);
    }

    private static String rejected(String body) {
        return rejected(body.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    private static String rejected(byte[] body, Optional<String> contentType) {
        Mapping mapping = map(body, contentType);
        assertThat(mapping).isInstanceOf(Mapping.Rejected.class);
        return ((Mapping.Rejected) mapping).error();
    }

    private static Post only(byte[] body, Optional<String> contentType) {
        FeedMapper.Parsed parsed = new FeedMapper().parse(FEED, body, contentType, FETCHED);
        assertThat(parsed.posts()).hasSize(1);
        return parsed.posts().getFirst().post();
    }

    @Test
    void xml_bombs_are_refused_before_they_expand() {
        long started = System.nanoTime();
        assertThat(rejected(FeedBodies.billionLaughs())).isEqualTo(BOMB);
        assertThat(rejected(FeedBodies.quadraticBlowup(256))).isEqualTo(BOMB);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void external_entities_are_never_read(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-PASSWORD");
        for (String body : new String[] {
            FeedBodies.externalEntity(secret.toUri()),
            FeedBodies.externalEntity(URI.create("file:///etc/passwd")),
            FeedBodies.externalParameterEntity(secret.toUri())
        }) {
            String error = rejected(body);
            assertThat(error).isEqualTo(BOMB).doesNotContain("TOP-SECRET").doesNotContain("root:");
        }
    }

    @Test
    void an_external_dtd_is_never_fetched_and_the_feed_still_reads() throws Exception {
        try (FakeFeedServer server = FakeFeedServer.start()) {
            server.serve("/rss-0.91.dtd", "<!ENTITY % evil SYSTEM \"file:///etc/passwd\">");
            String feed = FeedBodies.externalDtd(server.url("/rss-0.91.dtd"));
            Post post = only(feed.getBytes(StandardCharsets.UTF_8), Optional.empty());
            assertThat(post.title()).hasValue("one");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void an_html_page_served_as_the_feed_is_named_for_what_it_is() {
        String page = FeedBodies.htmlErrorPage();
        assertThat(rejected(page)).isEqualTo("not a feed: got an HTML page");
        assertThat(rejected(page.getBytes(StandardCharsets.UTF_8), Optional.of("text/html; charset=utf-8")))
                .isEqualTo("not a feed: got an HTML page");
        assertThat(rejected("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>x</title></head></html>"))
                .as("well-formed XHTML")
                .isEqualTo("not a feed: got an HTML page");
        assertThat(rejected("\n  <!-- generated -->\n<HTML><BODY>Error 500</BODY></HTML>"))
                .isEqualTo("not a feed: got an HTML page");
        assertThat(rejected("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><html><p>x"))
                .isEqualTo("not a feed: got an HTML page");
    }

    @Test
    void other_documents_that_are_not_feeds() {
        assertThat(rejected("")).isEqualTo("not a feed: the document is empty");
        assertThat(rejected("  \n\t ")).isEqualTo("not a feed: the document is empty");
        assertThat(rejected("{\"version\": \"https://jsonfeed.org/version/1.1\"}"))
                .isEqualTo("not a feed: got JSON, not RSS or Atom");
        assertThat(rejected("Service Unavailable"))
                .isEqualTo("not a feed: got text that is not XML, starting 'Service Unavailable'");
        assertThat(rejected("<?xml version=\"1.0\"?><sitemap><url>x</url></sitemap>"))
                .isEqualTo("not a feed: the root element is <sitemap>, not RSS or Atom");
    }

    @Test
    void truncated_and_malformed_xml_say_where() {
        String feed = rss("News", item("1", "One"), item("2", "Two"));
        assertThat(rejected(feed.substring(0, feed.length() / 2)))
                .startsWith("broken XML at line ")
                .endsWith("XML document structures must start and end within the same entity");
        assertThat(rejected(feed.replace("<title>One</title>", "<title>One &undefined; </title>")))
                .contains("\"undefined\" was referenced, but not declared");
        assertThat(rejected(feed.replace("<title>One</title>", "<title>One</titel>")))
                .startsWith("broken XML at line 4, column 53: The element type \"title\" must be terminated");
    }

    @Test
    void nesting_too_deep_is_refused_rather_than_walked() {
        String deep = rss("News", item("1", "x")).replace("<title>x</title>", "<title>" + "<a>".repeat(100_000));
        assertThat(rejected(deep)).isEqualTo("XML elements nested more than 256 deep are not allowed");
    }

    @Test
    void encodings_declared_by_the_document_are_honoured() {
        String feed = rss("Café", item("1", "Crème brûlée"));
        Post latin1 = only(feed.replace("UTF-8", "ISO-8859-1").getBytes(StandardCharsets.ISO_8859_1), Optional.empty());
        assertThat(latin1.title()).hasValue("Crème brûlée");
        assertThat(latin1.author().handle()).hasValue("Café");

        Post windows1252 = only(
                feed.replace("UTF-8", "windows-1252")
                        .replace("Crème", "“Crème”")
                        .getBytes(Charset.forName("windows-1252")),
                Optional.of("application/rss+xml"));
        assertThat(windows1252.title()).hasValue("“Crème” brûlée");

        Post utf16 = only(feed.replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16), Optional.empty());
        assertThat(utf16.title()).hasValue("Crème brûlée");
    }

    @Test
    void a_byte_order_mark_and_leading_white_space_are_no_obstacle() {
        byte[] feed = rss("News", item("1", "Crème")).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[feed.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(feed, 0, withBom, 3, feed.length);
        assertThat(only(withBom, Optional.empty()).title()).hasValue("Crème");
        assertThat(only(withBom, Optional.of("application/xml; charset=utf-8")).title())
                .hasValue("Crème");
        byte[] spaced = ("\n\n   " + rss("News", item("1", "Crème"))).getBytes(StandardCharsets.UTF_8);
        assertThat(only(spaced, Optional.empty()).title()).hasValue("Crème");
    }

    @Test
    void a_wrong_or_unknown_encoding_costs_characters_not_the_feed() {
        String feed = rss("News", item("1", "Crème brûlée"));
        Post mislabelled = only(feed.getBytes(StandardCharsets.ISO_8859_1), Optional.empty());
        assertThat(mislabelled.title()).hasValue("Cr\uFFFDme br\uFFFDl\uFFFDe");
        Post unknown =
                only(feed.replace("UTF-8", "x-no-such-charset").getBytes(StandardCharsets.UTF_8), Optional.empty());
        assertThat(unknown.title()).as("read as UTF-8").hasValue("Crème brûlée");
    }

    @Test
    void html_entities_that_xml_does_not_know_are_healed() {
        Post post = only(
                rss("News", item("1", "x"))
                        .replace("<title>x</title>", "<title>caf&eacute;&nbsp;au&nbsp;lait</title>")
                        .getBytes(StandardCharsets.UTF_8),
                Optional.empty());
        assertThat(post.title()).hasValue("café au lait");
    }
}
