package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.domain.Author;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.domain.Span;
import io.earshot.domain.TopicMatch;
import io.earshot.enrich.Enrichment;
import io.earshot.enrich.entity.Entities;
import io.earshot.enrich.sentiment.Sentiment;
import io.earshot.enrich.sentiment.SentimentLabel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analytics API over mentions written straight to the archive, with exact counts, CSV and 400s. */
class AnalyticsApiTest {

    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static final String RANGE = "from=2025-03-01T12:00:00Z&to=2025-03-01T15:00:00Z";

    @TempDir
    Path data;

    @Test
    void volumeShareOfVoiceTopTrendingAndCompare() {
        try (EarshotApp app = EndToEndTest.start(data)) {
            ApiClient api = new ApiClient(app.port());
            long acme = topic(api, "Acme", "acme");
            long globex = topic(api, "Globex", "globex");
            long project = api.post(
                            "/api/v1/projects",
                            "{\"name\": \"Acme\", \"brand\": [" + acme + "], \"competitors\": [" + globex + "]}")
                    .json()
                    .get("id")
                    .asLong();
            List<Mention> mentions = new ArrayList<>();
            mentions.add(mention("m1", "a", 100, T0, "acme rocket #space", SentimentLabel.POSITIVE, 5, acme));
            mentions.add(mention("m2", "b", -1, T0.plusSeconds(600), "acme rocket", SentimentLabel.NEGATIVE, 3, acme));
            mentions.add(mention(
                    "m3", "a", 100, T0.plusSeconds(4200), "rocket globex", SentimentLabel.POSITIVE, 0, acme, globex));
            mentions.add(
                    mention("m4", "c", 50, T0.plusSeconds(7200), "globex anvil", SentimentLabel.NEUTRAL, 10, globex));
            mentions.add(mention("m5", "a", 100, T0.minusSeconds(3600), "acme news", SentimentLabel.POSITIVE, 0, acme));
            // c's newest post (it matched nothing): who c is, as top authors shows them
            Author carol = new Author(
                    Network.BLUESKY, "c", Optional.of("carol.test"), Optional.of("Carol"), OptionalLong.of(1200));
            mentions.add(new Mention(
                    Post.builder(new PostKey(Network.BLUESKY, "c-later"), carol, T0.plusSeconds(9000))
                            .text("lunch")
                            .build(),
                    List.of(),
                    Engagement.NONE));
            app.archive().upsert(mentions);
            app.archive().refresh();

            JsonNode volume = api.get("/api/v1/analytics/volume?topics=" + acme + "&interval=hour&" + RANGE)
                    .json();
            assertThat(volume.get("total").asLong()).isEqualTo(3);
            assertThat(volume.get("buckets").findValuesAsText("count")).containsExactly("2", "1", "0");

            JsonNode split = api.get("/api/v1/analytics/volume?project=" + project + "&split=sentiment&" + RANGE)
                    .json();
            assertThat(split.get("buckets").get(0).get("counts").toString())
                    .isEqualTo("{\"positive\":1,\"negative\":1,\"neutral\":0}");
            assertThat(api.get("/api/v1/analytics/volume?project=" + project + "&split=sentiment&format=csv&" + RANGE)
                            .body())
                    .isEqualTo("bucket_start,positive,negative,neutral\r\n"
                            + "2025-03-01T12:00:00Z,1,1,0\r\n"
                            + "2025-03-01T13:00:00Z,1,0,0\r\n"
                            + "2025-03-01T14:00:00Z,0,0,1\r\n");

            JsonNode sov = api.get("/api/v1/analytics/share-of-voice?project=" + project + "&" + RANGE)
                    .json();
            JsonNode brand = sov.get("topics").get(0);
            assertThat(brand.get("name").asText()).isEqualTo("Acme");
            assertThat(brand.get("mentions").asLong()).isEqualTo(3);
            assertThat(brand.get("mentionsShare").asDouble()).isEqualTo(0.6);
            assertThat(brand.get("positiveShare").asDouble()).isEqualTo(2.0 / 3);
            assertThat(brand.get("reach").asLong()).isEqualTo(200);
            assertThat(sov.get("brand").get("reachShare").asDouble()).isEqualTo(200.0 / 350);
            assertThat(api.get("/api/v1/analytics/share-of-voice?brand=" + acme + "&competitors=" + globex
                                    + "&format=csv&" + RANGE)
                            .body())
                    .startsWith("topicId,name,role,mentions,mentionsShare,")
                    .contains("\r\n" + acme + ",Acme,brand,3,0.6,2,");

            JsonNode top = api.get("/api/v1/analytics/top?topics=" + acme + "," + globex
                            + "&by=authors&rank=engagement&limit=2&" + RANGE)
                    .json();
            assertThat(top.get("items").toString())
                    .isEqualTo("[{\"value\":\"bluesky:c\",\"handle\":\"carol.test\",\"name\":\"Carol\","
                            + "\"followers\":1200,\"mentions\":1,\"engagement\":10},"
                            + "{\"value\":\"bluesky:a\",\"handle\":null,\"name\":null,\"followers\":100,"
                            + "\"mentions\":2,\"engagement\":5}]");
            assertThat(api.get("/api/v1/analytics/top?topics=" + acme + "," + globex
                                    + "&by=authors&rank=engagement&limit=2&format=csv&" + RANGE)
                            .body())
                    .isEqualTo("value,handle,name,mentions,engagement\r\nbluesky:c,carol.test,Carol,1,10\r\n"
                            + "bluesky:a,,,2,5\r\n");
            assertThat(api.get("/api/v1/analytics/top?topics=" + acme + "&by=terms&limit=2&format=csv&" + RANGE)
                            .body())
                    .isEqualTo("value,mentions,engagement\r\nrocket,3,8\r\nacme,2,8\r\n");

            JsonNode trending = api.get("/api/v1/analytics/trending?topics=" + acme
                            + "&minCount=1&baselineFrom=2025-03-01T09:00:00Z&" + RANGE)
                    .json();
            assertThat(trending.get("items").findValuesAsText("value")).containsExactly("rocket");
            assertThat(trending.get("method").asText()).contains("Poisson z-score");

            JsonNode compare = api.get("/api/v1/analytics/compare?topics=" + acme + "&bTopics=" + globex + "&" + RANGE)
                    .json();
            assertThat(compare.get("a").get("mentions").asLong()).isEqualTo(3);
            assertThat(compare.get("b").get("mentions").asLong()).isEqualTo(2);
            assertThat(compare.get("volume").get("test").asText()).contains("poisson-rate");
            // R: binom.test(2, 5, 0.5)$p.value = 1
            assertThat(compare.get("volume").get("pValue").asDouble()).isEqualTo(1.0);
            assertThat(compare.get("negativeShare").get("test").asText()).contains("two-proportion");
            JsonNode previous = api.get("/api/v1/analytics/compare?topics=" + acme + "&" + RANGE)
                    .json();
            assertThat(previous.get("a").get("from").asText()).isEqualTo("2025-03-01T09:00:00Z");
            assertThat(previous.get("a").get("mentions").asLong()).isEqualTo(1);
            assertThat(api.get("/api/v1/analytics/compare?topics=" + acme + "&format=csv&" + RANGE)
                            .body())
                    .startsWith(
                            "quantity,a,b,difference,relative,test,statistic,p_value,significant\r\nvolume,8.0,24.0,");
        }
    }

