package io.earshot.source.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Post;
import io.earshot.source.Mapping;
import io.earshot.source.SourceEvent;
import io.earshot.testkit.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 sample of the ROME project, read and mapped. */
class FeedMapperFixtureTest {

    private static final Instant FETCHED = Instant.parse("2026-07-07T12:00:00Z");

    /** Entries per file, as counted by reading the files. */
    private static final Map<String, Integer> ENTRIES = Map.ofEntries(
            Map.entry("CDATATestFeed.xml", 2),
            Map.entry("atom_0.3.xml", 2),
            Map.entry("atom_0.3_DC_Sy.xml", 2),
            Map.entry("atom_1.0.xml", 2),
            Map.entry("atom_1.0_b.xml", 16),
            Map.entry("atom_1.0_bray.xml", 2),
            Map.entry("atom_1.0_prefix.xml", 0),
            Map.entry("atom_1.0_ruby.xml", 2),
            Map.entry("dublin-core-date.xml", 1),
            Map.entry("issue131-rss.xml", 1),
            Map.entry("issue137-rss.xml", 4),
            Map.entry("jira_issue1.xml", 2),
            Map.entry("rss_0.9.xml", 2),
            Map.entry("rss_0.91N.xml", 2),
            Map.entry("rss_0.91U.xml", 2),
            Map.entry("rss_0.92.xml", 2),
            Map.entry("rss_0.92_alt.xml", 2),
            Map.entry("rss_0.93.xml", 2),
            Map.entry("rss_0.94.xml", 2),
            Map.entry("rss_1.0-ns-on-channel.xml", 44),
            Map.entry("rss_1.0.xml", 2),
            Map.entry("rss_1.0_DC_Sy.xml", 2),
            Map.entry("rss_1.0_DC_multi.xml", 2),
            Map.entry("rss_2.0.xml", 2));

    private static FeedMapper.Parsed parse(String file) throws IOException {
        Path path = Fixtures.fixture("feeds/rome/" + file);
        return new FeedMapper()
                .parse(URI.create("https://example.com/" + file), Files.readAllBytes(path), Optional.empty(), FETCHED);
    }

    private static Post post(String file, int index) throws IOException {
        return parse(file).posts().get(index).post();
    }

