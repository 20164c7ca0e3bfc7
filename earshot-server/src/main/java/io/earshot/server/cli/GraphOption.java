package io.earshot.server.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --graph} option of the influence commands: an interaction stream file. */
final class GraphOption {

    @Option(
            names = "--graph",
            paramLabel = "FILE",
            required = true,
            description = "An interaction stream: 'userA userB unix_seconds RT|MT|RE' per line, gzipped or not.")
    Path file;
}
