package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A topic's Atom feed: its key opens it, a rotated key no longer does, and it parses as Atom. */
class AtomFeedTest {

    @TempDir
    Path data;

    @Test
    void aFeedReaderWithTheKeyGetsTheNewestMentionsAsAtom() throws Exception {
        EarshotConfig config = EarshotConfig.fromEnvironment(Map.of("EARSHOT_API_TOKEN", "admin-token"))
                .withDataDir(data)
                .withListen("127.0.0.1", 0)
                .withSource(EarshotConfig.SourceChoice.NONE);
        try (EarshotApp app = EarshotApp.start(config)) {
            ApiClient api = new ApiClient(app.port(), "admin-token");
            ApiClient anonymous = ApiClient.anonymous(app.port());
            long topic = api.post("/api/v1/topics", "{\"name\":\"Acme\",\"query\":\"acme\"}")
                    .json()
                    .get("id")
                    .asLong();
            api.post(
                    "/api/v1/ingest?format=jetstream&wait=true",
                    String.join(
                            "\n",
                            JetstreamLines.post("did:plc:alice", "3f1", 1_700_000_000_000_000L, "acme first"),
                            JetstreamLines.post(
                                    "did:plc:bob", "3f2", 1_700_000_060_000_000L, "acme <b>second</b> & more"),
                            JetstreamLines.post("did:plc:bob", "3f3", 1_700_000_120_000_000L, "not about it")));
            String url = api.get("/api/v1/topics/" + topic + "/feed-key")
                    .json()
                    .get("url")
                    .asText();
            String key = url.substring(url.indexOf("key=") + 4);
            String path = "/feeds/topics/" + topic + ".atom?key=" + key;
            ApiClient.Response feed = anonymous.get(path);
            assertThat(feed.status()).isEqualTo(200);
            SyndFeed parsed = new SyndFeedInput().build(new StringReader(feed.body()));
            assertThat(parsed.getFeedType()).isEqualTo("atom_1.0");
            assertThat(parsed.getTitle()).isEqualTo("Earshot: Acme");
            assertThat(parsed.getEntries()).hasSize(2);
            // both posts say they were made at the same second: the order between them is the archive's
            assertThat(parsed.getEntries())
                    .extracting(entry -> entry.getContents().get(0).getValue())
                    .containsExactlyInAnyOrder("acme <b>second</b> & more", "acme first");

            assertThat(anonymous.get("/feeds/topics/" + topic + ".atom").status())
                    .isEqualTo(401);
            assertThat(anonymous
                            .get("/feeds/topics/" + topic + ".atom?key=wrong")
                            .status())
                    .isEqualTo(401);
            assertThat(api.get("/feeds/topics/" + topic + ".atom").status())
                    .as("the API token works too")
                    .isEqualTo(200);

            String rotated = api.post("/api/v1/topics/" + topic + "/feed-key", "")
                    .json()
                    .get("key")
                    .asText();
            assertThat(rotated).isNotEqualTo(key);
            assertThat(anonymous.get(path).status()).isEqualTo(401);
            assertThat(anonymous
                            .get("/feeds/topics/" + topic + ".atom?key=" + rotated)
                            .status())
                    .isEqualTo(200);
            assertThat(api.delete("/api/v1/topics/" + topic + "/feed-key").status())
                    .isEqualTo(204);
            assertThat(anonymous
                            .get("/feeds/topics/" + topic + ".atom?key=" + rotated)
                            .status())
                    .isEqualTo(401);
        }
    }
}
