package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application on a random port, real HTTP, real storage on disk, the real production fixture. */
class EndToEndTest {

    private static final String ALICE = "did:plc:aliceaaaaaaaaaaaaaaaaaaa";
    private static final String BOB = "did:plc:bobbbbbbbbbbbbbbbbbbbbbb";
    private static final String CAROL = "did:plc:carolccccccccccccccccccc";

    @TempDir
    Path data;

    private EarshotApp app;
    private ApiClient api;

    @BeforeEach
    void start() {
        app = start(data);
        api = new ApiClient(app.port());
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    static EarshotApp start(Path data) {
        EarshotConfig config = EarshotConfig.fromEnvironment(java.util.Map.of("EARSHOT_API_TOKEN", ApiClient.TOKEN))
                .withDataDir(data)
                .withListen("127.0.0.1", 0)
                .withSource(EarshotConfig.SourceChoice.NONE);
        return EarshotApp.start(config);
    }

    private long createTopic(String name, String query) {
        ApiClient.Response created = api.post(
                "/api/v1/topics", "{\"name\":\"" + name + "\",\"query\":\"" + query.replace("\"", "\\\"") + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    @Test
    void productionFixtureBecomesSearchableMentions() throws Exception {
        long government = createTopic("Government", "government");
        long band = createTopic("Bands", "band AND NOT asylum");
        long tag = createTopic("Hashtag", "#HowToTellAiToShutUp");

        ApiClient.Response ingest = api.post(
                "/api/v1/ingest?format=jetstream",
                Files.readAllBytes(Fixtures.fixture("jetstream/production-2026-07-04.jsonl")));
        assertThat(ingest.status()).as(ingest.body()).isEqualTo(202);
        assertThat(ingest.json().get("accepted").asLong()).isEqualTo(152);
        assertThat(ingest.json().get("rejected").asLong()).isZero();

        JsonNode governmentMentions = api.await(
                        "/api/v1/mentions?topic=" + government,
                        page -> page.get("total").asLong() == 3)
                .json();
        assertThat(governmentMentions.get("total").asLong()).isEqualTo(3);
        for (JsonNode item : governmentMentions.get("items")) {
            String text = item.get("text").asText();
            assertThat(text.toLowerCase()).contains("government");
            assertThat(item.get("network").asText()).isEqualTo("bluesky");
            assertThat(item.get("topics").get(0).asLong()).isEqualTo(government);
            JsonNode span = item.get("matches").get(0).get("spans").get(0);
            assertThat(text.substring(span.get(0).asInt(), span.get(1).asInt()).toLowerCase())
                    .isEqualTo("government");
            assertThat(item.get("url").asText()).startsWith("https://bsky.app/profile/did:plc:");
        }
        // newest first
        List<String> created = new ArrayList<>();
        governmentMentions
                .get("items")
                .forEach(item -> created.add(item.get("createdAt").asText()));
        assertThat(created).isSortedAccordingTo((a, b) -> b.compareTo(a));

        // "a band's event" matches band (possessive), and the one mentioning asylum is excluded
        JsonNode bands = api.await(
                        "/api/v1/mentions?topic=" + band,
                        page -> page.get("total").asLong() >= 1)
                .json();
        assertThat(bands.get("total").asLong()).isEqualTo(1);
        assertThat(bands.get("items").get(0).get("text").asText()).contains("about a band");

        JsonNode tagged = api.await(
                        "/api/v1/mentions?topic=" + tag,
                        page -> page.get("total").asLong() >= 1)
                .json();
        assertThat(tagged.get("total").asLong()).isEqualTo(1);
        assertThat(tagged.get("items").get(0).get("hashtags").toString()).contains("HowToTellAiToShutUp");

        // archive search uses the same language
        JsonNode searched = api.get("/api/v1/mentions?q=" + ApiClient.encode("government AND election"))
                .json();
        assertThat(searched.get("total").asLong()).isEqualTo(2);
        JsonNode searchedNot = api.get("/api/v1/mentions?q=" + ApiClient.encode("government NOT election"))
                .json();
        assertThat(searchedNot.get("total").asLong()).isEqualTo(1);
        assertThat(searchedNot.get("items").get(0).get("text").asText()).startsWith("The government you're trying");
        JsonNode searchedOr = api.get("/api/v1/mentions?q=" + ApiClient.encode("\"new government\" OR asylum"))
                .json();
        // the post about asylum matched no topic (it was excluded from "Bands"), so it is not a mention
        assertThat(searchedOr.get("total").asLong()).isEqualTo(1);

        JsonNode health = api.get("/health").json();
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("ingest").get("posts_stored").asLong()).isEqualTo(17);
        // reposts, replies, quotes, mentions and follows are kept as graph edges, stored post or not (likes are not)
        JsonNode graph = health.get("graph");
        assertThat(graph.get("byKind").get("repost").asLong()).isEqualTo(15);
        assertThat(graph.get("byKind").has("like")).isFalse();
        // the capture's three unfollows undo follows made before it started, so all six follows stay
        assertThat(graph.get("byKind").get("follow").asLong()).isEqualTo(6);
        assertThat(graph.get("edges").asLong()).isEqualTo(app.graph().count()).isPositive();
    }

    @Test
    void topicCreatedAfterIngestIsAppliedToStoredPosts() throws Exception {
        ApiClient.Response ingest = api.post(
                "/api/v1/ingest?format=jetstream&wait=true",
                Files.readAllBytes(Fixtures.fixture("jetstream/production-2026-07-04.jsonl")));
        assertThat(ingest.status()).isEqualTo(202);
        long topic = createTopic("Government", "government");
        JsonNode mentions = api.await(
                        "/api/v1/mentions?topic=" + topic,
                        page -> page.get("total").asLong() == 3)
                .json();
        assertThat(mentions.get("total").asLong()).isEqualTo(3);
    }

    @Test
    void deletesEditsAndCountersFlowThrough() throws Exception {
        long topic = createTopic("Acme", "acme");
        String lines = String.join(
                "\n",
                JetstreamLines.post(ALICE, "3aaaaaaaaaaa1", 1_000_001, "I love my Acme rocket"),
                JetstreamLines.post(ALICE, "3aaaaaaaaaaa2", 1_000_002, "Acme anvils are heavy"),
                JetstreamLines.like(BOB, "3bbbbbbbbbbb1", 1_000_003, ALICE, "3aaaaaaaaaaa1"),
                JetstreamLines.like(CAROL, "3ccccccccccc1", 1_000_004, ALICE, "3aaaaaaaaaaa1"),
                JetstreamLines.repost(BOB, "3bbbbbbbbbbb2", 1_000_005, ALICE, "3aaaaaaaaaaa1"),
                JetstreamLines.identity(ALICE, "alice.example.com", 1_000_006));
        assertThat(api.post("/api/v1/ingest?format=jetstream&wait=true", lines).status())
                .isEqualTo(202);
        JsonNode first = mention(ALICE + ":3aaaaaaaaaaa1");
        assertThat(first.get("likes").asLong()).isEqualTo(2);
        assertThat(first.get("reposts").asLong()).isEqualTo(1);

        // replaying the same lines doubles nothing
        assertThat(api.post("/api/v1/ingest?format=jetstream&wait=true", lines).status())
                .isEqualTo(202);
        assertThat(mention(ALICE + ":3aaaaaaaaaaa1").get("likes").asLong()).isEqualTo(2);
        assertThat(api.get("/api/v1/mentions?topic=" + topic)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);

        // an unlike takes one back; an edit changes the text and re-matches; a delete removes the post for good
        String changes = String.join(
                "\n",
                JetstreamLines.unlike(CAROL, "3ccccccccccc1", 1_000_010),
                JetstreamLines.edit(ALICE, "3aaaaaaaaaaa1", 1_000_011, "I love my Acme rocket, edited"),
                JetstreamLines.edit(ALICE, "3aaaaaaaaaaa2", 1_000_012, "Anvils are heavy (no brand)"),
                JetstreamLines.deletePost(ALICE, "3aaaaaaaaaaa1", 1_000_013));
        assertThat(api.post("/api/v1/ingest?format=jetstream&wait=true", changes)
                        .status())
                .isEqualTo(202);
        assertThat(api.get("/api/v1/mentions/" + ALICE + ":3aaaaaaaaaaa1").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/mentions?topic=" + topic)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();

        // a late copy of the deleted post never comes back
        assertThat(api.post(
                                "/api/v1/ingest?format=jetstream&wait=true",
                                JetstreamLines.post(ALICE, "3aaaaaaaaaaa1", 1_000_001, "I love my Acme rocket"))
                        .status())
                .isEqualTo(202);
        assertThat(api.get("/api/v1/mentions/" + ALICE + ":3aaaaaaaaaaa1").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/mentions?topic=" + topic)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void handlesLearnedFromIdentityEventsAreShown() throws Exception {
        createTopic("Acme", "acme");
        String lines = String.join(
                "\n",
                JetstreamLines.identity(ALICE, "alice.example.com", 1_000_000),
                JetstreamLines.post(ALICE, "3aaaaaaaaaaa9", 1_000_001, "Acme again"));
        api.post("/api/v1/ingest?format=jetstream&wait=true", lines);
        assertThat(mention(ALICE + ":3aaaaaaaaaaa9").get("author").get("handle").asText())
                .isEqualTo("alice.example.com");
    }

    @Test
    void badLinesAreRejectedWithTheirNumbersAndGoodOnesKept() throws Exception {
        long topic = createTopic("Acme", "acme");
        byte[] invalidUtf8 = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        String huge = "{\"did\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes((JetstreamLines.post(ALICE, "3aaaaaaaaaab1", 2_000_001, "Acme one") + "\n").getBytes());
        body.writeBytes("{not json\n".getBytes());
        body.writeBytes("{\"did\":\"did:plc:x\",\"kind\":\"commit\"}\n".getBytes());
        body.writeBytes((huge + "\n").getBytes());
        body.write(invalidUtf8);
        body.writeBytes("\n\n".getBytes());
        body.writeBytes((JetstreamLines.post(ALICE, "3aaaaaaaaaab2", 2_000_002, "Acme two") + "\n").getBytes());
        ApiClient.Response response = api.post("/api/v1/ingest?format=jetstream&wait=true", body.toByteArray());
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode json = response.json();
        assertThat(json.get("accepted").asLong()).isEqualTo(2);
        assertThat(json.get("rejected").asLong()).isEqualTo(4);
        List<Integer> lines = new ArrayList<>();
        json.get("errors").forEach(error -> {
            lines.add(error.get("line").asInt());
            assertThat(error.get("error").asText()).isNotBlank();
        });
        assertThat(lines).containsExactly(2, 3, 4, 5);
        assertThat(json.get("errors").get(2).get("error").asText()).contains("longer than");
        assertThat(json.get("errors").get(3).get("error").asText()).contains("UTF-8");
        assertThat(api.get("/api/v1/mentions?topic=" + topic)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void invalidQueriesGetA400WithPosition() {
        ApiClient.Response bad = api.post("/api/v1/topics", "{\"name\":\"Broken\",\"query\":\"(acme OR\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).startsWith("column ");
        assertThat(bad.json().get("position").asInt()).isPositive();
        assertThat(api.get("/api/v1/topics").json().get("items")).isEmpty();
        ApiClient.Response badSearch = api.get("/api/v1/mentions?q=" + ApiClient.encode("acme AND"));
        assertThat(badSearch.status()).isEqualTo(400);
        assertThat(badSearch.json().has("position")).isTrue();
        assertThat(api.post("/api/v1/topics", "{not json").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/topics", "{\"query\":\"acme\"}")
                        .json()
                        .get("error")
                        .asText())
                .contains("name");
        assertThat(api.get("/api/v1/mentions?limit=5000").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/mentions?cursor=garbage").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/ingest?format=nope", "{}").status()).isEqualTo(400);
    }

    @Test
    void topicsCanBeReadChangedAndDeleted() throws Exception {
        long id = createTopic("Acme", "acme");
        assertThat(api.get("/api/v1/topics/" + id).json().get("query").asText()).isEqualTo("acme");
        ApiClient.Response updated =
                api.put("/api/v1/topics/" + id, "{\"name\":\"Acme Corp\",\"query\":\"\\\"acme corp\\\"\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("name").asText()).isEqualTo("Acme Corp");
        api.post(
                "/api/v1/ingest?format=jetstream&wait=true",
                String.join(
                        "\n",
                        JetstreamLines.post(ALICE, "3aaaaaaaaaac1", 3_000_001, "Acme Corp shipped"),
                        JetstreamLines.post(ALICE, "3aaaaaaaaaac2", 3_000_002, "acme alone")));
        assertThat(api.await(
                                "/api/v1/mentions?topic=" + id,
                                page -> page.get("total").asLong() == 1)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.delete("/api/v1/topics/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/topics/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/topics/" + id).status()).isEqualTo(404);
        assertThat(api.await("/api/v1/mentions", page -> page.get("total").asLong() == 0)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void pagesWalkTheWholeListWithoutGapsOrDuplicates() throws Exception {
        long topic = createTopic("Acme", "acme");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            lines.add(JetstreamLines.post(ALICE, String.format("3aaaaaaaaa%03d", i), 4_000_000 + i, "acme number " + i)
                    .replace("2026-07-04T12:00:00.000Z", String.format("2026-07-04T12:%02d:00.000Z", i)));
        }
        api.post("/api/v1/ingest?format=jetstream&wait=true", String.join("\n", lines));
        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            ApiClient.Response response = api.get("/api/v1/mentions?topic=" + topic + "&limit=10"
                    + cursor.map(c -> "&cursor=" + ApiClient.encode(c)).orElse(""));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode page = response.json();
            page.get("items").forEach(item -> seen.add(item.get("id").asText()));
            cursor = page.get("next").isNull()
                    ? Optional.empty()
                    : Optional.of(page.get("next").asText());
        } while (cursor.isPresent());
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(seen.get(0)).endsWith("3aaaaaaaaa024");
    }

    private JsonNode mention(String nativeId) {
        ApiClient.Response response = api.get("/api/v1/mentions/bluesky:" + nativeId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
