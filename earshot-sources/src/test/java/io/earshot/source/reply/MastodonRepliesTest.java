package io.earshot.source.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.domain.PostKey;
import io.earshot.inbox.reply.Credentials;
import io.earshot.inbox.reply.NetworkRefusedException;
import io.earshot.inbox.reply.NetworkUnavailableException;
import io.earshot.inbox.reply.Posted;
import io.earshot.inbox.reply.ReplyTarget;
import io.earshot.testkit.reply.FakeMastodonInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MastodonRepliesTest {

    private static final RetryPolicy FAST =
            new RetryPolicy(4, Duration.ofMillis(20), Duration.ofSeconds(3), Duration.ofSeconds(5));

    private final FakeMastodonInstance instance = new FakeMastodonInstance().token("tok", "acme");
    private final MastodonReplies replies = new MastodonReplies(FAST);
    private final Credentials.Mastodon account = new Credentials.Mastodon(instance.uri(), "tok");

    @AfterEach
    void stop() {
        instance.close();
    }

    @Test
    void verifiesTheTokenAndNamesTheAccountByAbsoluteAcct() {
        assertThat(replies.verify(account).accountId()).isEqualTo("acme@127.0.0.1");
        assertThatThrownBy(() -> replies.verify(new Credentials.Mastodon(instance.uri(), "bad")))
                .isInstanceOf(NetworkRefusedException.class)
                .hasMessageContaining("write:statuses");
    }

    @Test
    void repliesToALocalStatusByItsIdMentioningTheAuthor() {
        var status = instance.status("111", "alice", "acme broke my order");
        Posted posted = replies.reply(account, local(status.id(), status.uri()), "Sorry! DM us?", "key-1");
        assertThat(instance.created()).singleElement().satisfies(created -> {
            assertThat(created.inReplyToId()).contains("111");
            assertThat(created.text()).isEqualTo("@alice@elsewhere.social Sorry! DM us?");
        });
        assertThat(posted.key().id()).startsWith("mastodon:" + instance.host() + ":");
        assertThat(instance.calls()).doesNotContain("GET /api/v2/search");
    }

    @Test
    void aRemoteStatusIsResolvedOnTheAccountsInstanceFirst() {
        var remote = instance.remoteStatus(
                "https://elsewhere.social/users/alice/statuses/9", "alice@elsewhere.social", "hi");
        ReplyTarget target = new ReplyTarget(
                PostKey.parse("mastodon:elsewhere.social:9"),
                remote.uri(),
                Optional.empty(),
                Optional.of("alice@elsewhere.social"));
        replies.reply(account, target, "Hello", "key-2");
        assertThat(instance.calls()).containsSubsequence("GET /api/v2/search", "POST /api/v1/statuses");
        assertThat(instance.created().getFirst().inReplyToId()).contains(remote.id());
    }

    @Test
    void retriesWith429And5xxAndTheIdempotencyKeyKeepsItToOneStatus() {
        var status = instance.status("111", "alice", "acme?");
        instance.failNext(
                "/api/v1/statuses",
                429,
                Map.of("X-RateLimit-Reset", Instant.now().plusSeconds(1).toString()));
        instance.failNext("/api/v1/statuses", 500, Map.of());
        instance.failAfterWork("/api/v1/statuses", 503);
        replies.reply(account, local(status.id(), status.uri()), "Hi", "key-3");
        assertThat(instance.created()).hasSize(1);
        replies.reply(account, local(status.id(), status.uri()), "Hi", "key-3");
        assertThat(instance.created()).hasSize(1);
    }

    @Test
    void givesUpAfterItsAttemptsAndRefusesWhatTheInstanceRefuses() {
        var status = instance.status("111", "alice", "acme?");
        for (int i = 0; i < 4; i++) {
            instance.failNext("/api/v1/statuses", 502, Map.of());
        }
        assertThatThrownBy(() -> replies.reply(account, local(status.id(), status.uri()), "Hi", "key-4"))
                .isInstanceOf(NetworkUnavailableException.class)
                .hasMessageContaining("4 attempts");
        assertThatThrownBy(() -> replies.reply(account, local("999", status.uri()), "Hi", "key-5"))
                .isInstanceOf(NetworkRefusedException.class)
                .hasMessageContaining("404");
        assertThat(instance.created()).isEmpty();
    }

    private ReplyTarget local(String id, String uri) {
        return new ReplyTarget(
                PostKey.parse("mastodon:" + instance.host() + ":" + id),
                uri,
                Optional.empty(),
                Optional.of("alice@elsewhere.social"));
    }
}
