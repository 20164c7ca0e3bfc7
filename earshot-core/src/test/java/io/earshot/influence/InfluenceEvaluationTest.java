package io.earshot.influence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfluenceEvaluationTest {

    @TempDir
    Path dir;

    @Test
    void spearmanAveragesTies() {
        assertThat(InfluenceEvaluation.spearman(new double[] {1, 2, 3}, new double[] {10, 20, 30}))
                .isCloseTo(1.0, within(1e-12));
        assertThat(InfluenceEvaluation.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}))
                .isCloseTo(-1.0, within(1e-12));
        // x ranks 1.5, 1.5, 3 against 1, 2, 3: r = 0.866
        assertThat(InfluenceEvaluation.spearman(new double[] {0, 0, 5}, new double[] {1, 2, 3}))
                .isCloseTo(Math.sqrt(3) / 2, within(1e-9));
    }

    /**
     * A generated stream where the accounts reposted by many distinct people before the split keep being reposted
     * after it, while a bought burst (one bot reposting one account all day) does not: the score ranks the first,
     * the raw-repost baseline the second.
     */
    @Test
    void theScoreRanksWhoIsRepostedNextAndReportsBothBaselines() throws IOException {
        List<String> lines = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        long split = 1_000_000;
        for (int writer = 0; writer < 300; writer++) {
            int readers = 1 + writer % 10;
            for (int r = 0; r < readers; r++) {
                long at = split - 1 - random.nextInt(80_000);
                lines.add((10_000 + random.nextInt(5_000)) + " " + writer + " " + at + " RT");
                lines.add((10_000 + random.nextInt(5_000)) + " " + writer + " " + (split + random.nextInt(80_000))
                        + " RT");
            }
        }
        // a bot reposts 100 accounts 30 times each in a day
        for (int i = 0; i < 3000; i++) {
            lines.add("666 " + (1000 + i % 100) + " " + (split - 1 - random.nextInt(80_000)) + " RT");
        }
        lines.add("1 2 " + split + " MT");
        Path file = dir.resolve("stream.txt");
        Files.write(file, lines);

        InfluenceEvaluation.Result result = InfluenceEvaluation.run(
                InteractionStream.read(file),
                split,
                InfluenceSettings.DEFAULT.withHalfLife(InfluenceSettings.EVALUATION_HALF_LIFE));

        assertThat(result.retweets().precisionAt100()).isZero();
        assertThat(result.influence().precisionAt100()).isGreaterThan(0.8);
        assertThat(result.influence().spearman())
                .isGreaterThan(result.retweets().spearman());
        assertThat(result.json())
                .startsWith("{\"precision_at_100\": ")
                .contains("\"spearman\": ", "\"baseline_retweets\": {", "\"baseline_amplifiers\": {");
    }

    @Test
    void aMalformedLineIsNamed() throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.write(file, List.of("1 2 100 RT", "1 2 soon RT"));
        assertThatThrownBy(() -> InteractionStream.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.txt:2");
        assertThatThrownBy(() -> InteractionStream.read(dir.resolve("missing.txt")))
                .hasMessageContaining("no such file");
    }
}
