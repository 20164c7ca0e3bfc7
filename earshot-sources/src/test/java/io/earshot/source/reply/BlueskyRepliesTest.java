package io.earshot.source.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.domain.PostKey;
import io.earshot.inbox.reply.Credentials;
import io.earshot.inbox.reply.NetworkRefusedException;
import io.earshot.inbox.reply.NetworkUnavailableException;
import io.earshot.inbox.reply.Posted;
import io.earshot.inbox.reply.ReplyTarget;
import io.earshot.testkit.reply.FakeBlueskyPds;
import io.earshot.testkit.reply.FakeBlueskyPds.StoredPost;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlueskyRepliesTest {

    private static final String DID = "did:plc:acmesupport";
    private static final RetryPolicy FAST =
            new RetryPolicy(4, Duration.ofMillis(20), Duration.ofSeconds(3), Duration.ofSeconds(5));

    private final FakeBlueskyPds pds = new FakeBlueskyPds().account(DID, "acme.bsky.social", "app-pass-word");
    private final BlueskyReplies replies = new BlueskyReplies(FAST);
    private final Credentials.Bluesky account = new Credentials.Bluesky(pds.uri(), "acme.bsky.social", "app-pass-word");

    @AfterEach
    void stop() {
        pds.close();
    }

    @Test
    void verifiesWithCreateSessionAndRefusesAWrongPassword() {
        assertThat(replies.verify(account).accountId()).isEqualTo(DID);
        assertThatThrownBy(() -> replies.verify(new Credentials.Bluesky(pds.uri(), "acme.bsky.social", "nope")))
                .isInstanceOf(NetworkRefusedException.class)
                .hasMessageContaining("app password");
    }

    @Test
    void aReplyNamesTheThreadRootAndTheParentByUriAndCid() {
        StoredPost root = pds.post("did:plc:alice", "3kroot0000000", "acme is down", Optional.empty());
        StoredPost parent = pds.post("did:plc:bob", "3kparent00000", "same here", Optional.of(root));
        Posted posted = replies.reply(account, target(parent), "We're on it!", "3lbcdefghijk2");
        assertThat(pds.created()).singleElement().satisfies(post -> {
            assertThat(post.rootUri()).contains(root.uri());
            assertThat(post.rootCid()).contains(root.cid());
            assertThat(post.parentUri()).contains(parent.uri());
            assertThat(post.parentCid()).contains(parent.cid());
        });
        assertThat(posted.uri()).isEqualTo("at://" + DID + "/app.bsky.feed.post/3lbcdefghijk2");
        assertThat(posted.key().id()).isEqualTo("bluesky:" + DID + ":3lbcdefghijk2");
    }

    @Test
    void aTopLevelPostIsItsOwnRoot() {
        StoredPost post = pds.post("did:plc:alice", "3kroot0000000", "acme?", Optional.empty());
        replies.reply(account, target(post), "Hi!", "3lbcdefghijk2");
        assertThat(pds.created().getFirst().rootUri()).contains(post.uri());
    }

    @Test
    void retriesAfter429AndServerErrorsWithoutPostingTwice() {
        StoredPost post = pds.post("did:plc:alice", "3kroot0000000", "acme?", Optional.empty());
        long reset = Instant.now().plusSeconds(1).getEpochSecond();
        pds.failNext("com.atproto.repo.createRecord", 429, Map.of("ratelimit-reset", Long.toString(reset)));
        pds.failNext("com.atproto.repo.createRecord", 503, Map.of());
        // the third attempt makes the post but its answer is lost: the fourth must find it, not post again
        pds.failAfterWork("com.atproto.repo.createRecord", 502);
        Posted posted = replies.reply(account, target(post), "Hi!", "3lbcdefghijk2");
        assertThat(pds.created()).hasSize(1);
        assertThat(posted.uri()).endsWith("/3lbcdefghijk2");
    }

    @Test
    void theSameKeyTwiceIsOnePost() {
        StoredPost post = pds.post("did:plc:alice", "3kroot0000000", "acme?", Optional.empty());
        replies.reply(account, target(post), "Hi!", "3lbcdefghijk2");
        replies.reply(account, target(post), "Hi!", "3lbcdefghijk2");
        assertThat(pds.created()).hasSize(1);
    }

    @Test
    void anExpiredSessionIsRefreshed() {
        StoredPost post = pds.post("did:plc:alice", "3kroot0000000", "acme?", Optional.empty());
        replies.reply(account, target(post), "one", "3lbcdefghijk2");
        pds.expireAccessTokens();
        replies.reply(account, target(post), "two", "3lbcdefghijk3");
        assertThat(pds.created()).hasSize(2);
        assertThat(pds.calls()).contains("POST com.atproto.server.refreshSession");
    }

    @Test
    void aLongRateLimitFailsForLaterAndTooLongATextIsRefused() {
        StoredPost post = pds.post("did:plc:alice", "3kroot0000000", "acme?", Optional.empty());
        pds.failNext("com.atproto.repo.createRecord", 429, Map.of("Retry-After", "3600"));
        assertThatThrownBy(() -> replies.reply(account, target(post), "Hi!", "3lbcdefghijk2"))
                .isInstanceOf(NetworkUnavailableException.class)
                .hasMessageContaining("3600 s");
        assertThatThrownBy(() -> replies.reply(account, target(post), "x".repeat(301), "3lbcdefghijk4"))
                .isInstanceOf(NetworkRefusedException.class)
                .hasMessageContaining("300");
        assertThat(pds.created()).isEmpty();
    }

    private static ReplyTarget target(StoredPost post) {
        String rest = post.uri().substring("at://".length());
        String did = rest.substring(0, rest.indexOf('/'));
        String rkey = rest.substring(rest.lastIndexOf('/') + 1);
        return new ReplyTarget(
                PostKey.parse("bluesky:" + did + ":" + rkey), post.uri(), Optional.empty(), Optional.of(did));
    }
}
