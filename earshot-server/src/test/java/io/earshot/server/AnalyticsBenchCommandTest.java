package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.server.cli.EarshotCommand;
import io.earshot.server.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code earshot bench analytics} on a small archive: one JSON line with p50/p95 per query, archive removed. */
class AnalyticsBenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsLatencyPercentilesPerQueryAndCleansUp() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EarshotCommand.execute(new String[] {
                "bench", "analytics", "--mentions", "3000", "--repetitions", "2", "--dir", dir.toString()
            });
        } finally {
            System.setOut(original);
        }
        JsonNode json = Json.read(captured.toString(StandardCharsets.UTF_8).strip());
        assertThat(json.get("mentions").asInt()).isEqualTo(3000);
        assertThat(json.get("queries_ms").get("top_terms_count_brand_7d").has("p95"))
                .isTrue();
        assertThat(json.get("queries_ms").size()).isEqualTo(14);
        assertThat(json.get("queries_ms").has("top_terms_count_brand_7d_after_a_refresh_kept_warm"))
                .isTrue();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }
}
