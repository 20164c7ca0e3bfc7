package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.server.cli.EarshotCommand;
import io.earshot.server.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code earshot bench alerts} at a low rate: a real server, a signed-in ingest, one webhook per group of mentions;
 * every mention notified exactly once and the figures printed as one JSON line.
 */
class AlertBenchCommandTest {

    @Test
    void notifiesEveryMentionOnceAndPrintsLatencies() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EarshotCommand.execute(new String[] {
                "bench", "alerts", "--rate", "200", "--seconds", "2", "--warmup", "1", "--mention-share", "0.5"
            });
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8).strip();
        JsonNode json = Json.read(output.substring(output.lastIndexOf('\n') + 1));
        assertThat(json.get("posts").asLong()).isEqualTo(600);
        assertThat(json.get("mentions").asLong()).isEqualTo(300);
        assertThat(json.get("mentions_notified").asLong()).isEqualTo(300);
        assertThat(json.get("latency_sampled").asLong()).isPositive();
        assertThat(json.get("latency_p99_ms").asDouble())
                .isGreaterThanOrEqualTo(json.get("latency_p50_ms").asDouble())
                .isPositive();
        assertThat(json.get("cpu_us_per_post").asLong()).isPositive();
    }
}
