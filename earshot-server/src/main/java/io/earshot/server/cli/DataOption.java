package io.earshot.server.cli;

import io.earshot.server.EarshotConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --data} and {@code --config} options shared by every command that touches storage. */
final class DataOption {

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data folder (default: $EARSHOT_DATA or ./earshot-data).")
    Path data;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Config file (default: ./earshot.yml when it exists).")
    Path configFile;

    EarshotConfig config() {
        EarshotConfig config = EarshotConfig.load(Optional.ofNullable(configFile), System.getenv());
        return data == null ? config : config.withDataDir(data);
    }
}
