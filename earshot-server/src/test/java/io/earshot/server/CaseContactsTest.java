package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.project.Project;
import io.earshot.testkit.inbox.InboxMentions;
import io.earshot.testkit.reply.FakeBlueskyPds;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** People across networks: contacts made from authors, merged by hand, statuses, won-back moments and metrics. */
class CaseContactsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir
    Path data;

    private final FakeBlueskyPds pds = new FakeBlueskyPds().account("did:plc:acme", "acme.bsky.social", "pw-pw-pw-pw");
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
    }

    @Test
    void accountsOfOnePersonAreSuggestedMergedAndSplit() {
        inbox.hear(
                InboxMentions.bluesky("did:plc:alice", "3k1", "acme is slow", NOW)
                        .handle("alice.bsky.social")
                        .displayName("Alice Martin")
                        .followers(1200)
                        .build(),
                InboxMentions.mastodon("m.example", "1", "alice@mastodon.example", "https://m.example/1", "acme?", NOW)
                        .handle("alice")
                        .build(),
                InboxMentions.bluesky("did:plc:bob", "3k2", "acme ok", NOW)
                        .handle("bob.bsky.social")
                        .build());
        long bluesky = contact("bluesky:did:plc:alice");
        long mastodon = contact("mastodon:alice@mastodon.example");
        assertThat(ana.json("/api/v1/contacts/" + bluesky + "/suggestions").get("items"))
                .extracting(c -> c.get("id").asLong())
                .containsExactly(mastodon);

        JsonNode merged = ana.post("/api/v1/contacts/" + bluesky + "/merge", "{\"contact\": " + mastodon + "}")
                .json();
        assertThat(merged.get("accounts")).hasSize(2);
        assertThat(merged.get("cases")).hasSize(2);
        assertThat(merged.get("followers").asLong()).isEqualTo(1200);
        assertThat(ana.get("/api/v1/contacts/" + mastodon).status()).isEqualTo(404);
        assertThat(ana.json("/api/v1/contacts").get("items")).hasSize(2);

        ana.patch("/api/v1/contacts/" + bluesky, "{\"vip\": true, \"name\": \"Alice M.\"}");
        ana.post("/api/v1/contacts/" + bluesky + "/notes", "{\"text\": \"Runs the Lyon meetup\"}");
        JsonNode vip = ana.json("/api/v1/contacts?vip=true").at("/items/0");
        assertThat(vip.get("name").asText()).isEqualTo("Alice M.");
        JsonNode detail = ana.json("/api/v1/contacts/" + bluesky);
        assertThat(detail.at("/notes/0/author").asText()).isEqualTo("ana");
        assertThat(detail.at("/notes/0/text").asText()).isEqualTo("Runs the Lyon meetup");
        // the case page shows who wrote it
        long caseId = ana.json("/api/v1/cases?author=" + "bluesky:did:plc:alice")
                .at("/items/0/id")
                .asLong();
        assertThat(ana.json("/api/v1/cases/" + caseId).at("/contact/vip").asBoolean())
                .isTrue();

        JsonNode split = ana.post(
                        "/api/v1/contacts/" + bluesky + "/split", "{\"account\": \"mastodon:alice@mastodon.example\"}")
                .json();
        assertThat(split.get("accounts")).hasSize(1);
        assertThat(ana.json("/api/v1/contacts/" + bluesky).get("accounts")).hasSize(1);
        assertThat(ana.post("/api/v1/contacts/" + bluesky + "/merge", "{\"contact\": " + bluesky + "}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aDetractorWhoIsAnsweredAndThenSpeaksWellIsWonBack() {
        long account = ana.post(
                        "/api/v1/accounts",
                        "{\"network\": \"bluesky\", \"pds\": \"" + pds.uri()
                                + "\", \"handle\": \"acme.bsky.social\", \"appPassword\": \"pw-pw-pw-pw\"}")
                .json()
                .get("id")
                .asLong();
        inbox.post(
                "/api/v1/routing-rules",
                "{\"name\": \"Complaints\", \"when\": \"is:complaint\", \"then\": {\"team\":"
                        + " \"support\", \"assign\": \"ana\"}}");
        // two detractors: alice is answered, carl is not
        pds.post("did:plc:alice", "3kaaaaaaaaaa2", "acme broke my order", Optional.empty());
        inbox.hear(
                InboxMentions.bluesky(
                                "did:plc:alice", "3kaaaaaaaaaa1", "acme never delivers", NOW.minus(Duration.ofDays(2)))
                        .negative()
                        .build(),
                InboxMentions.bluesky("did:plc:alice", "3kaaaaaaaaaa2", "acme broke my order", NOW)
                        .negative()
                        .build(),
                InboxMentions.bluesky("did:plc:carl", "3kcccccccccc1", "acme is awful", NOW)
                        .negative()
                        .build());
        long alice = contact("bluesky:did:plc:alice");
        assertThat(ana.json("/api/v1/contacts/" + alice).get("status").asText()).isEqualTo("detractor");
        long aliceCase = ana.json("/api/v1/cases?author=bluesky:did:plc:alice")
                .at("/items/0/id")
                .asLong();

        inbox.clock.advance(Duration.ofMinutes(42));
        ApiClient.Response reply = ana.post(
                "/api/v1/cases/" + aliceCase + "/reply",
                "{\"text\": \"Sorry Alice, a new" + " one is on its way\", \"account\": " + account
                        + ", \"then\": \"resolved\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);

        inbox.clock.advance(Duration.ofDays(1));
        inbox.hear(
                InboxMentions.bluesky(
                                "did:plc:alice",
                                "3kaaaaaaaaaa3",
                                "acme sorted it in a day, great",
                                NOW.plus(Duration.ofDays(1)))
                        .positive()
                        .build(),
                InboxMentions.bluesky(
                                "did:plc:carl", "3kcccccccccc2", "acme is great now", NOW.plus(Duration.ofDays(1)))
                        .positive()
                        .build());
        JsonNode contact = ana.json("/api/v1/contacts/" + alice);
        assertThat(contact.get("won_back_at").asText())
                .isEqualTo(NOW.plus(Duration.ofDays(1)).toString());
        assertThat(contact.get("sentiment_by_month").toString()).contains("2026-11");
        assertThat(ana.json("/api/v1/contacts/" + contact("bluesky:did:plc:carl"))
                        .get("won_back_at")
                        .isNull())
                .isTrue();

        JsonNode metrics = ana.json("/api/v1/analytics/inbox?from=2026-11-01&to=2026-12-01");
        assertThat(metrics.at("/detractors/answered").asInt()).isEqualTo(1);
        assertThat(metrics.at("/detractors/won_back").asInt()).isEqualTo(1);
        assertThat(metrics.at("/detractors/rate").asDouble()).isEqualTo(1.0);
        assertThat(metrics.at("/first_response/by_team/support/count").asInt()).isEqualTo(1);
        assertThat(metrics.at("/first_response/by_person/ana/median_seconds").asLong())
                .as(metrics.toString())
                .isEqualTo(42 * 60);
        assertThat(metrics.at("/resolution/by_team/support/count").asInt()).isEqualTo(1);
        JsonNode shift = metrics.get("sentiment_after_reply");
        assertThat(shift.get("authors").asInt()).isEqualTo(1);
        assertThat(shift.get("mean_before").asDouble()).isEqualTo(-1.0);
        assertThat(shift.get("mean_after").asDouble()).isEqualTo(1.0);
        assertThat(shift.get("improved").asInt()).isEqualTo(1);
        assertThat(shift.get("test").asText()).contains("sign test");
        assertThat(shift.get("p_value").asDouble()).isEqualTo(1.0);
        assertThat(metrics.at("/sla_compliance/support/met").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void whatSomeoneSaysOfACompetitorLeavesTheirStatusAlone() {
        // topic 1 is the brand, topic 2 a competitor
        inbox.state.projects().create(new Project.Definition("Acme", List.of(1L), List.of(2L), List.of()));
        inbox.hear(
                InboxMentions.bluesky("did:plc:alice", "3k1", "rivalco is awful", NOW)
                        .topics(2)
                        .negative()
                        .build(),
                InboxMentions.bluesky("did:plc:alice", "3k2", "rivalco broke again", NOW.plusSeconds(1))
                        .topics(2)
                        .negative()
                        .build(),
                InboxMentions.bluesky("did:plc:alice", "3k3", "acme just works", NOW.plusSeconds(2))
                        .topics(1, 2)
                        .positive()
                        .build(),
                InboxMentions.bluesky("did:plc:dan", "3k4", "rivalco is the worst", NOW)
                        .topics(2)
                        .negative()
                        .build());
        JsonNode alice = ana.json("/api/v1/contacts/" + contact("bluesky:did:plc:alice"));
        assertThat(alice.get("status").asText()).isEqualTo("advocate");
        assertThat(alice.get("mentions")).hasSize(3);
        assertThat(ana.json("/api/v1/contacts/" + contact("bluesky:did:plc:dan"))
                        .get("status")
                        .asText())
                .isEqualTo("neutral");
    }

    @Test
    void slaBreachesAreFlaggedOnceInTheHistoryAndAlerted() {
        ana.put(
                "/api/v1/teams/support",
                "{\"sla\": {\"normal\": {\"first_response\": \"1h\", \"resolution\": \"8h\"}}}");
        inbox.post("/api/v1/routing-rules", "{\"name\": \"All\", \"then\": {\"team\": \"support\"}}");
        inbox.hear(InboxMentions.bluesky("did:plc:alice", "3k1", "acme?", NOW).build());
        long id = ana.json("/api/v1/cases").at("/items/0/id").asLong();
        assertThat(ana.json("/api/v1/cases?sla=ok").get("items")).hasSize(1);
        inbox.clock.advance(Duration.ofMinutes(50));
        assertThat(ana.json("/api/v1/cases?sla=at_risk").get("items")).hasSize(1);
        assertThat(inbox.inbox.checkSlas()).isZero();
        inbox.clock.advance(Duration.ofMinutes(20));
        assertThat(inbox.inbox.checkSlas()).isEqualTo(1);
        assertThat(inbox.inbox.checkSlas()).isZero();
        JsonNode breached = ana.json("/api/v1/cases?sla=breached").get("items");
        assertThat(breached).hasSize(1);
        assertThat(breached.at("/0/sla/response/remaining_minutes").asLong()).isEqualTo(-10);
        assertThat(ana.json("/api/v1/cases/" + id).get("history").toString()).contains("sla_breached");
        assertThat(inbox.breaches)
                .singleElement()
                .satisfies(alert -> assertThat(alert).containsEntry("timer", "response"));
        assertThat(inbox.inbox.metrics()).containsEntry("earshot_inbox_sla_breaches_total", 1L);
    }

    private long contact(String account) {
        for (JsonNode contact : ana.json("/api/v1/contacts?limit=200").get("items")) {
            for (JsonNode known : contact.get("accounts")) {
                if (known.get("id").asText().equals(account)) {
                    return contact.get("id").asLong();
                }
            }
        }
        throw new AssertionError("no contact with account " + account);
    }
}
