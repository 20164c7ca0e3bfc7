package io.earshot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Engagement;
import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKey;
import io.earshot.domain.InteractionKind;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import io.earshot.ingest.InteractionLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link InteractionLedger}. Extend it and implement {@link #open}. Interaction times are
 * millisecond-precise here: stores keep at least that precision.
 */
public abstract class InteractionLedgerContract extends StoreContract<InteractionLedger> {

    private static final Instant AT = Instant.parse("2025-03-01T12:00:00.123Z");
    private static final PostKey POST = new PostKey(Network.BLUESKY, "did:plc:alice:3kpost");
    private static final PostKey OTHER_POST = new PostKey(Network.BLUESKY, "did:plc:alice:3kother");

    private static Interaction on(PostKey post, String id, InteractionKind kind) {
        return new Interaction(
                new InteractionKey(Network.BLUESKY, "did:plc:fan/app.bsky.feed." + kind.id() + "/" + id),
                kind,
                "did:plc:fan",
                "did:plc:alice",
                Optional.of(post),
                AT);
    }

    @Test
    void aReplayedInteractionIsNotCountedTwice() {
        Interaction like = on(POST, "1", InteractionKind.LIKE);
        assertThat(store().record(like)).isTrue();
        assertThat(store().record(like)).isFalse();
        assertThat(store().engagementOf(POST)).isEqualTo(new Engagement(1, 0, 0, 0));
    }

    @Test
    void engagementCountsLikesRepostsRepliesAndQuotesOfThatPost() {
        store().record(on(POST, "l1", InteractionKind.LIKE));
        store().record(on(POST, "l2", InteractionKind.LIKE));
        store().record(on(POST, "l3", InteractionKind.LIKE));
        store().record(on(POST, "r1", InteractionKind.REPOST));
        store().record(on(POST, "r2", InteractionKind.REPOST));
        store().record(on(POST, "p1", InteractionKind.REPLY));
        store().record(on(POST, "q1", InteractionKind.QUOTE));
        store().record(on(POST, "m1", InteractionKind.MENTION));
        store().record(on(OTHER_POST, "l4", InteractionKind.LIKE));
        assertThat(store().engagementOf(POST)).isEqualTo(new Engagement(3, 2, 1, 1));
        assertThat(store().engagementOf(OTHER_POST)).isEqualTo(new Engagement(1, 0, 0, 0));
        assertThat(store().engagementOf(new PostKey(Network.MASTODON, "nothing")))
                .isEqualTo(Engagement.NONE);
    }

    @Test
    void engagementOfManyPostsAtOnceEqualsEachOnItsOwn() {
        List<PostKey> posts = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            PostKey post = new PostKey(Network.BLUESKY, "did:plc:alice:3kmany" + i);
            posts.add(post);
            for (int like = 0; like < i % 4; like++) {
                store().record(on(post, i + "-l" + like, InteractionKind.LIKE));
            }
            if (i % 5 == 0) {
                store().record(on(post, i + "-r", InteractionKind.REPOST));
                store().record(on(post, i + "-q", InteractionKind.QUOTE));
            }
        }
        Map<PostKey, Engagement> engagement = store().engagementOf(posts);
        assertThat(engagement).as("no like, no repost").doesNotContainKey(posts.get(4));
        for (PostKey post : posts) {
            Engagement single = store().engagementOf(post);
            assertThat(engagement.getOrDefault(post, Engagement.NONE))
                    .as(post.id())
                    .isEqualTo(single);
        }
        assertThat(engagement.get(posts.get(15))).isEqualTo(new Engagement(3, 1, 0, 1));
        assertThat(store().engagementOf(List.of())).isEmpty();
    }

    @Test
    void interactionsWithoutAPostAreRecordedButCountTowardsNoPost() {
        Interaction follow = new Interaction(
                new InteractionKey(Network.BLUESKY, "did:plc:fan/app.bsky.graph.follow/3kf"),
                InteractionKind.FOLLOW,
                "did:plc:fan",
                "did:plc:alice",
                Optional.empty(),
                AT);
        assertThat(store().record(follow)).isTrue();
        assertThat(store().record(follow)).isFalse();
        assertThat(store().remove(follow.key())).contains(follow);
    }

    @Test
    void removeTakesBackExactlyWhatWasRecorded() {
        Interaction like = on(POST, "1", InteractionKind.LIKE);
        Interaction repost = on(POST, "2", InteractionKind.REPOST);
        store().record(like);
        store().record(repost);

        assertThat(store().remove(like.key())).contains(like);
        assertThat(store().remove(like.key())).isEmpty();
        assertThat(store().engagementOf(POST)).isEqualTo(new Engagement(0, 1, 0, 0));
        assertThat(store().record(like)).as("recorded again after an undo").isTrue();
    }

    @Test
    void removingSomethingNeverRecordedIsEmpty() {
        assertThat(store().remove(new InteractionKey(Network.MASTODON, "never")))
                .isEmpty();
    }

    @Test
    void forgetSubjectDropsEveryInteractionWithThatPost() {
        Interaction like = on(POST, "1", InteractionKind.LIKE);
        store().record(like);
        store().record(on(POST, "2", InteractionKind.QUOTE));
        store().record(on(OTHER_POST, "3", InteractionKind.LIKE));

        store().forgetSubject(POST);
        assertThat(store().engagementOf(POST)).isEqualTo(Engagement.NONE);
        assertThat(store().engagementOf(OTHER_POST)).isEqualTo(new Engagement(1, 0, 0, 0));
        assertThat(store().remove(like.key())).isEmpty();
    }

    @Test
    void theLedgerSurvivesReopen() throws Exception {
        Interaction like = on(POST, "1", InteractionKind.LIKE);
        store().record(like);
        store().record(on(POST, "2", InteractionKind.REPLY));
        reopen();
        assertThat(store().record(like)).isFalse();
        assertThat(store().engagementOf(POST)).isEqualTo(new Engagement(1, 0, 1, 0));
        assertThat(store().remove(like.key())).contains(like);
    }
}
