package io.earshot.server.cli;

import io.earshot.embedded.state.SqliteStateStore;
import io.earshot.query.ParsedQuery;
import io.earshot.query.QueryParser;
import io.earshot.topic.Topic;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code earshot topic add|list|rm}: manage topics in the data folder. A running server picks the change
 * up within seconds and applies a new topic to the posts already stored.
 */
@Command(
        name = "topic",
        mixinStandardHelpOptions = true,
        description = "Add, list and remove topics.",
        subcommands = {TopicCommand.Add.class, TopicCommand.ListTopics.class, TopicCommand.Remove.class})
final class TopicCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a topic: earshot topic add NAME QUERY")
    static final class Add implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Parameters(index = "0", paramLabel = "NAME")
        private String name;

        @Parameters(
                index = "1",
                paramLabel = "QUERY",
                description = "Topic query, e.g. '\"acme corp\" OR #acme NOT hiring'")
        private String query;

        @Override
        public Integer call() throws Exception {
            ParsedQuery parsed = QueryParser.parse(query);
            Files.createDirectories(data.config().dataDir());
            try (SqliteStateStore store = SqliteStateStore.open(data.config().dataDir())) {
                Topic topic = store.create(name, query);
                System.out.printf("%d\t%s\t%s%n", topic.id(), topic.name(), topic.query());
                parsed.warnings().forEach(warning -> System.err.println("warning: " + warning));
            }
            return 0;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List topics: id, name, query (tab-separated).")
    static final class ListTopics implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Override
        public Integer call() throws Exception {
            Files.createDirectories(data.config().dataDir());
            try (SqliteStateStore store = SqliteStateStore.open(data.config().dataDir())) {
                for (Topic topic : store.list()) {
                    System.out.printf("%d\t%s\t%s%n", topic.id(), topic.name(), topic.query());
                }
            }
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a topic by id.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Parameters(index = "0", paramLabel = "ID")
        private long id;

        @Override
        public Integer call() throws Exception {
            Files.createDirectories(data.config().dataDir());
            try (SqliteStateStore store = SqliteStateStore.open(data.config().dataDir())) {
                if (!store.delete(id)) {
                    System.err.println("earshot: no topic " + id);
                    return 1;
                }
                System.out.println("removed topic " + id);
            }
            return 0;
        }
    }
}
