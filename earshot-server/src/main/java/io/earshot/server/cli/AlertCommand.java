package io.earshot.server.cli;

import io.earshot.alert.AlertChannels;
import io.earshot.alert.AlertRuleStore.StoredAlert;
import io.earshot.alert.AlertRuleStore.StoredRule;
import io.earshot.embedded.state.SqliteStateStore;
import io.earshot.server.alert.AlertService;
import io.earshot.server.alert.RuleJson;
import io.earshot.server.http.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code earshot alert add|list|pause|resume|rm|history}: manage alert rules in the data folder, with the same
 * JSON as {@code POST /api/v1/alerts} and the same checks. A running server picks changes up within seconds.
 */
@Command(
        name = "alert",
        mixinStandardHelpOptions = true,
        description = "Add, list, pause, resume and remove alert rules; show what a rule fired.",
        subcommands = {
            AlertCommand.Add.class,
            AlertCommand.ListRules.class,
            AlertCommand.Pause.class,
            AlertCommand.Resume.class,
            AlertCommand.Remove.class,
            AlertCommand.History.class
        })
final class AlertCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a rule from a JSON file (or - for standard input), as POST /api/v1/alerts takes it.")
    static final class Add implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Parameters(index = "0", paramLabel = "FILE", description = "the rule's JSON, or - to read it from stdin")
        private String file;

        @Override
        public Integer call() throws Exception {
            String definition = file.equals("-")
                    ? new String(readAll(System.in), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file));
            try (SqliteStateStore store = open(data)) {
                AlertService.check(
                        definition, Instant.now(), id -> store.get(id).isPresent(), AlertChannels.NONE);
                StoredRule rule = store.alertRules().create(definition, Instant.now());
                System.out.println(line(rule));
            }
            return 0;
        }

        private static byte[] readAll(InputStream in) throws java.io.IOException {
            return in.readAllBytes();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List rules: id, name, type, state.")
    static final class ListRules implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Override
        public Integer call() throws Exception {
            try (SqliteStateStore store = open(data)) {
                store.alertRules().list().forEach(rule -> System.out.println(line(rule)));
            }
            return 0;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause a rule: earshot alert pause ID")
    static final class Pause implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Parameters(index = "0", paramLabel = "ID")
        private long id;

        @Override
        public Integer call() throws Exception {
            return setPaused(data, id, true);
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused rule")
    static final class Resume implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Parameters(index = "0", paramLabel = "ID")
        private long id;

        @Override
        public Integer call() throws Exception {
            return setPaused(data, id, false);
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a rule and its history")
    static final class Remove implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Parameters(index = "0", paramLabel = "ID")
        private long id;

        @Override
        public Integer call() throws Exception {
            try (SqliteStateStore store = open(data)) {
                if (!store.alertRules().delete(id)) {
                    System.err.println("no alert rule " + id + " (earshot alert list shows them)");
                    return 1;
                }
                store.alertState().forget(id);
                System.out.println("removed alert rule " + id);
            }
            return 0;
        }
    }

    @Command(
            name = "history",
            mixinStandardHelpOptions = true,
            description = "What a rule fired, newest first: id, time, type, reason (tab-separated).")
    static final class History implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Parameters(index = "0", paramLabel = "ID")
        private long id;

        @Option(names = "--limit", defaultValue = "20", description = "how many alerts (default ${DEFAULT-VALUE})")
        private int limit;

        @Override
        public Integer call() throws Exception {
            try (SqliteStateStore store = open(data)) {
                for (StoredAlert alert : store.alertRules().history(id, Optional.empty(), Math.max(1, limit))) {
                    Object reason = Json.mapper()
                            .readValue(alert.notification(), Map.class)
                            .get("reason");
                    System.out.printf("%d\t%s\t%s\t%s%n", alert.id(), alert.firedAt(), alert.kind(), reason);
                }
            }
            return 0;
        }
    }

    private static int setPaused(DataOption data, long id, boolean paused) throws Exception {
        try (SqliteStateStore store = open(data)) {
            Optional<StoredRule> rule = store.alertRules().setPaused(id, paused, Instant.now());
            if (rule.isEmpty()) {
                System.err.println("no alert rule " + id + " (earshot alert list shows them)");
                return 1;
            }
            System.out.println(line(rule.get()));
        }
        return 0;
    }

    private static SqliteStateStore open(DataOption data) throws java.io.IOException {
        Files.createDirectories(data.config().dataDir());
        return SqliteStateStore.open(data.config().dataDir());
    }

    private static String line(StoredRule stored) {
        var rule = RuleJson.parse(stored);
        return stored.id() + "\t" + rule.name() + "\t" + rule.kind().id() + "\t"
                + (stored.paused() ? "paused" : "active");
    }
}
