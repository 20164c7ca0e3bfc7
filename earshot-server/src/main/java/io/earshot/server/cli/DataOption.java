package io.earshot.server.cli;

import io.earshot.server.EarshotConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} option shared by every command that touches storage. */
final class DataOption {

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data folder (default: $EARSHOT_DATA or ./earshot-data).")
    Path data;

    EarshotConfig config() {
        EarshotConfig config = EarshotConfig.fromEnvironment(System.getenv());
        return data == null ? config : config.withDataDir(data);
    }
}
