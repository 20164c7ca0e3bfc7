package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.server.config.SourceSpec;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file, then the environment, then the command line. */
class ConfigTest {

    @TempDir
    Path dir;

    @Test
    void environmentOverridesTheFileAndNoSourcesMeansTheFirehose() throws Exception {
        Path file = dir.resolve("earshot.yml");
        Files.writeString(
                file, "http:\n  port: 9090\nsources:\n  - type: feed\n    feeds: [https://example.com/a.xml]\n");
        EarshotConfig config = EarshotConfig.load(Optional.of(file), Map.of("EARSHOT_PORT", "9191"));
        assertThat(config.port()).isEqualTo(9191);
        assertThat(config.activeSources()).extracting(SourceSpec::id).containsExactly("feeds");
        assertThat(config.withSource(EarshotConfig.SourceChoice.BLUESKY).activeSources())
                .extracting(SourceSpec::id)
                .containsExactly("bluesky");
        assertThat(config.withSource(EarshotConfig.SourceChoice.NONE).activeSources())
                .isEmpty();

        EarshotConfig defaults =
                EarshotConfig.fromEnvironment(Map.of("EARSHOT_BLUESKY_JETSTREAM_URL", "ws://127.0.0.1:6008/subscribe"));
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.activeSources())
                .singleElement()
                .isInstanceOfSatisfying(
                        SourceSpec.Bluesky.class,
                        bluesky -> assertThat(bluesky.endpoints())
                                .containsExactly(URI.create("ws://127.0.0.1:6008/subscribe")));
    }
}
