package io.earshot.testkit.contract;

import static io.earshot.testkit.contract.ContractPosts.T0;
import static io.earshot.testkit.contract.ContractPosts.matched;
import static io.earshot.testkit.contract.ContractPosts.post;
import static io.earshot.testkit.contract.ContractPosts.unmatched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.archive.InvalidCursorException;
import io.earshot.archive.MentionArchive;
import io.earshot.archive.MentionArchive.MentionPage;
import io.earshot.archive.MentionSearch;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.query.QueryField;
import io.earshot.query.QueryNode;
import io.earshot.query.QueryNode.And;
import io.earshot.query.QueryNode.Exact;
import io.earshot.query.QueryNode.FieldFilter;
import io.earshot.query.QueryNode.Hashtag;
import io.earshot.query.QueryNode.Not;
import io.earshot.query.QueryNode.Or;
import io.earshot.query.QueryNode.Phrase;
import io.earshot.query.QueryNode.Word;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The search half of {@link MentionArchiveContract}: filters, order, totals and cursor pagination. Extend
 * {@link MentionArchiveContract} (which includes these tests), not this class.
 *
 * <p>The corpus: five posts a minute apart, {@code a} the oldest, {@code e} the newest; topics 1, 2, 3.
 */
public abstract class MentionSearchContract extends StoreContract<MentionArchive> {

    protected final MentionArchive archive() {
        return store();
    }

    /** Upserts and refreshes, so the mentions are searchable. */
    protected final void store(Mention... mentions) {
        archive().upsert(List.of(mentions));
        archive().refresh();
    }

    private void corpus() {
        store(
                matched(post("a", T0.plusSeconds(60), "I love my new phone from Apple #tech"), 1),
                matched(post("b", T0.plusSeconds(120), "apple pie recipe for the weekend"), 2),
                matched(
                        post(
                                Network.MASTODON,
                                "pierre",
                                "c",
                                T0.plusSeconds(180),
                                "Les téléphones Apple sont chers",
                                "fr"),
                        1,
                        2),
                unmatched(post(Network.MASTODON, "dis", "d", T0.plusSeconds(240), "new phone who dis", "en")),
                matched(
                        post(
                                Network.FEED,
                                "https://example.com/feed",
                                "e",
                                T0.plusSeconds(300),
                                "Orange is the new black #TECH",
                                "en-US"),
                        3));
    }

    private MentionPage search(Optional<Long> topic, Optional<QueryNode> query, boolean matchedOnly) {
        return archive().search(new MentionSearch(topic, query, matchedOnly, 100, Optional.empty()));
    }

    private List<String> found(QueryNode query) {
        return ids(search(Optional.empty(), Optional.of(query), false));
    }

    protected static List<String> ids(MentionPage page) {
        return page.items().stream().map(mention -> mention.key().nativeId()).toList();
    }

