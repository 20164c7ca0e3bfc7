package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.domain.PostKey;
import io.earshot.testkit.inbox.InboxMentions;
import io.earshot.testkit.reply.FakeBlueskyPds;
import io.earshot.testkit.reply.FakeMastodonInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connected accounts and replies against local fake networks: posted once, whatever fails on the way. */
class CaseReplyTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String PASSWORD = "abcd-efgh-ijkl-mnop";

    @TempDir
    Path data;

    private final FakeBlueskyPds pds = new FakeBlueskyPds().account("did:plc:acme", "acme.bsky.social", PASSWORD);
    private final FakeMastodonInstance mastodon = new FakeMastodonInstance().token("mastodon-token", "acme");
    private InboxHarness inbox;
    private InboxClient ana;

    @BeforeEach
    void open() {
        inbox = new InboxHarness(data, NOW);
        ana = new InboxClient(inbox.http.port(), "ana");
    }

    @AfterEach
    void close() {
        inbox.close();
        pds.close();
        mastodon.close();
    }

    @Test
    void credentialsAreCheckedOnConnectEncryptedAtRestAndNeverShown() throws IOException {
        ApiClient.Response wrong = ana.post("/api/v1/accounts", bluesky("wrong-password"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("app password");
        ApiClient.Response connected = ana.post("/api/v1/accounts", bluesky(PASSWORD));
        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        assertThat(connected.json().get("account").asText()).isEqualTo("did:plc:acme");
        assertThat(connected.body()).doesNotContain(PASSWORD);
        assertThat(ana.get("/api/v1/accounts").body()).doesNotContain(PASSWORD).contains("acme.bsky.social");
        assertThat(ana.post("/api/v1/accounts", bluesky(PASSWORD)).status()).isEqualTo(409);
        ApiClient.Response token = ana.post(
                "/api/v1/accounts",
                "{\"network\": \"mastodon\", \"instance\": \"" + mastodon.uri() + "\", \"token\": \"mastodon-token\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        inbox.close();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.toString()).doesNotContain(PASSWORD).doesNotContain("mastodon-token");
            }
        }
        inbox = new InboxHarness(data, NOW);
    }

    @Test
    void withoutASecretKeyConnectingSaysWhatToSet(@TempDir Path other) {
        try (InboxHarness keyless = new InboxHarness(other, NOW, Map.of())) {
            ApiClient.Response refused =
                    new InboxClient(keyless.http.port(), "ana").post("/api/v1/accounts", bluesky(PASSWORD));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body()).contains("EARSHOT_SECRET_KEY").contains("openssl rand -base64 32");
        }
    }

    @Test
    void routeOpenReplyResolvedWithRetriesAndOnePostPerRequest() {
        long account = connectBluesky();
        FakeBlueskyPds.StoredPost root =
                pds.post("did:plc:alice", "3kaaaaaaaaaa2", "acme lost my parcel", Optional.empty());
        inbox.hear(InboxMentions.bluesky("did:plc:alice", "3kaaaaaaaaaa2", root.text(), NOW)
                .negative()
                .build());
        long id = ana.json("/api/v1/cases").at("/items/0/id").asLong();
        ana.patch("/api/v1/cases/" + id, "{\"assignee\": \"ana\"}");
        assertThat(ana.json("/api/v1/cases/" + id).get("status").asText()).isEqualTo("open");

        // rate-limited, then a server error, then the post is made but the answer is lost: one post in the end
        pds.failNext(
                "com.atproto.repo.createRecord",
                429,
                Map.of(
                        "ratelimit-reset",
                        Long.toString(Instant.now().plusSeconds(1).getEpochSecond())));
        pds.failNext("com.atproto.repo.createRecord", 503, Map.of());
        pds.failAfterWork("com.atproto.repo.createRecord", 502);
        String request = "{\"text\": \"So sorry! We're on it.\", \"account\": " + account + "}";
        ApiClient.Response sent =
                ana.post("/api/v1/cases/" + id + "/reply", request, Map.of("Idempotency-Key", "req-1"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("state").asText()).isEqualTo("sent");
        assertThat(pds.created()).hasSize(1);
        assertThat(pds.created().getFirst().rootUri()).contains(root.uri());

        // the client retries its request: the same reply, no second post
        ApiClient.Response again =
                ana.post("/api/v1/cases/" + id + "/reply", request, Map.of("Idempotency-Key", "req-1"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong())
                .isEqualTo(sent.json().get("id").asLong());
        assertThat(pds.created()).hasSize(1);

        JsonNode replied = ana.json("/api/v1/cases/" + id);
        assertThat(replied.get("status").asText()).isEqualTo("pending");
        assertThat(replied.get("first_response_at").isNull()).isFalse();
        assertThat(replied.at("/sla/response/running").asBoolean()).isFalse();
        assertThat(replied.at("/thread/messages/1/direction").asText()).isEqualTo("outbound");
        String uri = sent.json().get("uri").asText();
        assertThat(replied.get("history").toString())
                .contains("\"type\":\"reply_sent\"")
                .contains(uri);

        // our reply comes back through ingestion: nothing changes; the customer answers it: the case reopens
        PostKey ours = PostKey.parse(
                sent.json().get("uri").asText().replace("at://", "bluesky:").replace("/app.bsky.feed.post/", ":"));
        PostKey rootKey = PostKey.parse("bluesky:did:plc:alice:3kaaaaaaaaaa2");
        inbox.hearReplies(InboxMentions.bluesky(
                        "did:plc:acme",
                        ours.nativeId().substring("did:plc:acme:".length()),
                        "So sorry! We're on it.",
                        NOW.plusSeconds(60))
                .replyTo(rootKey, rootKey)
                .build());
        assertThat(ana.json("/api/v1/cases/" + id).get("status").asText()).isEqualTo("pending");
        inbox.clock.advance(java.time.Duration.ofHours(1));
        inbox.hearReplies(
                InboxMentions.bluesky("did:plc:alice", "3kbbbbbbbbbb2", "still nothing", NOW.plusSeconds(3600))
                        .replyTo(rootKey, ours)
                        .negative()
                        .build());
        JsonNode reopened = ana.json("/api/v1/cases/" + id);
        assertThat(reopened.get("status").asText()).isEqualTo("open");
        assertThat(reopened.get("history").toString()).contains("\"type\":\"reopened\"");
        assertThat(reopened.at("/thread/messages")).hasSize(3);

        // reply to the new message and resolve in one go
        FakeBlueskyPds.StoredPost second =
                pds.post("did:plc:alice", "3kbbbbbbbbbb2", "still nothing", Optional.of(root));
        ApiClient.Response resolved = ana.post(
                "/api/v1/cases/" + id + "/reply",
                "{\"text\": \"Refunded.\", \"account\": " + account + ", \"then\": \"resolved\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(201);
        assertThat(pds.created()).hasSize(2);
        assertThat(pds.created().get(1).parentUri()).contains(second.uri());
        assertThat(pds.created().get(1).rootUri()).contains(root.uri());
        assertThat(ana.json("/api/v1/cases/" + id).get("status").asText()).isEqualTo("resolved");
    }

    @Test
    void aReplyThatKeepsFailingIsKeptAndSentOnceOnRetry() {
        long account = connectBluesky();
        pds.post("did:plc:alice", "3kaaaaaaaaaa2", "acme?", Optional.empty());
        inbox.hear(InboxMentions.bluesky("did:plc:alice", "3kaaaaaaaaaa2", "acme?", NOW)
                .build());
        long id = ana.json("/api/v1/cases").at("/items/0/id").asLong();
        for (int i = 0; i < 4; i++) {
            pds.failNext("com.atproto.repo.createRecord", 503, Map.of());
        }
        ApiClient.Response failed =
                ana.post("/api/v1/cases/" + id + "/reply", "{\"text\": \"Hi!\", \"account\": " + account + "}");
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.json().get("state").asText()).isEqualTo("failed");
        assertThat(failed.json().get("error").asText()).contains("4 attempts");
        assertThat(ana.json("/api/v1/cases/" + id).get("history").toString()).contains("reply_failed");
        long reply = failed.json().get("id").asLong();
        ApiClient.Response retried = ana.post("/api/v1/cases/" + id + "/replies/" + reply + "/retry", "");
        assertThat(retried.json().get("state").asText()).isEqualTo("sent");
        assertThat(retried.json().get("attempts").asInt()).isEqualTo(2);
        assertThat(pds.created()).hasSize(1);
        assertThat(ana.post("/api/v1/cases/" + id + "/replies/" + reply + "/retry", "")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void mastodonRepliesResolveRemoteStatusesAndSurvive429And5xx() {
        ApiClient.Response connected = ana.post(
                "/api/v1/accounts",
                "{\"network\": \"mastodon\", \"instance\": \"" + mastodon.uri() + "\", \"token\": \"mastodon-token\"}");
        long account = connected.json().get("id").asLong();
        String remoteUri = "https://elsewhere.social/users/bob/statuses/9";
        var remote = mastodon.remoteStatus(remoteUri, "bob@elsewhere.social", "acme??");
        inbox.hear(InboxMentions.mastodon("elsewhere.social", "9", "bob@elsewhere.social", remoteUri, "acme??", NOW)
                .build());
        long id = ana.json("/api/v1/cases").at("/items/0/id").asLong();
        mastodon.failNext("/api/v1/statuses", 429, Map.of("Retry-After", "1"));
        mastodon.failAfterWork("/api/v1/statuses", 500);
        ApiClient.Response sent =
                ana.post("/api/v1/cases/" + id + "/reply", "{\"text\": \"Hello!\", \"account\": " + account + "}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(mastodon.created()).singleElement().satisfies(status -> {
            assertThat(status.inReplyToId()).contains(remote.id());
            assertThat(status.text()).isEqualTo("@bob@elsewhere.social Hello!");
        });
        assertThat(mastodon.calls()).contains("GET /api/v2/search");
        assertThat(ana.post("/api/v1/cases/" + id + "/reply", "{\"text\": \"x\", \"account\": 999}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aTeamThatRequiresApprovalWaitsForSomeoneElse() {
        long account = connectBluesky();
        ana.put("/api/v1/teams/pr", "{\"name\": \"PR\", \"approval\": true}");
        inbox.post("/api/v1/routing-rules", "{\"name\": \"All to PR\", \"then\": {\"team\": \"pr\"}}");
        ana.post(
                "/api/v1/canned-replies",
                "{\"name\": \"Thanks\", \"text\": \"Thanks {{author.name|there}}! —" + " {{agent}}, {{team}}\"}");
        pds.post("did:plc:alice", "3kaaaaaaaaaa2", "acme rocks", Optional.empty());
        inbox.hear(InboxMentions.bluesky("did:plc:alice", "3kaaaaaaaaaa2", "acme rocks", NOW)
                .displayName("Alice")
                .positive()
                .build());
        long id = ana.json("/api/v1/cases").at("/items/0/id").asLong();
        assertThat(ana.json("/api/v1/cases/" + id + "/canned/1").get("text").asText())
                .isEqualTo("Thanks Alice! — ana, PR");
        ApiClient.Response waiting =
                ana.post("/api/v1/cases/" + id + "/reply", "{\"canned\": 1, \"account\": " + account + "}");
        assertThat(waiting.status()).as(waiting.body()).isEqualTo(201);
        assertThat(waiting.json().get("state").asText()).isEqualTo("awaiting_approval");
        assertThat(pds.created()).isEmpty();
        long reply = waiting.json().get("id").asLong();
        ApiClient.Response own = ana.post("/api/v1/cases/" + id + "/replies/" + reply + "/approve", "");
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.body()).contains("someone other than its author");
        ApiClient.Response approved = ana.as("ben").post("/api/v1/cases/" + id + "/replies/" + reply + "/approve", "");
        assertThat(approved.json().get("state").asText()).isEqualTo("sent");
        assertThat(approved.json().get("reviewed_by").asText()).isEqualTo("ben");
        assertThat(pds.created())
                .singleElement()
                .satisfies(post -> assertThat(post.text()).isEqualTo("Thanks Alice! — ana, PR"));
        JsonNode history = ana.json("/api/v1/cases/" + id).get("history");
        assertThat(history.toString())
                .contains("reply_requested")
                .contains("reply_approved")
                .contains("\"actor\":\"ben\"");
    }

    @Test
    void collisionShowsWhoIsViewingAndReplying() {
        inbox.hear(InboxMentions.bluesky("did:plc:alice", "3kaaaaaaaaaa2", "acme?", NOW)
                .build());
        long id = ana.json("/api/v1/cases").at("/items/0/id").asLong();
        ana.post("/api/v1/cases/" + id + "/presence", "{\"activity\": \"viewing\"}");
        JsonNode both = ana.as("ben")
                .post("/api/v1/cases/" + id + "/presence", "{\"activity\": \"replying\"}")
                .json();
        assertThat(both.get("presence").toString())
                .contains("\"user\":\"ben\",\"activity\":\"replying\"")
                .contains("\"user\":\"ana\",\"activity\":\"viewing\"");
        assertThat(ana.json("/api/v1/cases").at("/items/0/presence")).hasSize(2);
        inbox.clock.advance(java.time.Duration.ofSeconds(31));
        assertThat(ana.json("/api/v1/cases/" + id).get("presence")).isEmpty();
    }

    private long connectBluesky() {
        ApiClient.Response connected = ana.post("/api/v1/accounts", bluesky(PASSWORD));
        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        return connected.json().get("id").asLong();
    }

    private String bluesky(String password) {
        return "{\"network\": \"bluesky\", \"pds\": \"" + pds.uri() + "\", \"handle\": \"acme.bsky.social\","
                + " \"appPassword\": \"" + password + "\"}";
    }
}
