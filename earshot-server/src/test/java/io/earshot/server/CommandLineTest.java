package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.server.cli.EarshotCommand;
import io.earshot.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, as a user types it. */
class CommandLineTest {

    @TempDir
    Path data;

    @Test
    void topicsCanBeAddedListedAndRemoved() {
        assertThat(run("topic", "add", "Acme", "acme OR \"acme corp\"", "--data", data.toString()))
                .startsWith("1\tAcme\t");
        assertThat(run("topic", "list", "--data", data.toString())).contains("1\tAcme\tacme OR \"acme corp\"");
        assertThat(run("topic", "rm", "1", "--data", data.toString())).contains("removed topic 1");
        assertThat(run("topic", "list", "--data", data.toString())).isEmpty();
    }

    @Test
    void alertRulesCanBeAddedPausedListedAndRemoved() throws Exception {
        run("topic", "add", "Acme", "acme", "--data", data.toString());
        Path rule = data.resolve("rule.json");
        Files.writeString(
                rule, "{\"name\": \"Acme spikes\", \"topics\": [1], \"condition\": {\"type\": \"volume_spike\"}}");
        assertThat(run("alert", "add", rule.toString(), "--data", data.toString()))
                .isEqualTo("1\tAcme spikes\tvolume_spike\tactive");
        assertThat(run("alert", "pause", "1", "--data", data.toString())).endsWith("paused");
        assertThat(run("alert", "list", "--data", data.toString())).isEqualTo("1\tAcme spikes\tvolume_spike\tpaused");
        assertThat(run("alert", "history", "1", "--data", data.toString())).isEmpty();
        assertThat(run("alert", "rm", "1", "--data", data.toString())).contains("removed alert rule 1");
        Files.writeString(rule, "{\"name\": \"x\", \"topics\": [9], \"condition\": {\"type\": \"every_match\"}}");
        assertThat(EarshotCommand.execute("alert", "add", rule.toString(), "--data", data.toString()))
                .isNotZero();
        assertThat(run("alert", "list", "--data", data.toString())).isEmpty();
    }

    @Test
    void anInvalidQueryIsRefusedWithItsColumn() {
        assertThat(EarshotCommand.execute("topic", "add", "Broken", "acme AND (", "--data", data.toString()))
                .isNotZero();
    }

    @Test
    void replayReportsRejectedLinesAndKeepsTheRest() throws Exception {
        Path file = data.resolve("stream.jsonl");
        Files.writeString(file, JetstreamLines.post("did:plc:alice", "3aaa", 1, "hello acme") + "\n{oops\n");
        Path store = data.resolve("store");
        String out = run("replay", file.toString(), "--data", store.toString());
        assertThat(out).contains("2 lines, 1 events, 0 skipped, 1 rejected").contains("(+1)");
    }

    @Test
    void trainsASentimentModelReproducibly() throws Exception {
        List<String> rows = Files.readAllLines(Fixtures.data("sentiment/semeval-2013-2016-train.tsv"))
                .subList(0, 2_001);
        Path tsv = data.resolve("small.tsv");
        Files.write(tsv, rows);
        String first = run(
                "train",
                "sentiment",
                "--data",
                tsv.toString(),
                "--out",
                data.resolve("a.bin").toString(),
                "--seed",
                "7");
        run(
                "train",
                "sentiment",
                "--data",
                tsv.toString(),
                "--out",
                data.resolve("b.bin").toString(),
                "--seed",
                "7");
        assertThat(first).contains("wrote").contains("held out");
        assertThat(Files.readAllBytes(data.resolve("a.bin"))).isEqualTo(Files.readAllBytes(data.resolve("b.bin")));
    }

    @Test
    void theMatchingBenchmarkChecksBothEnginesAgree() {
        String json = run("bench", "match", "--topics", "200", "--posts", "300", "--threads", "1");
        assertThat(json)
                .contains("\"topics\": 200")
                .contains("\"posts\": 300")
                .contains("earshot_posts_per_sec")
                .contains("speedup");
        String matches = json.replaceAll(".*\"matches\": (\\d+).*", "$1");
        String baseline = json.replaceAll(".*\"baseline_matches\": (\\d+).*", "$1");
        assertThat(matches).isEqualTo(baseline);
    }

    @Test
    void classifyAnswersEveryLineInOrder() {
        String input = "I love this so much!\n\nthis is the worst day ever\n\u0000\u0007 odd\n";
        java.io.InputStream original = System.in;
        System.setIn(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            List<String> lines = run("classify", "--task", "sentiment").lines().toList();
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).startsWith("positive\t");
            assertThat(lines.get(2)).startsWith("negative\t");
            assertThat(lines)
                    .allMatch(line -> line.matches(
                            "(positive|neutral|negative)\t0\\.\\d{4}|(positive|neutral|negative)\t1\\.0000"));
            System.setIn(
                    new java.io.ByteArrayInputStream("so happy and grateful today\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(run("classify", "--task", "emotion")).matches("(anger|joy|optimism|sadness)\t\\d\\.\\d{4}");
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void evalPrintsTheFiguresForALabelledFile() throws Exception {
        List<String> rows = Files.readAllLines(Fixtures.data("emotion/tweeteval-emotion-val.tsv"))
                .subList(0, 101);
        Path tsv = data.resolve("val.tsv");
        Files.write(tsv, rows);
        String report = run("eval", "--task", "emotion", tsv.toString());
        assertThat(report.toLowerCase(java.util.Locale.ROOT))
                .contains("macro")
                .contains("accuracy")
                .contains("anger");
    }

    @Test
    void feedCheckSaysWhatItMakesOfEachFeed() throws Exception {
        Path good = Fixtures.fixture("feeds/rome/rss_2.0.xml");
        Path html = data.resolve("error.html");
        Files.writeString(html, "<!doctype html><html><body>502 Bad Gateway</body></html>");
        List<String> lines = run(
                        "feed",
                        "check",
                        good.toString(),
                        html.toString(),
                        data.resolve("missing.xml").toString())
                .lines()
                .toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("ok ").endsWith(good.toString());
        assertThat(lines.get(1)).startsWith("error " + html);
        assertThat(lines.get(2)).startsWith("error ");
        assertThat(EarshotCommand.execute("feed", "check", html.toString())).isEqualTo(1);
    }

    @Test
    void sourcesCanBeAddedListedAndRemoved() {
        String feed = "{\"type\":\"feed\",\"id\":\"news\",\"feeds\":[\"https://example.com/feed.xml\"]}";
        assertThat(run("source", "add", feed, "--data", data.toString())).isEqualTo("added source news");
        assertThat(EarshotCommand.execute("source", "add", feed, "--data", data.toString()))
                .isEqualTo(1);
        assertThat(EarshotCommand.execute(
                        "source", "add", "{\"type\":\"feed\",\"interval\":\"x\"}", "--data", data.toString()))
                .isEqualTo(1);
        assertThat(run("source", "list", "--data", data.toString())).startsWith("news\t{");
        assertThat(run("source", "rm", "news", "--data", data.toString())).isEqualTo("removed source news");
        assertThat(run("source", "list", "--data", data.toString())).isEmpty();
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help"))
                .contains("run")
                .contains("replay")
                .contains("topic")
                .contains("train");
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EarshotCommand.execute(args);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).strip();
    }
}
