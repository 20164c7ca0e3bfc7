package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through the whole server: ingested posts open routed cases, and a reply in the thread reopens a resolved one. */
class CaseEndToEndTest {

    @TempDir
    Path data;

    @Test
    void ingestedMentionsBecomeCasesAndTheirThreadsReopenThem() throws Exception {
        try (EarshotApp app = EndToEndTest.start(data)) {
            ApiClient api = new ApiClient(app.port());
            InboxClient ana = new InboxClient(app.port(), "ana");
            assertThat(api.post("/api/v1/topics", "{\"name\": \"Acme\", \"query\": \"acme\"}")
                            .status())
                    .isEqualTo(201);
            ApiClient.Response rule = ana.post(
                    "/api/v1/routing-rules",
                    "{\"name\": \"Complaints\", \"when\":"
                            + " \"is:complaint\", \"then\": {\"team\": \"support\", \"priority\": \"high\"}}");
            assertThat(rule.status()).as(rule.body()).isEqualTo(201);
            Thread.sleep(300); // the rule reaches the inbox's thread

            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            ingest(api, line("did:plc:alice", "3kroot", now, "acme lost my parcel, terrible", ""));
            JsonNode first = ana.await("/api/v1/cases", 1).get("items").get(0);
            assertThat(first.get("team").asText()).isEqualTo("support");
            assertThat(first.get("priority").asText()).isEqualTo("high");
            long id = first.get("id").asLong();
            assertThat(ana.patch("/api/v1/cases/" + id, "{\"status\": \"resolved\"}")
                            .status())
                    .isEqualTo(200);

            // "any news?" does not say acme: it reaches the inbox because it replies in the case's thread
            String root = "{\"uri\":\"at://did:plc:alice/app.bsky.feed.post/3kroot\",\"cid\":\"bafy3kroot\"}";
            ingest(
                    api,
                    line(
                            "did:plc:alice",
                            "3kreply",
                            now.plusSeconds(5),
                            "any news?",
                            ",\"reply\":{\"root\":" + root + ",\"parent\":" + root + "}"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            JsonNode reopened = ana.json("/api/v1/cases/" + id);
            while (!reopened.get("status").asText().equals("open") && System.nanoTime() < deadline) {
                Thread.sleep(50);
                reopened = ana.json("/api/v1/cases/" + id);
            }
            assertThat(reopened.get("status").asText()).isEqualTo("open");
            assertThat(reopened.at("/thread/messages")).hasSize(2);
            assertThat(reopened.get("history").toString())
                    .contains("\"type\":\"reopened\"")
                    .contains("\"actor\":\"ana\"");
            assertThat(ana.json("/api/v1/cases").get("items")).hasSize(1);

            // alice deletes her reply: the inbox forgets its text, the thread keeps its shape
            ingest(
                    api,
                    JetstreamLines.deletePost(
                            "did:plc:alice", "3kreply", now.plusSeconds(9).toEpochMilli() * 1000));
            long until = System.nanoTime() + 10_000_000_000L;
            JsonNode forgotten = ana.json("/api/v1/cases/" + id);
            while (!forgotten.at("/thread/messages/1/text").asText().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(50);
                forgotten = ana.json("/api/v1/cases/" + id);
            }
            assertThat(forgotten.at("/thread/messages/1/text").asText()).isEmpty();
            assertThat(forgotten.get("history").toString()).doesNotContain("any news?");
            assertThat(api.get("/metrics").body())
                    .contains("earshot_inbox_cases_opened_total 1")
                    .contains("earshot_inbox_cases_reopened_total 1");
        }
    }

    private static String line(String did, String rkey, Instant at, String text, String extra) {
        long micros = at.toEpochMilli() * 1000;
        return "{\"did\":\"" + did + "\",\"time_us\":" + micros + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"r"
                + micros
                + "\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"" + rkey
                + "\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"" + at + "\",\"langs\":[\"en\"],"
                + "\"text\":\"" + text + "\"" + extra + "},\"cid\":\"bafy" + rkey + "\"}}";
    }

    private static void ingest(ApiClient api, String line) {
        ApiClient.Response response = api.post("/api/v1/ingest?format=jetstream&wait=true", line);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }
}