    @Test
    void mentionsExportAsCsvThatASpreadsheetCannotRun() {
        try (EarshotApp app = EndToEndTest.start(data)) {
            ApiClient api = new ApiClient(app.port());
            long acme = topic(api, "Acme", "acme");
            app.archive()
                    .upsert(List.of(
                            mention("old", "a", 1, T0.minusSeconds(60), "acme before", SentimentLabel.NEUTRAL, 0, acme),
                            mention(
                                    "x1",
                                    "a",
                                    100,
                                    T0,
                                    "=HYPERLINK(\"http://evil\") acme",
                                    SentimentLabel.NEGATIVE,
                                    2,
                                    acme),
                            mention(
                                    "x2",
                                    "b",
                                    -1,
                                    T0.plusSeconds(60),
                                    "acme, again",
                                    SentimentLabel.POSITIVE,
                                    0,
                                    acme)));
            app.archive().refresh();
            String csv = api.get("/api/v1/analytics/mentions?topic=" + acme + "&format=csv&" + RANGE)
                    .body();
            assertThat(csv.split("\r\n"))
                    .containsExactly(
                            "id,network,created_at,author_id,author_handle,followers,text,lang,topics,sentiment,emotion,"
                                    + "likes,reposts,replies,quotes,url",
                            "bluesky:x2,bluesky,2025-03-01T12:01:00Z,b,b,,\"acme, again\",en," + acme
                                    + ",positive,,0,0,0,0,bluesky:x2",
                            "bluesky:x1,bluesky,2025-03-01T12:00:00Z,a,a,100,\"'=HYPERLINK(\"\"http://evil\"\") acme\",en,"
                                    + acme + ",negative,,2,0,0,0,bluesky:x1");
            JsonNode json = api.get("/api/v1/analytics/mentions?topic=" + acme + "&limit=1&" + RANGE)
                    .json();
            assertThat(json.get("count").asInt()).isEqualTo(1);
            assertThat(json.get("truncated").asBoolean()).isTrue();
            assertThat(json.get("items").get(0).get("id").asText()).isEqualTo("bluesky:x2");
            assertBad(api, "/api/v1/analytics/mentions", "'topic' is required");
        }
    }

