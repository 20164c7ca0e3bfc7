package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.server.cli.EarshotCommand;
import io.earshot.testkit.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data survives a restart, and replaying the same recording again adds nothing. */
class RestartTest {

    @TempDir
    Path data;

    @Test
    void dataSurvivesRestartAndASecondReplayAddsNothing() throws Exception {
        String fixture =
                Fixtures.fixture("jetstream/production-2026-07-04.jsonl").toString();
        assertThat(EarshotCommand.execute("topic", "add", "Government", "government", "--data", data.toString()))
                .isZero();
        assertThat(EarshotCommand.execute("replay", fixture, "--data", data.toString()))
                .isZero();

        long total;
        long posts;
        try (EarshotApp app = EndToEndTest.start(data)) {
            ApiClient api = new ApiClient(app.port());
            total = api.get("/api/v1/mentions").json().get("total").asLong();
            posts = app.archive().size();
            assertThat(total).isEqualTo(3);
            assertThat(posts).isEqualTo(17);
        }

        assertThat(EarshotCommand.execute("replay", fixture, "--data", data.toString()))
                .isZero();

        try (EarshotApp app = EndToEndTest.start(data)) {
            ApiClient api = new ApiClient(app.port());
            assertThat(api.get("/api/v1/mentions").json().get("total").asLong()).isEqualTo(total);
            assertThat(app.archive().size()).isEqualTo(posts);
            assertThat(api.get("/api/v1/topics").json().get("items")).hasSize(1);
        }
    }
}
