package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.server.cli.EarshotCommand;
import io.earshot.server.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code earshot eval influence} and {@code earshot bench influence} on a small generated stream. */
class InfluenceCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void evalPrintsOneJsonLineWithBothBaselines() throws IOException {
        Path stream = generatedStream();

        String out = run("eval", "influence", "--graph", stream.toString(), "--split-at", "1000000");

        assertThat(out.lines()).hasSize(1);
        JsonNode result = Json.read(out);
        assertThat(result.get("precision_at_100").asDouble()).isBetween(0.0, 1.0);
        assertThat(result.get("spearman").asDouble()).isGreaterThan(0.5);
        assertThat(result.get("baseline_retweets").get("precision_at_100").isNumber())
                .isTrue();
        assertThat(result.get("baseline_amplifiers").get("spearman").isNumber()).isTrue();
    }

    @Test
    void benchPrintsOneJsonLine() throws IOException {
        String out = run("bench", "influence", "--graph", generatedStream().toString());

        JsonNode result = Json.read(out);
        assertThat(result.get("nodes").asInt()).isGreaterThan(100);
        assertThat(result.get("edges").asInt()).isEqualTo(2 * (1 + 2 + 3 + 4 + 5) * 40);
        assertThat(result.get("full_recompute_ms").asDouble()).isNotNegative();
        assertThat(result.get("incremental_update_ms").asDouble()).isLessThan(1000);
    }

    @Test
    void aMissingFileOrSplitIsAnError() {
        assertThat(EarshotCommand.execute(
                        "eval", "influence", "--graph", dir.resolve("none.gz").toString(), "--split-at", "1"))
                .isEqualTo(1);
        assertThat(EarshotCommand.execute("eval", "influence", "--graph", "x")).isEqualTo(2);
    }

    /** 200 writers reposted before and after 1,000,000 by 1 to 5 readers each (gzipped, like the Higgs file). */
    private Path generatedStream() throws IOException {
        Path file = dir.resolve("stream.txt.gz");
        StringBuilder lines = new StringBuilder();
        int reader = 10_000;
        for (int writer = 0; writer < 200; writer++) {
            for (int r = 0; r <= writer % 5; r++) {
                lines.append(reader++)
                        .append(' ')
                        .append(writer)
                        .append(' ')
                        .append(999_000 + writer)
                        .append(" RT\n");
                lines.append(reader++)
                        .append(' ')
                        .append(writer)
                        .append(' ')
                        .append(1_001_000 + writer)
                        .append(" RT\n");
            }
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(EarshotCommand.execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
