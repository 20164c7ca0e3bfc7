package io.earshot.server.cli;

import io.earshot.embedded.state.SqliteStateStore;
import io.earshot.server.config.ConfigFile;
import io.earshot.server.config.SourceSpec;
import io.earshot.source.SourceDefinitions;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code earshot source add|list|rm}: sources kept in the data folder (besides those of earshot.yml). A running
 * server starts an added source, and stops a removed one, within seconds.
 */
@Command(
        name = "source",
        mixinStandardHelpOptions = true,
        description = "Add, list and remove sources kept in the data folder.",
        subcommands = {SourceCommand.Add.class, SourceCommand.ListSources.class, SourceCommand.Remove.class})
final class SourceCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description =
                    "Add a source: earshot source add '{\"type\":\"feed\",\"id\":\"news\",\"feeds\":[\"https://example.com/feed.xml\"]}'")
    static final class Add implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Parameters(
                index = "0",
                paramLabel = "JSON",
                description = "The source, with the keys of a 'sources:' item of earshot.yml.")
        private String json;

        @Override
        public Integer call() throws Exception {
            SourceSpec source = ConfigFile.sourceDefinition(json, System.getenv());
            Files.createDirectories(data.config().dataDir());
            try (SqliteStateStore store = SqliteStateStore.open(data.config().dataDir())) {
                if (!store.sourceDefinitions().add(source.id(), json)) {
                    System.err.println(
                            "earshot: a source with id '" + source.id() + "' exists; give this one another \"id\"");
                    return 1;
                }
                System.out.println("added source " + source.id());
            }
            return 0;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the sources kept in the data folder: id, definition.")
    static final class ListSources implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Override
        public Integer call() throws Exception {
            Files.createDirectories(data.config().dataDir());
            try (SqliteStateStore store = SqliteStateStore.open(data.config().dataDir())) {
                for (SourceDefinitions.Definition definition :
                        store.sourceDefinitions().list()) {
                    System.out.println(definition.id() + "\t" + definition.json());
                }
            }
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a source kept in the data folder.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Parameters(index = "0", paramLabel = "ID")
        private String id;

        @Override
        public Integer call() throws Exception {
            Files.createDirectories(data.config().dataDir());
            try (SqliteStateStore store = SqliteStateStore.open(data.config().dataDir())) {
                if (!store.sourceDefinitions().remove(id)) {
                    System.err.println("earshot: no source '" + id
                            + "' in the data folder (sources of earshot.yml are removed there)");
                    return 1;
                }
                System.out.println("removed source " + id);
            }
            return 0;
        }
    }
}