    @Test
    void every_sample_parses_with_the_entries_it_holds() throws IOException {
        Map<String, Integer> counted = new TreeMap<>();
        try (Stream<Path> files = Files.list(Fixtures.fixture("feeds/rome"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                counted.put(
                        file.getFileName().toString(),
                        parse(file.getFileName().toString()).entries());
            }
        }
        assertThat(counted).isEqualTo(new TreeMap<>(ENTRIES));
        assertThat(counted.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(102);
    }

    @Test
    void every_identifiable_entry_becomes_one_post_created() throws IOException {
        for (String file : ENTRIES.keySet()) {
            Path path = Fixtures.fixture("feeds/rome/" + file);
            Mapping mapping = new FeedMapper()
                    .map(
                            URI.create("https://example.com/" + file),
                            Files.readAllBytes(path),
                            Optional.empty(),
                            FETCHED);
            assertThat(mapping).as(file).isInstanceOf(Mapping.Events.class);
            List<SourceEvent> events = ((Mapping.Events) mapping).events();
            int expected = file.equals("dublin-core-date.xml") ? 0 : ENTRIES.get(file);
            assertThat(events).as(file).hasSize(expected).allMatch(SourceEvent.PostCreated.class::isInstance);
        }
        assertThat(parse("dublin-core-date.xml").unidentified())
                .as("an item with nothing but dates has nothing to identify it or to read")
                .isEqualTo(1);
    }

    @Test
    void rss_2_0_titles_dates_authors_and_language() throws IOException {
        FeedMapper.Parsed parsed = parse("rss_2.0.xml");
        assertThat(parsed.title()).hasValue("rss_2.0.channel.title");
        Post first = parsed.posts().get(0).post();
        assertThat(first.title()).hasValue("rss_2.0.channel.item[0].title");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
        assertThat(parsed.posts().get(1).post().createdAt()).isEqualTo(Instant.parse("2001-01-02T00:00:00Z"));
        assertThat(first.author().handle()).hasValue("rss_2.0.channel.item[0].author");
        assertThat(first.url()).as("the sample's links are not web addresses").isEmpty();
    }

    @Test
    void atom_1_0_links_dates_and_authors() throws IOException {
        Post first = post("atom_1.0.xml", 0);
        assertThat(first.title()).hasValue("atom_1.0.feed.entry[0].title");
        assertThat(first.url()).hasValue("http://example.com/blog/entry1");
        assertThat(first.links()).containsExactly("http://example.com/blog/entry1");
        assertThat(first.createdAt()).as("published, not updated").isEqualTo(Instant.parse("2000-01-01T01:00:00Z"));
        assertThat(first.author().handle()).hasValue("atom_1.0.feed.entry[0].author.name");
        assertThat(first.text()).isEqualTo("atom_1.0.feed.entry[0].content[0]");
    }

    @Test
    void atom_0_3_and_rss_1_0_with_dublin_core_dates() throws IOException {
        assertThat(post("atom_0.3.xml", 1).createdAt()).isEqualTo(Instant.parse("2000-02-01T00:00:00Z"));
        assertThat(post("rss_1.0_DC_Sy.xml", 0).createdAt()).isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
        assertThat(post("rss_1.0_DC_Sy.xml", 0).author().handle()).hasValue("rss_1.0.item[0].dc:creator");
    }

    @Test
    void undated_entries_are_dated_when_they_were_fetched() throws IOException {
        FeedMapper.Parsed parsed = parse("rss_0.91N.xml");
        assertThat(parsed.posts()).allSatisfy(entry -> {
            assertThat(entry.dated()).isFalse();
            assertThat(entry.post().createdAt()).isEqualTo(FETCHED);
        });
        assertThat(parsed.posts().getFirst().post().text()).isEqualTo("rss_0.91N.channel.item[0].description");
    }

    @Test
    void a_journal_feed_in_rss_1_0_reads_as_plain_text_with_its_links() throws IOException {
        FeedMapper.Parsed parsed = parse("rss_1.0-ns-on-channel.xml");
        assertThat(parsed.title()).hasValue("Journal of Vegetation Science");
        Post first = parsed.posts().getFirst().post();
        assertThat(first.langs()).containsExactly("en");
        assertThat(first.url())
                .hasValueSatisfying(url -> assertThat(url).startsWith("http://onlinelibrary.wiley.com/"));
        assertThat(first.text()).startsWith("Abstract\nQuestion\n").doesNotContain("<");
        assertThat(first.links())
                .hasSizeGreaterThan(1)
                .first()
                .isEqualTo(first.url().orElseThrow());
    }

    @Test
    void items_that_reuse_one_guid_stay_apart_and_real_repeats_do_not() throws IOException {
        FeedMapper.Parsed spotlight = parse("issue137-rss.xml");
        assertThat(spotlight.posts())
                .as("four different items that all carry the channel's address as their GUID")
                .hasSize(4);
        assertThat(spotlight.posts().stream().map(e -> e.post().key()).distinct())
                .hasSize(4);
        FeedMapper.Parsed cdata = parse("CDATATestFeed.xml");
        assertThat(cdata.posts())
                .extracting(e -> e.post().title().orElseThrow())
                .containsExactly("item1", "item2");
        assertThat(cdata.posts().getFirst().post().url())
                .hasValue("http://rtl-now.rtl.de/awz.php?container_id=26908&paytype=ppv&productdetail=1&na=1");
    }

    @Test
    void relative_links_resolve_against_the_feed() throws IOException {
        assertThat(post("atom_1.0_b.xml", 0).url()).hasValue("http://example.org/tests/base/result.html");
        assertThat(parse("atom_1.0_b.xml").posts())
                .allSatisfy(entry -> assertThat(entry.post().url()).isPresent());
    }
}