    @Test
    void newestFirstAcrossEverything() {
        corpus();
        MentionPage page = search(Optional.empty(), Optional.empty(), false);
        assertThat(ids(page)).containsExactly("e", "d", "c", "b", "a");
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void postsCreatedInTheSameMillisecondAreOrderedByKey() {
        store(
                unmatched(post("k2", T0, "same time")),
                unmatched(post("k3", T0, "same time")),
                unmatched(post("k1", T0, "same time")),
                unmatched(post("k0", T0.minusMillis(1), "a millisecond earlier")));
        assertThat(ids(search(Optional.empty(), Optional.empty(), false))).containsExactly("k1", "k2", "k3", "k0");
    }

    @Test
    void matchedOnlyLeavesOutPostsKeptForBackfill() {
        corpus();
        MentionPage page = search(Optional.empty(), Optional.empty(), true);
        assertThat(ids(page)).containsExactly("e", "c", "b", "a");
        assertThat(page.total()).isEqualTo(4);
        assertThat(ids(archive().search(MentionSearch.mentions(10)))).containsExactly("e", "c", "b", "a");
    }

    @Test
    void topicFilterFindsMentionsOfThatTopicOnly() {
        corpus();
        assertThat(ids(search(Optional.of(1L), Optional.empty(), false))).containsExactly("c", "a");
        assertThat(ids(search(Optional.of(2L), Optional.empty(), true))).containsExactly("c", "b");
        assertThat(ids(search(Optional.of(3L), Optional.empty(), false))).containsExactly("e");
        assertThat(search(Optional.of(4L), Optional.empty(), false).items()).isEmpty();
        assertThat(search(Optional.of(1L), Optional.empty(), false).total()).isEqualTo(2);
    }

    @Test
    void topicAndQueryFiltersCombine() {
        corpus();
        MentionPage page = search(Optional.of(1L), Optional.of(new Word("phone")), true);
        assertThat(ids(page)).containsExactly("a");
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void wordIgnoresCaseAndAccents() {
        corpus();
        assertThat(found(new Word("APPLE"))).containsExactly("c", "b", "a");
        assertThat(found(new Word("telephones"))).containsExactly("c");
        assertThat(found(new Word("banana"))).isEmpty();
    }

    @Test
    void phraseNeedsConsecutiveWords() {
        corpus();
        assertThat(found(new Phrase(List.of("new", "phone")))).containsExactly("d", "a");
        assertThat(found(new Phrase(List.of("phone", "new")))).isEmpty();
    }

    @Test
    void andOrNot() {
        corpus();
        assertThat(found(new And(List.of(new Word("apple"), new Word("phone")))))
                .containsExactly("a");
        assertThat(found(new Or(List.of(new Word("pie"), new Word("orange"))))).containsExactly("e", "b");
        assertThat(found(new And(List.of(new Word("apple"), new Not(new Word("pie"))))))
                .containsExactly("c", "a");
        assertThat(found(new Not(new Word("apple")))).containsExactly("e", "d");
    }

    @Test
    void hashtagFromTextOrEntitiesIgnoresCase() {
        corpus();
        assertThat(found(new Hashtag("tech"))).containsExactly("e", "a");
        assertThat(found(new Hashtag("Tech"))).containsExactly("e", "a");
    }

    @Test
    void fieldFiltersOnLanguageAndNetwork() {
        corpus();
        assertThat(found(new FieldFilter(QueryField.LANG, "en"))).containsExactly("e", "d", "b", "a");
        assertThat(found(new FieldFilter(QueryField.LANG, "fr"))).containsExactly("c");
        assertThat(found(new FieldFilter(QueryField.NETWORK, "mastodon"))).containsExactly("d", "c");
    }

    @Test
    void exactKeepsCase() {
        corpus();
        assertThat(found(new Exact(List.of("Apple")))).containsExactly("c", "a");
    }

    @Test
    void totalCountsEveryHitNotJustThePage() {
        corpus();
        MentionPage page =
                archive().search(new MentionSearch(Optional.empty(), Optional.empty(), false, 2, Optional.empty()));
        assertThat(ids(page)).containsExactly("e", "d");
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.next()).isPresent();
    }

    @Test
    void cursorPagesCoverEveryPostOnceEvenWhenNewerPostsArrive() {
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // groups of three share a millisecond, so pages also break inside a tie
            mentions.add(matched(post("p%02d".formatted(i), T0.plusMillis(i / 3), "post number " + i), 1));
        }
        store(mentions.toArray(Mention[]::new));
        List<String> expected = mentions.stream()
                .sorted(Comparator.comparing((Mention m) -> m.post().createdAt())
                        .reversed()
                        .thenComparing(m -> m.key().id()))
                .map(m -> m.key().nativeId())
                .toList();

        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            MentionPage page = archive().search(new MentionSearch(Optional.of(1L), Optional.empty(), true, 7, cursor));
            seen.addAll(ids(page));
            cursor = page.next();
            if (pages++ == 0) {
                assertThat(page.total()).isEqualTo(25);
                store(matched(post("newest", T0.plus(Duration.ofHours(1)), "arrived while paging"), 1));
            }
        } while (cursor.isPresent());

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(4);
        assertThat(ids(archive().search(MentionSearch.mentions(1)))).containsExactly("newest");
    }

    @Test
    void aFullLastPageHasNoNextCursor() {
        for (int i = 0; i < 4; i++) {
            store(unmatched(post("q" + i, T0.plusSeconds(i), "text")));
        }
        MentionPage first =
                archive().search(new MentionSearch(Optional.empty(), Optional.empty(), false, 2, Optional.empty()));
        MentionPage second =
                archive().search(new MentionSearch(Optional.empty(), Optional.empty(), false, 2, first.next()));
        assertThat(ids(second)).containsExactly("q1", "q0");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void theLargestPageHoldsAThousandMentions() {
        Mention[] mentions = new Mention[MentionSearch.MAX_LIMIT + 1];
        for (int i = 0; i < mentions.length; i++) {
            mentions[i] = matched(post("m" + i, T0.plusSeconds(i), "bulk"), 1);
        }
        store(mentions);
        MentionPage first = archive().search(MentionSearch.mentions(MentionSearch.MAX_LIMIT));
        assertThat(first.items()).hasSize(MentionSearch.MAX_LIMIT);
        assertThat(first.total()).isEqualTo(mentions.length);
        MentionPage last = archive()
                .search(new MentionSearch(
                        Optional.empty(), Optional.empty(), true, MentionSearch.MAX_LIMIT, first.next()));
        assertThat(ids(last)).containsExactly("m0");
        assertThat(last.next()).isEmpty();
    }

    @Test
    void cursorsThatTheArchiveDidNotMakeAreRejected() {
        corpus();
        String valid = archive()
                .search(new MentionSearch(Optional.empty(), Optional.empty(), false, 1, Optional.empty()))
                .next()
                .orElseThrow();
        char[] damaged = valid.toCharArray();
        int middle = damaged.length / 2;
        damaged[middle] = damaged[middle] == 'A' ? 'B' : 'A';
        for (String cursor : Arrays.asList("", "garbage!", "AAAA", "not-a-cursor", new String(damaged), valid + "AA")) {
            assertThatThrownBy(() -> archive()
                            .search(new MentionSearch(
                                    Optional.empty(), Optional.empty(), false, 10, Optional.of(cursor))))
                    .as("cursor '%s'", cursor)
                    .isInstanceOf(InvalidCursorException.class);
        }
    }
}
