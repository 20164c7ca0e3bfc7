package io.earshot.testkit.contract;

import static io.earshot.testkit.contract.ContractPosts.T0;
import static io.earshot.testkit.contract.ContractPosts.matched;
import static io.earshot.testkit.contract.ContractPosts.post;
import static io.earshot.testkit.contract.ContractPosts.unmatched;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.archive.MentionArchive;
import io.earshot.archive.MentionSearch;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import io.earshot.domain.TopicMatch;
import io.earshot.query.QueryNode;
import io.earshot.query.QueryNode.Word;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link MentionArchive}: every implementation extends this class and implements
 * {@link #open}. It includes the search tests of {@link MentionSearchContract}.
 *
 * <pre>{@code
 * class LuceneMentionArchiveTest extends MentionArchiveContract {
 *     protected MentionArchive open(Path dir) { return LuceneMentionArchive.open(dir); }
 * }
 * }</pre>
 *
 * <p>What it pins down: writes are idempotent on the post key; {@link MentionArchive#search} and
 * {@link MentionArchive#get} see writes after {@link MentionArchive#refresh()}; {@link
 * MentionArchive#updateEngagement} and {@link MentionArchive#deleteByAuthor} see every write at once (the
 * pipeline calls them in the same batch as the upsert); what was committed survives close and reopen; a
 * stored mention comes back equal to what was stored, field for field.
 */
public abstract class MentionArchiveContract extends MentionSearchContract {

    private static final PostKey UNKNOWN = new PostKey(Network.BLUESKY, "never-stored");

    @Test
    void upsertingTheSameKeyAgainKeepsOneDocument() {
        Mention mention = matched(post("same", T0, "hello world"), 1);
        archive().upsert(List.of(mention));
        archive().upsert(List.of(mention));
        archive().upsert(List.of(mention, mention));
        archive().refresh();
        assertThat(archive().size()).isEqualTo(1);
        assertThat(archive().search(MentionSearch.mentions(10)).total()).isEqualTo(1);
        assertThat(archive().get(mention.key())).contains(mention);
    }

    @Test
    void upsertReplacesTextMatchesAndEngagement() {
        store(matched(post("edited", T0, "first draft about apples"), 1));
        Mention edited = new Mention(
                post("edited", T0, "final text about pears"),
                List.of(new TopicMatch(2, List.of())),
                new Engagement(4, 3, 2, 1));
        store(edited);

        assertThat(archive().size()).isEqualTo(1);
        assertThat(archive().get(edited.key())).contains(edited);
        assertThat(searchIds(Optional.empty(), Optional.of(new Word("apples")))).isEmpty();
        assertThat(searchIds(Optional.empty(), Optional.of(new Word("pears")))).containsExactly("edited");
        assertThat(searchIds(Optional.of(1L), Optional.empty())).isEmpty();
        assertThat(searchIds(Optional.of(2L), Optional.empty())).containsExactly("edited");
    }

    @Test
    void everyFieldRoundTrips() {
        Mention full = ContractPosts.everyField();
        Mention bare = ContractPosts.noOptionalField();
        store(full, bare);
        assertThat(archive().get(full.key())).contains(full);
        assertThat(archive().get(bare.key())).contains(bare);
        assertThat(archive()
                        .search(new MentionSearch(Optional.empty(), Optional.empty(), false, 10, Optional.empty()))
                        .items())
                .containsExactly(full, bare);
    }

    @Test
    void getOfAnUnknownKeyIsEmpty() {
        assertThat(archive().get(UNKNOWN)).isEmpty();
    }

    @Test
    void deleteRemovesPostsAndIgnoresUnknownKeys() {
        Mention kept = matched(post("kept", T0, "stays"), 1);
        Mention gone = matched(post("gone", T0.plusSeconds(1), "goes"), 1);
        store(kept, gone);
        archive().delete(List.of(gone.key(), UNKNOWN));
        archive().delete(List.of());
        archive().refresh();
        assertThat(archive().get(gone.key())).isEmpty();
        assertThat(archive().get(kept.key())).contains(kept);
        assertThat(archive().size()).isEqualTo(1);
        assertThat(ids(archive().search(MentionSearch.mentions(10)))).containsExactly("kept");
    }

    @Test
    void deletedThenUpsertedAgainIsStored() {
        Mention mention = matched(post("back", T0, "returns"), 1);
        archive().upsert(List.of(mention));
        archive().delete(List.of(mention.key()));
        assertThat(archive().updateEngagement(mention.key(), new Engagement(1, 0, 0, 0)))
                .isFalse();
        archive().upsert(List.of(mention));
        archive().refresh();
        assertThat(archive().get(mention.key())).contains(mention);
        assertThat(archive().size()).isEqualTo(1);
    }

    @Test
    void newestByGivesTheAccountsNewestPostOnThatNetwork() {
        store(
                unmatched(post(Network.BLUESKY, "did:plc:ana", "a1", T0, "older")),
                matched(post(Network.BLUESKY, "did:plc:ana", "a2", T0.plusSeconds(60), "newest"), 1),
                unmatched(post(Network.BLUESKY, "did:plc:ana", "a0", T0.minusSeconds(60), "oldest")),
                unmatched(post(Network.MASTODON, "did:plc:ana", "m1", T0.plusSeconds(600), "same id, other network")));
        assertThat(archive().newestBy(Network.BLUESKY, "did:plc:ana"))
                .map(mention -> mention.post().text())
                .contains("newest");
        assertThat(archive().newestBy(Network.BLUESKY, "did:plc:nobody")).isEmpty();
    }

    @Test
    void deleteByAuthorRemovesOnlyThatAccountsPostsIncludingUnrefreshedOnes() {
        store(
                unmatched(post(Network.BLUESKY, "did:plc:gone", "g1", T0, "one")),
                matched(post(Network.BLUESKY, "did:plc:gone", "g2", T0, "two"), 1),
                unmatched(post(Network.BLUESKY, "did:plc:stays", "s1", T0, "three")),
                unmatched(post(Network.MASTODON, "did:plc:gone", "m1", T0, "same id, other network")));
        archive().upsert(List.of(unmatched(post(Network.BLUESKY, "did:plc:gone", "g3", T0, "not yet refreshed"))));

        assertThat(archive().deleteByAuthor(Network.BLUESKY, "did:plc:gone")).isEqualTo(3);
        assertThat(archive().deleteByAuthor(Network.BLUESKY, "did:plc:nobody")).isZero();
        archive().refresh();
        assertThat(archive().size()).isEqualTo(2);
        assertThat(archive().get(new PostKey(Network.MASTODON, "m1"))).isPresent();
        assertThat(archive().get(new PostKey(Network.BLUESKY, "s1"))).isPresent();
        assertThat(archive().get(new PostKey(Network.BLUESKY, "g3"))).isEmpty();
    }

    @Test
    void engagementUpdatesShowInGetAndSearch() {
        Mention mention = matched(post("liked", T0, "like me"), 1);
        archive().upsert(List.of(mention));
        // before any refresh: the post was just written in the same batch
        assertThat(archive().updateEngagement(mention.key(), new Engagement(1, 0, 0, 0)))
                .isTrue();
        archive().refresh();
        assertThat(archive().get(mention.key()).orElseThrow().engagement()).isEqualTo(new Engagement(1, 0, 0, 0));

        Engagement later = new Engagement(10, 5, 2, 1);
        assertThat(archive().updateEngagement(mention.key(), later)).isTrue();
        archive().refresh();
        assertThat(archive().get(mention.key())).contains(mention.withEngagement(later));
        assertThat(archive().search(MentionSearch.mentions(10)).items()).containsExactly(mention.withEngagement(later));
        assertThat(searchIds(Optional.of(1L), Optional.of(new Word("like")))).containsExactly("liked");
    }

    @Test
    void containsCountsWritesBeforeTheyAreSearchable() {
        Mention mention = matched(post("fresh", T0, "just written"), 1);
        assertThat(archive().contains(mention.key())).isFalse();
        archive().upsert(List.of(mention));
        assertThat(archive().contains(mention.key())).isTrue();
        archive().refresh();
        assertThat(archive().contains(mention.key())).isTrue();
        archive().delete(List.of(mention.key()));
        assertThat(archive().contains(mention.key())).isFalse();
        archive().refresh();
        assertThat(archive().contains(mention.key())).isFalse();
        assertThat(archive().contains(UNKNOWN)).isFalse();
    }

    @Test
    void engagementOfAnUnknownPostIsNotStored() {
        assertThat(archive().updateEngagement(UNKNOWN, new Engagement(1, 1, 1, 1)))
                .isFalse();
        archive().refresh();
        assertThat(archive().size()).isZero();
    }

    @Test
    void committedWritesSurviveReopen() throws Exception {
        Mention mention = ContractPosts.everyField();
        Mention other = unmatched(post("other", T0, "kept for backfill"));
        store(mention, other);
        archive().updateEngagement(other.key(), new Engagement(0, 7, 0, 0));
        archive().commit();

        reopen();
        assertThat(archive().size()).isEqualTo(2);
        assertThat(archive().get(mention.key())).contains(mention);
        assertThat(archive().get(other.key())).contains(other.withEngagement(new Engagement(0, 7, 0, 0)));
        assertThat(archive().search(MentionSearch.mentions(10)).items()).containsExactly(mention);
    }

    @Test
    void refreshMakesWritesSearchable() {
        Mention mention = matched(post("fresh", T0, "brand new"), 1);
        archive().upsert(List.of(mention));
        archive().refresh();
        assertThat(archive().get(mention.key())).contains(mention);
        assertThat(searchIds(Optional.empty(), Optional.of(new Word("brand")))).containsExactly("fresh");
        assertThat(archive().size()).isEqualTo(1);
    }

    @Test
    void sizeCountsMatchedAndUnmatchedPosts() {
        store(matched(post("m", T0, "x"), 1), unmatched(post("u", T0, "y")));
        assertThat(archive().size()).isEqualTo(2);
    }

    @Test
    void forEachSinceVisitsEveryPostCreatedAtOrAfter() {
        Mention before = matched(post("before", T0.minusMillis(1), "old"), 1);
        Mention at = unmatched(post("at", T0, "exactly then"));
        Mention after = matched(post("after", T0.plus(Duration.ofDays(1)), "new"), 2);
        store(before, at, after);
        archive().updateEngagement(after.key(), new Engagement(3, 0, 0, 0));
        archive().refresh();

        List<Mention> visited = new ArrayList<>();
        archive().forEachSince(T0, visited::add);
        assertThat(visited).containsExactlyInAnyOrder(at, after.withEngagement(new Engagement(3, 0, 0, 0)));

        List<Mention> none = new ArrayList<>();
        archive().forEachSince(T0.plus(Duration.ofDays(2)), none::add);
        assertThat(none).isEmpty();
    }

    @Test
    void purgeRemovesOnlyUnmatchedPostsCreatedBeforeTheCutoff() {
        Instant cutoff = T0;
        store(
                unmatched(post("old-unmatched", cutoff.minus(Duration.ofHours(1)), "old")),
                unmatched(post("just-before", cutoff.minusMillis(1), "old too")),
                unmatched(post("at-cutoff", cutoff, "not before")),
                matched(post("old-matched", cutoff.minus(Duration.ofHours(2)), "a mention"), 1),
                unmatched(post("new-unmatched", cutoff.plusSeconds(1), "new")));

        assertThat(archive().purgeUnmatchedBefore(cutoff)).isEqualTo(2);
        archive().refresh();
        assertThat(archive().size()).isEqualTo(3);
        assertThat(archive().get(new PostKey(Network.BLUESKY, "old-unmatched"))).isEmpty();
        assertThat(archive().get(new PostKey(Network.BLUESKY, "just-before"))).isEmpty();
        assertThat(archive().get(new PostKey(Network.BLUESKY, "at-cutoff"))).isPresent();
        assertThat(archive().get(new PostKey(Network.BLUESKY, "old-matched"))).isPresent();
        assertThat(archive().purgeUnmatchedBefore(cutoff)).isZero();
    }

    private List<String> searchIds(Optional<Long> topic, Optional<QueryNode> query) {
        return ids(archive().search(new MentionSearch(topic, query, false, 100, Optional.empty())));
    }
}
