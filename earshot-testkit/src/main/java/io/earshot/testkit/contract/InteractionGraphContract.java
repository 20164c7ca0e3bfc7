package io.earshot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKey;
import io.earshot.domain.InteractionKind;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import io.earshot.graph.Edge;
import io.earshot.graph.EdgePage;
import io.earshot.graph.InteractionGraph;
import io.earshot.graph.InteractionGraph.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link InteractionGraph}. Extend it and implement {@link #open}. Edge times are whole seconds
 * here: stores keep at least that precision.
 */
public abstract class InteractionGraphContract extends StoreContract<InteractionGraph> {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final String ALICE = "did:plc:alice";
    private static final String BOB = "did:plc:bob";
    private static final String CAROL = "did:plc:carol";

    /** A Bluesky interaction record of {@code actor}, keyed like the Jetstream mapper keys them. */
    private static Interaction record(
            String actor, String collection, String rkey, InteractionKind kind, String subject, long second) {
        return new Interaction(
                new InteractionKey(Network.BLUESKY, actor + "/" + collection + "/" + rkey),
                kind,
                actor,
                subject,
                Optional.empty(),
                T0.plusSeconds(second));
    }

    private static Interaction follow(String actor, String subject, String rkey, long second) {
        return record(actor, "app.bsky.graph.follow", rkey, InteractionKind.FOLLOW, subject, second);
    }

    private static Interaction repost(String actor, String subject, String rkey, long second) {
        Interaction plain = record(actor, "app.bsky.feed.repost", rkey, InteractionKind.REPOST, subject, second);
        return withPost(plain, new PostKey(Network.BLUESKY, subject + ":3kpost" + rkey));
    }

    private static Interaction withPost(Interaction interaction, PostKey post) {
        return new Interaction(
                interaction.key(),
                interaction.kind(),
                interaction.actorId(),
                interaction.subjectAccountId(),
                Optional.of(post),
                interaction.at());
    }

    /** A Bluesky post by {@code actor} replying to {@code parentAuthor}, quoting it and mentioning others. */
    private static List<Interaction> post(
            String actor, String rkey, String parentAuthor, long second, String... mentioned) {
        String record = actor + "/app.bsky.feed.post/" + rkey;
        PostKey parent = new PostKey(Network.BLUESKY, parentAuthor + ":3kparent");
        List<Interaction> interactions = new ArrayList<>();
        Instant at = T0.plusSeconds(second);
        interactions.add(new Interaction(
                new InteractionKey(Network.BLUESKY, record),
                InteractionKind.REPLY,
                actor,
                parentAuthor,
                Optional.of(parent),
                at));
        interactions.add(new Interaction(
                new InteractionKey(Network.BLUESKY, record + "#quote"),
                InteractionKind.QUOTE,
                actor,
                parentAuthor,
                Optional.of(parent),
                at));
        for (String account : mentioned) {
            interactions.add(new Interaction(
                    new InteractionKey(Network.BLUESKY, record + "#mention:" + account),
                    InteractionKind.MENTION,
                    actor,
                    account,
                    Optional.empty(),
                    at));
        }
        return interactions;
    }

    private static Edge edge(Interaction interaction) {
        return Edge.of(interaction).orElseThrow();
    }

    private List<Edge> all() {
        List<Edge> edges = new ArrayList<>();
        store().forEachSince(Instant.EPOCH, edges::add);
        return edges;
    }

    @Test
    void anEdgeKeepsWhoWhomWhatWhenAndThePost() {
        Interaction repost = repost(BOB, ALICE, "r1", 0);
        Interaction follow = follow(BOB, ALICE, "f1", 1);
        Interaction mastodon = new Interaction(
                new InteractionKey(Network.MASTODON, "https://example.social/users/bob/statuses/9/activity"),
                InteractionKind.REPOST,
                "bob@example.social",
                "alice@mastodon.social",
                Optional.of(new PostKey(Network.MASTODON, "mastodon.social:1133")),
                T0.plusSeconds(2));
        assertThat(store().add(List.of(repost, follow, mastodon))).isEqualTo(3);

        assertThat(all()).containsExactly(edge(repost), edge(follow), edge(mastodon));
        assertThat(edge(repost).subjectPost()).contains(new PostKey(Network.BLUESKY, ALICE + ":3kpostr1"));
    }

    @Test
    void addingAgainChangesNothing() {
        List<Interaction> batch = List.of(repost(BOB, ALICE, "r1", 0), follow(BOB, ALICE, "f1", 1));
        assertThat(store().add(batch)).isEqualTo(2);
        assertThat(store().add(batch)).isZero();
        assertThat(store().add(List.of(batch.get(0), batch.get(0)))).isZero();
        assertThat(store().count()).isEqualTo(2);
        assertThat(all()).hasSize(2);
    }

    @Test
    void likesAndInteractionsWithOneselfAreNotEdges() {
        Interaction like = withPost(
                record(BOB, "app.bsky.feed.like", "l1", InteractionKind.LIKE, ALICE, 0),
                new PostKey(Network.BLUESKY, ALICE + ":3k"));
        Interaction selfReply = post(ALICE, "3kthread", ALICE, 1).get(0);
        assertThat(store().add(List.of(like, selfReply))).isZero();
        assertThat(store().count()).isZero();
        assertThat(store().add(List.of())).isZero();
    }

    @Test
    void countsByKindCoverEveryKindButLikes() {
        Map<InteractionKind, Long> empty = store().countsByKind();
        assertThat(empty).doesNotContainKey(InteractionKind.LIKE);
        assertThat(empty.keySet()).hasSize(InteractionKind.values().length - 1);
        assertThat(empty.values()).containsOnly(0L);

        store().add(post(BOB, "p1", ALICE, 0, CAROL, ALICE));
        store().add(List.of(
                repost(BOB, ALICE, "r1", 1),
                repost(CAROL, ALICE, "r2", 2),
                follow(CAROL, BOB, "f1", 3),
                record(CAROL, "app.bsky.graph.block", "b1", InteractionKind.BLOCK, ALICE, 4)));
        Map<InteractionKind, Long> counts = store().countsByKind();
        assertThat(counts)
                .containsEntry(InteractionKind.REPOST, 2L)
                .containsEntry(InteractionKind.REPLY, 1L)
                .containsEntry(InteractionKind.QUOTE, 1L)
                .containsEntry(InteractionKind.MENTION, 2L)
                .containsEntry(InteractionKind.FOLLOW, 1L)
                .containsEntry(InteractionKind.BLOCK, 1L);
        assertThat(store().count()).isEqualTo(8);
    }

    @Test
    void removeTakesBackExactlyThoseKeys() {
        Interaction repost = repost(BOB, ALICE, "r1", 0);
        Interaction follow = follow(BOB, ALICE, "f1", 1);
        store().add(List.of(repost, follow));

        assertThat(store().remove(List.of(follow.key(), new InteractionKey(Network.BLUESKY, "never/seen/1"))))
                .isEqualTo(1);
        assertThat(store().remove(List.of(follow.key()))).isZero();
        assertThat(store().remove(List.of())).isZero();
        assertThat(all()).containsExactly(edge(repost));
        assertThat(store().countsByKind()).containsEntry(InteractionKind.FOLLOW, 0L);
        assertThat(store().add(List.of(follow)))
                .as("followed again after an unfollow")
                .isEqualTo(1);
    }

    @Test
    void removingARecordRemovesItsParts() {
        List<Interaction> deleted = post(BOB, "3kgone", ALICE, 0, CAROL, "did:plc:dave");
        List<Interaction> kept = post(BOB, "3kkept", ALICE, 1, CAROL);
        List<Interaction> quoteOnly = post(CAROL, "3kq", ALICE, 2);
        store().add(deleted);
        store().add(kept);
        store().add(quoteOnly);

        // what the Bluesky mapper emits for a deleted post: its reply key and its quote key
        assertThat(store().remove(List.of(deleted.get(0).key(), deleted.get(1).key())))
                .isEqualTo(4);
        assertThat(store().remove(List.of(quoteOnly.get(1).key())))
                .as("a part alone")
                .isEqualTo(1);

        List<Edge> left = new ArrayList<>(
                kept.stream().map(InteractionGraphContract::edge).toList());
        left.add(edge(quoteOnly.get(0)));
        assertThat(all()).containsExactlyInAnyOrderElementsOf(left);
        assertThat(store().count()).isEqualTo(4);
    }

    @Test
    void removeAccountForgetsEveryEdgeFromOrToIt() {
        Interaction toBob = follow(ALICE, BOB, "f1", 0);
        Interaction fromBob = repost(BOB, CAROL, "r1", 1);
        Interaction others = follow(ALICE, CAROL, "f2", 2);
        Interaction otherNetwork = new Interaction(
                new InteractionKey(Network.MASTODON, "follow/1"),
                InteractionKind.FOLLOW,
                BOB,
                CAROL,
                Optional.empty(),
                T0);
        store().add(List.of(toBob, fromBob, others, otherNetwork));

        assertThat(store().removeAccount(Network.BLUESKY, BOB)).isEqualTo(2);
        assertThat(store().removeAccount(Network.BLUESKY, BOB)).isZero();
        assertThat(store().removeAccount(Network.BLUESKY, "did:plc:nobody")).isZero();
        assertThat(all()).containsExactlyInAnyOrder(edge(others), edge(otherNetwork));
        assertThat(store().edgesOf(Network.BLUESKY, BOB, Direction.IN, 10)).isEmpty();
        assertThat(store().count()).isEqualTo(2);

        assertThat(store().add(List.of(toBob))).as("the account may come back").isEqualTo(1);
        assertThat(store().edgesOf(Network.BLUESKY, BOB, Direction.IN, 10)).containsExactly(edge(toBob));
    }

    @Test
    void removeBeforeKeepsOnlyTheWindow() {
        Interaction old = follow(BOB, ALICE, "f1", 0);
        Interaction edgeOfWindow = follow(CAROL, ALICE, "f2", 100);
        Interaction recent = repost(CAROL, BOB, "r1", 200);
        store().add(List.of(old, edgeOfWindow, recent));

        assertThat(store().removeBefore(T0.plusSeconds(100))).isEqualTo(1);
        assertThat(store().removeBefore(T0.plusSeconds(100))).isZero();
        assertThat(all()).containsExactly(edge(edgeOfWindow), edge(recent));
        assertThat(store().countsByKind())
                .containsEntry(InteractionKind.FOLLOW, 1L)
                .containsEntry(InteractionKind.REPOST, 1L);
        assertThat(store().edgesOf(Network.BLUESKY, BOB, Direction.OUT, 10)).isEmpty();
        assertThat(store().add(List.of(old)))
                .as("a late replay of an expired edge")
                .isEqualTo(1);
    }

    @Test
    void edgesSinceGoesOldestFirstPageByPageWithoutGapsOrRepeats() {
        List<Interaction> interactions = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // three edges a second: pages must split edges of the same second correctly
            interactions.add(follow("did:plc:fan" + i, ALICE, "f" + i, i / 3));
        }
        store().add(interactions.reversed());

        List<Edge> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            EdgePage page = store().edgesSince(T0.plusSeconds(2), cursor, 4);
            assertThat(page.edges()).hasSizeLessThanOrEqualTo(4);
            seen.addAll(page.edges());
            cursor = page.next();
            pages++;
        } while (cursor.isPresent() && pages < 100);

        List<Edge> expected = interactions.stream()
                .filter(i -> !i.at().isBefore(T0.plusSeconds(2)))
                .map(InteractionGraphContract::edge)
                .toList();
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(seen).isSortedAccordingTo(Comparator.comparing(Edge::at));
        assertThat(store().edgesSince(T0.plusSeconds(1000), Optional.empty(), 10)
                        .edges())
                .isEmpty();
    }

    @Test
    void aPageCursorKeepsWorkingWhileEdgesArrive() {
        for (int i = 0; i < 6; i++) {
            store().add(List.of(follow("did:plc:fan" + i, ALICE, "f" + i, i)));
        }
        EdgePage first = store().edgesSince(T0, Optional.empty(), 3);
        store().add(List.of(follow("did:plc:late", ALICE, "late", 10)));
        EdgePage second = store().edgesSince(T0, first.next(), 10);
        assertThat(second.edges()).hasSize(4);
        assertThat(second.edges().getLast().from()).isEqualTo("did:plc:late");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void aCursorThatIsNotOneIsRefused() {
        assertThatThrownBy(() -> store().edgesSince(T0, Optional.of("not a cursor"), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a cursor");
        assertThatThrownBy(() -> store().edgesSince(T0, Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().edgesSince(T0, Optional.empty(), InteractionGraph.MAX_PAGE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void edgesOfAnAccountAreNewestFirstEachWay() {
        Interaction first = follow(BOB, ALICE, "f1", 0);
        Interaction second = repost(CAROL, ALICE, "r1", 5);
        Interaction third = post(BOB, "p1", ALICE, 9).get(0);
        Interaction out = follow(ALICE, CAROL, "f2", 7);
        store().add(List.of(first, second, third, out));

        assertThat(store().edgesOf(Network.BLUESKY, ALICE, Direction.IN, 10))
                .containsExactly(edge(third), edge(second), edge(first));
        assertThat(store().edgesOf(Network.BLUESKY, ALICE, Direction.IN, 2)).containsExactly(edge(third), edge(second));
        assertThat(store().edgesOf(Network.BLUESKY, ALICE, Direction.OUT, 10)).containsExactly(edge(out));
        assertThat(store().edgesOf(Network.MASTODON, ALICE, Direction.IN, 10))
                .as("the same id on another network is another account")
                .isEmpty();
        assertThat(store().edgesOf(Network.BLUESKY, "did:plc:nobody", Direction.OUT, 10))
                .isEmpty();
    }

    @Test
    void forEachSinceVisitsMoreThanOnePage() {
        int n = InteractionGraph.MAX_PAGE + 7;
        List<Interaction> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(follow("did:plc:fan" + (i % 500), "did:plc:star" + (i % 37), "f" + i, i % 50));
        }
        assertThat(store().add(batch)).isEqualTo(n);
        int[] visited = {0};
        store().forEachSince(Instant.EPOCH, edge -> visited[0]++);
        assertThat(visited[0]).isEqualTo(n);
    }

    @Test
    void theGraphSurvivesReopen() throws Exception {
        List<Interaction> post = post(BOB, "p1", ALICE, 0, CAROL);
        store().add(post);
        reopen();
        assertThat(store().add(post)).isZero();
        assertThat(store().count()).isEqualTo(3);
        assertThat(store().remove(List.of(post.get(0).key()))).isEqualTo(3);
    }

    @Test
    void randomAddsAndRemovesAgreeWithASimpleModel() {
        Random random = new Random(20250301);
        Map<InteractionKey, Edge> model = new HashMap<>();
        for (int round = 0; round < 200; round++) {
            List<Interaction> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String actor = "did:plc:a" + random.nextInt(30);
                String subject = "did:plc:a" + random.nextInt(30);
                String rkey = "k" + random.nextInt(400);
                Interaction interaction = random.nextBoolean()
                        ? follow(actor, subject, rkey, random.nextInt(1000))
                        : repost(actor, subject, rkey, random.nextInt(1000));
                batch.add(interaction);
            }
            int expected = 0;
            for (Interaction interaction : batch) {
                Optional<Edge> edge = Edge.of(interaction);
                if (edge.isPresent() && model.putIfAbsent(interaction.key(), edge.get()) == null) {
                    expected++;
                }
            }
            assertThat(store().add(batch)).isEqualTo(expected);
            List<InteractionKey> undo = batch.stream()
                    .filter(i -> random.nextInt(4) == 0)
                    .map(Interaction::key)
                    .distinct()
                    .toList();
            int removed = 0;
            for (InteractionKey key : undo) {
                removed += model.remove(key) != null ? 1 : 0;
            }
            assertThat(store().remove(undo)).isEqualTo(removed);
            if (round % 50 == 49) {
                String gone = "did:plc:a" + random.nextInt(30);
                long dropped = model.values().stream()
                        .filter(e -> e.from().equals(gone) || e.to().equals(gone))
                        .count();
                model.values().removeIf(e -> e.from().equals(gone) || e.to().equals(gone));
                assertThat(store().removeAccount(Network.BLUESKY, gone)).isEqualTo(dropped);
            }
        }
        assertThat(all()).containsExactlyInAnyOrderElementsOf(model.values());
        assertThat(store().count()).isEqualTo(model.size());
    }
}
