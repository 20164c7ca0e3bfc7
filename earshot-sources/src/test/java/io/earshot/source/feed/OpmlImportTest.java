package io.earshot.source.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.testkit.feed.FeedBodies;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OPML subscription lists as feed readers export them: folders, titles, odd attributes, hostile files. */
class OpmlImportTest {

    private static final String EXPORT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head><title>My subscriptions</title></head>
              <body>
                <outline text="Brand" title="Brand">
                  <outline type="rss" text="Alerts: earshot" title="Google Alert - earshot"
                           xmlUrl="https://www.google.com/alerts/feeds/0123/4567" htmlUrl="https://www.google.com/alerts"/>
                  <outline text="Press">
                    <outline type="rss" text="Tech News" xmlUrl="https://news.example.com/feed.xml"/>
                  </outline>
                </outline>
                <outline type="rss" text="Reddit r/selfhosted" xmlurl="https://www.reddit.com/r/selfhosted/.rss"/>
                <outline type="rss" text="Tech News again" xmlUrl="http://news.example.com/feed.xml/"/>
                <outline type="rss" text="Not a web feed" xmlUrl="ftp://files.example.com/feed.xml"/>
                <outline type="rss" text="Garbage" xmlUrl="::::"/>
                <outline text="An empty folder"/>
              </body>
            </opml>
            """;

    private static List<FeedSubscription> read(String opml) {
        return OpmlImport.read(new ByteArrayInputStream(opml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void every_feed_in_every_folder_once_with_its_title() {
        List<FeedSubscription> feeds = read(EXPORT);
        assertThat(feeds)
                .extracting(FeedSubscription::url)
                .containsExactly(
                        URI.create("https://www.google.com/alerts/feeds/0123/4567"),
                        URI.create("https://news.example.com/feed.xml"),
                        URI.create("https://www.reddit.com/r/selfhosted/.rss"));
        assertThat(feeds)
                .extracting(FeedSubscription::title)
                .containsExactly(
                        Optional.of("Google Alert - earshot"),
                        Optional.of("Tech News"),
                        Optional.of("Reddit r/selfhosted"));
        assertThat(feeds).allSatisfy(feed -> assertThat(feed.interval()).isEmpty());
        FeedConfig.of(feeds); // a list FeedConfig takes as it is
    }

    @Test
    void a_file_reads_the_same(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("subscriptions.opml");
        Files.writeString(file, EXPORT);
        assertThat(OpmlImport.read(file)).hasSize(3);
        assertThatThrownBy(() -> OpmlImport.read(dir.resolve("missing.opml")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("OPML: cannot read");
    }

    @Test
    void a_list_without_feeds_is_empty() {
        assertThat(read("<opml version=\"1.0\"><head/><body/></opml>")).isEmpty();
    }

    @Test
    void what_is_not_opml_is_refused_with_why() {
        assertThatThrownBy(() -> read(FeedBodies.rss("News", FeedBodies.item("1", "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OPML: not an OPML file: the root element is <rss>, not <opml>");
        assertThatThrownBy(() -> read("<opml><body><outline xmlUrl=\"https://a.example/feed\">"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("OPML: not an OPML file: broken XML");
    }

    @Test
    void the_xml_is_read_as_safely_as_a_feed(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String external = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<opml><body><outline text=\"&x;\" xmlUrl=\"https://a.example/feed\"/></body></opml>";
        String laughs = FeedBodies.billionLaughs().replace("rss", "opml");
        for (String hostile : List.of(external, laughs)) {
            assertThatThrownBy(() -> read(hostile))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("OPML: XML DOCTYPE declarations with entities are not allowed (possible XML bomb)");
        }
    }

    @Test
    void a_huge_file_is_refused_unread() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                return len;
            }
        };
        assertThatThrownBy(() -> OpmlImport.read(endless))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OPML: too large: over 10 MiB");
    }
}
