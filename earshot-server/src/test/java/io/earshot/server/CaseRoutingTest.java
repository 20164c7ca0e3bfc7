package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.enrich.emotion.EmotionLabel;
import io.earshot.testkit.inbox.InboxMentions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing rules over HTTP: conditions, first and all matches, order, assignment, and the queues they fill. */
class CaseRoutingTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir
    Path data;

    private InboxHarness inbox;
    private InboxClient lead;

    @BeforeEach
    void open() {
        inbox = new InboxHarness(data, NOW);
        lead = new InboxClient(inbox.http.port(), "lead");
    }

    @AfterEach
    void close() {
        inbox.close();
    }

    @Test
    void theDefaultTeamsAreThereAndEditable() {
        assertThat(lead.json("/api/v1/teams").get("items"))
                .extracting(team -> team.get("id").asText())
                .containsExactly("pr", "marketing", "sales", "support", "product");
        ApiClient.Response changed = lead.put(
                "/api/v1/teams/support",
                "{\"name\": \"Customer care\", \"members\":"
                        + " [\"ana\", \"ben\"], \"hours\": {\"zone\": \"Europe/Paris\", \"days\": {\"mon\": \"09:00-17:00\"}},"
                        + " \"sla\": {\"high\": {\"first_response\": \"1h\", \"resolution\": \"1h30m\"}}}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().at("/sla/high/resolution").asText()).isEqualTo("1h30m");
        assertThat(lead.put("/api/v1/teams/support", "{\"hours\": {\"zone\": \"Mars/Olympus\"}}")
                        .body())
                .contains("time zone");
        assertThat(lead.post("/api/v1/teams", "{\"id\": \"Legal team\"}").status())
                .isEqualTo(400);
    }

    @Test
    void complaintsQuestionsAndInfluencersGoWhereTheRulesSay() {
        rule("{\"name\": \"Influencers\", \"when\": \"followers:>=10k\", \"then\": {\"team\": \"pr\", \"priority\":"
                + " \"urgent\"}}");
        rule("{\"name\": \"Complaints\", \"when\": \"is:complaint\", \"then\": {\"team\": \"support\", \"priority\":"
                + " \"high\", \"tags\": [\"complaint\"]}}");
        rule("{\"name\": \"Questions\", \"when\": \"is:question\", \"then\": {\"team\": \"support\", \"tags\":"
                + " [\"question\"]}}");
        rule("{\"name\": \"Pricing in German\", \"when\": \"(price OR pricing) lang:de\", \"then\": {\"team\":"
                + " \"sales\"}}");
        // first: anger is a complaint too, and the first match wins
        rule("{\"name\": \"Angry Mastodon\", \"when\": \"network:mastodon AND emotion:anger\", \"then\": {\"team\":"
                + " \"pr\"}, \"position\": 1}");
        inbox.hear(
                InboxMentions.bluesky("did:plc:star", "3k1", "trying acme today", NOW)
                        .followers(250_000)
                        .build(),
                InboxMentions.bluesky("did:plc:alice", "3k2", "acme lost my parcel", NOW)
                        .negative()
                        .build(),
                InboxMentions.bluesky("did:plc:bob", "3k3", "how do I export from acme", NOW)
                        .build(),
                InboxMentions.bluesky("did:plc:carl", "3k4", "acme pricing ist gut", NOW)
                        .lang("de")
                        .build(),
                InboxMentions.mastodon("m.example", "1", "dora@m.example", "https://m.example/1", "ugh acme", NOW)
                        .emotion(EmotionLabel.ANGER)
                        .build(),
                InboxMentions.bluesky("did:plc:erin", "3k6", "acme is fine", NOW)
                        .build());
        JsonNode cases = lead.json("/api/v1/cases").get("items");
        assertThat(cases).hasSize(6);
        assertThat(byAuthor(cases, "bluesky:did:plc:star").get("team").asText()).isEqualTo("pr");
        assertThat(byAuthor(cases, "bluesky:did:plc:star").get("priority").asText())
                .isEqualTo("urgent");
        JsonNode complaint = byAuthor(cases, "bluesky:did:plc:alice");
        assertThat(complaint.get("team").asText()).isEqualTo("support");
        assertThat(complaint.get("tags").toString()).isEqualTo("[\"complaint\"]");
        assertThat(byAuthor(cases, "bluesky:did:plc:bob").get("tags").toString())
                .contains("question");
        assertThat(byAuthor(cases, "bluesky:did:plc:carl").get("team").asText()).isEqualTo("sales");
        assertThat(byAuthor(cases, "mastodon:dora@m.example").get("team").asText())
                .isEqualTo("pr");
        assertThat(byAuthor(cases, "bluesky:did:plc:erin").get("team").isNull()).isTrue();
        assertThat(lead.json("/api/v1/cases?team=support").get("items")).hasSize(2);
        assertThat(lead.json("/api/v1/cases?team=support&status=new").get("items"))
                .hasSize(2);
        // the history says which rule routed it
        JsonNode history =
                lead.json("/api/v1/cases/" + complaint.get("id").asLong()).get("history");
        assertThat(history.get(1).get("type").asText()).isEqualTo("routed");
        assertThat(history.get(1).get("to").asText()).isEqualTo("Complaints");
    }

    @Test
    void firstMatchStopsAllMatchesCombineAndOrderCounts() {
        long support = rule("{\"name\": \"Refunds\", \"when\": \"refund\", \"then\": {\"team\": \"support\","
                + " \"tags\": [\"refund\"], \"priority\": \"normal\"}}");
        long sales = rule("{\"name\": \"Big\", \"when\": \"followers:>1000\", \"then\": {\"team\": \"sales\", \"tags\":"
                + " [\"vip\"], \"priority\": \"high\"}}");
        inbox.hear(InboxMentions.bluesky("did:plc:a", "3k1", "acme refund please", NOW)
                .followers(5000)
                .build());
        JsonNode first = lead.json("/api/v1/cases").get("items").get(0);
        assertThat(first.get("team").asText()).isEqualTo("support");
        assertThat(first.get("tags").toString()).isEqualTo("[\"refund\"]");

        assertThat(lead.put("/api/v1/routing-rules/mode", "{\"mode\": \"all\"}").status())
                .isEqualTo(200);
        inbox.settle();
        inbox.hear(InboxMentions.bluesky("did:plc:b", "3k2", "acme refund please", NOW)
                .followers(5000)
                .build());
        JsonNode all = lead.json("/api/v1/cases").get("items").get(0);
        assertThat(all.get("team").asText()).isEqualTo("support");
        assertThat(all.get("priority").asText()).isEqualTo("high");
        assertThat(all.get("tags").toString()).isEqualTo("[\"refund\",\"vip\"]");

        lead.put("/api/v1/routing-rules/mode", "{\"mode\": \"first\"}");
        ApiClient.Response reordered =
                lead.put("/api/v1/routing-rules/order", "{\"ids\": [" + sales + ", " + support + "]}");
        assertThat(reordered.json().at("/items/0/name").asText()).isEqualTo("Big");
        inbox.settle();
        inbox.hear(InboxMentions.bluesky("did:plc:c", "3k3", "acme refund please", NOW)
                .followers(5000)
                .build());
        assertThat(lead.json("/api/v1/cases").at("/items/0/team").asText()).isEqualTo("sales");

        // a trial says what the rules would do, without opening a case
        JsonNode trial = lead.post("/api/v1/routing-rules/test", "{\"text\": \"refund?\", \"followers\": 200}")
                .json();
        assertThat(trial.get("matched").toString()).isEqualTo("[\"Refunds\"]");
        assertThat(trial.at("/then/team").asText()).isEqualTo("support");
        assertThat(lead.json("/api/v1/cases").get("items")).hasSize(3);
    }

    @Test
    void rulesAreCheckedWithMessagesThatSayWhatToFix() {
        assertThat(lead.post("/api/v1/routing-rules", "{\"name\": \"x\", \"when\": \"followers:lots\", \"then\": {}}")
                        .body())
                .contains("followers:>10000");
        assertThat(lead.post("/api/v1/routing-rules", "{\"name\": \"x\", \"when\": \"sentiment:grumpy\", \"then\": {}}")
                        .body())
                .contains("positive, neutral or negative");
        assertThat(lead.post("/api/v1/routing-rules", "{\"name\": \"x\", \"then\": {\"team\": \"legal\"}}")
                        .body())
                .contains("no team 'legal'");
        assertThat(lead.post("/api/v1/routing-rules", "{\"name\": \"x\", \"then\": {\"priority\": \"asap\"}}")
                        .body())
                .contains("low, normal, high or urgent");
        assertThat(lead.post("/api/v1/routing-rules", "{\"name\": \"x\", \"than\": {}}")
                        .body())
                .contains("unknown field \\\"than\\\"");
        long id = rule("{\"name\": \"ok\", \"then\": {\"team\": \"support\"}}");
        assertThat(lead.delete("/api/v1/teams/support").status()).isEqualTo(409);
        assertThat(lead.delete("/api/v1/routing-rules/" + id).status()).isEqualTo(204);
    }

    @Test
    void roundRobinTakesTurnsAndLeastBusyFillsTheEmptiestDesk() {
        lead.put("/api/v1/teams/support", "{\"members\": [\"ana\", \"ben\", \"cy\"]}");
        rule("{\"name\": \"Support\", \"when\": \"help\", \"then\": {\"team\": \"support\", \"assign\":"
                + " \"round_robin\"}}");
        List<String> assignees = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inbox.hear(InboxMentions.bluesky("did:plc:rr" + i, "3k" + i, "help acme", NOW)
                    .build());
            assignees.add(lead.json("/api/v1/cases").at("/items/0/assignee").asText());
        }
        assertThat(assignees).containsExactly("ana", "ben", "cy", "ana");

        // ben resolves his case; ana holds 2, cy 1, ben 0: least busy gives the next to ben, then ben or cy
        long bens = lead.json("/api/v1/cases?assignee=ben").at("/items/0/id").asLong();
        lead.as("ben").patch("/api/v1/cases/" + bens, "{\"status\": \"resolved\"}");
        long rule = lead.json("/api/v1/routing-rules").at("/items/0/id").asLong();
        lead.put(
                "/api/v1/routing-rules/" + rule,
                "{\"name\": \"Support\", \"when\": \"help\", \"then\": {\"team\":"
                        + " \"support\", \"assign\": \"least_busy\"}}");
        inbox.settle();
        inbox.hear(InboxMentions.bluesky("did:plc:lb1", "3l1", "help acme", NOW).build());
        assertThat(lead.json("/api/v1/cases").at("/items/0/assignee").asText()).isEqualTo("ben");
        inbox.hear(InboxMentions.bluesky("did:plc:lb2", "3l2", "help acme", NOW).build());
        String next = lead.json("/api/v1/cases").at("/items/0/assignee").asText();
        assertThat(next).isIn("ben", "cy");
        assertThat(lead.json("/api/v1/cases?assignee=ana&status=new,open").get("items"))
                .hasSize(2);
    }

    @Test
    void queuesPageWithNext() {
        for (int i = 0; i < 5; i++) {
            inbox.hear(InboxMentions.bluesky("did:plc:p" + i, "3p" + i, "acme " + i, NOW)
                    .build());
        }
        JsonNode first = lead.json("/api/v1/cases?limit=2");
        assertThat(first.get("items")).hasSize(2);
        JsonNode second = lead.json(first.get("next").asText());
        assertThat(second.get("items")).hasSize(2);
        assertThat(second.at("/items/0/id").asLong())
                .isLessThan(first.at("/items/1/id").asLong());
        JsonNode last = lead.json(second.get("next").asText());
        assertThat(last.get("items")).hasSize(1);
        assertThat(lead.json("/api/v1/cases?assignee=none").get("items")).hasSize(5);
    }

    @Test
    void sortedByDueTheOldestUrgentCaseComesFirst() {
        rule("{\"name\": \"Outages\", \"when\": \"down\", \"then\": {\"team\": \"support\", \"priority\":"
                + " \"urgent\"}}");
        rule("{\"name\": \"Rest\", \"then\": {\"team\": \"support\"}}");
        inbox.hear(
                InboxMentions.bluesky("did:plc:u", "3u1", "acme is down", NOW).build());
        inbox.hear(
                InboxMentions.bluesky("did:plc:n", "3n1", "acme pricing", NOW).build());
        inbox.hear(InboxMentions.bluesky("did:plc:x", "3x1", "acme thanks", NOW).build());
        assertThat(lead.json("/api/v1/cases").get("items"))
                .extracting(c -> c.get("priority").asText())
                .containsExactly("normal", "normal", "urgent");
        JsonNode due = lead.json("/api/v1/cases?sort=due&limit=2");
        assertThat(due.get("items")).extracting(c -> c.get("priority").asText()).containsExactly("urgent", "normal");
        assertThat(lead.json(due.get("next").asText()).get("items")).hasSize(1);
        assertThat(lead.get("/api/v1/cases?sort=oldest").status()).isEqualTo(400);
    }

    private long rule(String json) {
        ApiClient.Response created = lead.post("/api/v1/routing-rules", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        inbox.settle();
        return created.json().get("id").asLong();
    }

    private static JsonNode byAuthor(JsonNode cases, String author) {
        for (JsonNode c : cases) {
            if (c.get("author").asText().equals(author)) {
                return c;
            }
        }
        throw new AssertionError("no case by " + author + " in " + cases);
    }
}