    @Test
    void badParametersAreRefusedWithWhatToDo() {
        try (EarshotApp app = EndToEndTest.start(data)) {
            ApiClient api = new ApiClient(app.port());
            String base = "/api/v1/analytics/";
            assertBad(api, base + "volume", "give 'topics'");
            assertBad(api, base + "volume?topics=1&project=1", "not both");
            assertBad(api, base + "volume?topics=x", "topic ids");
            assertBad(api, base + "volume?topics=1&interval=week", "minute, hour or day");
            assertBad(api, base + "volume?topics=1&tz=Mars/Olympus", "time zone");
            assertBad(api, base + "volume?topics=1&split=colour", "unknown split");
            assertBad(api, base + "volume?topics=1&from=yesterday", "instant like");
            assertBad(api, base + "volume?topics=1&from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z", "must be after");
            assertBad(
                    api,
                    base + "volume?topics=1&interval=minute&from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z",
                    "more than 10000");
            assertBad(api, base + "volume?topics=1&sentiment=happy", "unknown sentiment");
            assertBad(api, base + "volume?topics=1&q=%22unclosed", "");
            assertBad(api, base + "volume?topics=1&format=xml", "json or csv");
            assertBad(api, base + "top?topics=1", "'by' is required");
            assertBad(api, base + "top?topics=1&by=colours", "unknown 'by'");
            assertBad(api, base + "top?topics=1&by=terms&rank=likes", "count or engagement");
            assertBad(api, base + "top?topics=1&by=terms&limit=0", "between 1 and 1000");
            assertBad(api, base + "trending?topics=1&baselineFrom=2100-01-01T00:00:00Z", "before 'from'");
            assertBad(api, base + "share-of-voice", "give 'project'");
            assertBad(api, base + "share-of-voice?brand=1&competitors=1", "both brand and competitor");
            assertBad(api, base + "compare?topics=1&bFrom=2100-01-01T00:00:00Z", "must be after");
            assertThat(api.get(base + "share-of-voice?project=99").status()).isEqualTo(404);
        }
    }

    private static void assertBad(ApiClient api, String path, String message) {
        ApiClient.Response response = api.get(path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).as(path).contains(message);
    }

    private static long topic(ApiClient api, String name, String query) {
        return api.post("/api/v1/topics", "{\"name\":\"" + name + "\",\"query\":\"" + query + "\"}")
                .json()
                .get("id")
                .asLong();
    }

    private static Mention mention(
            String id,
            String author,
            long followers,
            Instant at,
            String text,
            SentimentLabel sentiment,
            long likes,
            long... topics) {
        Author who = new Author(
                Network.BLUESKY,
                author,
                Optional.empty(),
                Optional.empty(),
                followers < 0 ? OptionalLong.empty() : OptionalLong.of(followers));
        Post post = Post.builder(new PostKey(Network.BLUESKY, id), who, at)
                .text(text)
                .lang("en")
                .build();
        List<TopicMatch> matches = new ArrayList<>();
        for (long topic : topics) {
            matches.add(new TopicMatch(topic, List.of(new Span(0, 3))));
        }
        Enrichment heard = new Enrichment(new Sentiment(sentiment, 0.9), Optional.empty(), "en", Entities.NONE);
        return new Mention(post, matches, new Engagement(likes, 0, 0, 0), Optional.of(heard), Optional.empty());
    }
}
