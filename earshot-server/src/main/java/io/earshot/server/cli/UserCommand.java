package io.earshot.server.cli;

import io.earshot.account.Account;
import io.earshot.account.Role;
import io.earshot.embedded.state.SqliteStateStore;
import io.earshot.server.account.AccountSettings;
import io.earshot.server.account.Accounts;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code earshot user add|list|rm|passwd}: the people who log in to the web app. */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manage the people who log in (roles: viewer, responder, analyst, admin).",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Remove.class})
final class UserCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** What a command does with the accounts of the data folder; returns the exit code. */
    @FunctionalInterface
    interface AccountsWork {
        int run(Accounts accounts);
    }

    /** Opens the state database of {@code data} (creating it when needed), runs {@code work}, closes it. */
    static int withAccounts(DataOption data, AccountsWork work) throws IOException {
        Files.createDirectories(data.config().dataDir());
        try (SqliteStateStore store = SqliteStateStore.open(data.config().dataDir())) {
            return work.run(new Accounts(store.accounts(), AccountSettings.none(), Clock.systemUTC()));
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a user; asks for the password (twice), or reads one line with --password-stdin.")
    static final class Add implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Parameters(index = "0", paramLabel = "NAME")
        private String name;

        @Option(names = "--role", required = true, description = "viewer, responder, analyst or admin")
        private String role;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        private boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            Role parsed = Role.parse(role);
            String password = passwordStdin ? readLine() : ask();
            return withAccounts(data, accounts -> {
                Account account = accounts.addUser(name, parsed, password);
                System.out.println(
                        "added user " + account.name() + " (" + account.role().id() + ")");
                return 0;
            });
        }

        private static String readLine() throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("--password-stdin: standard input had no password line");
            }
            return line;
        }

        private static String ask() {
            Console console = System.console();
            if (console == null) {
                throw new IllegalArgumentException("no terminal to ask for a password: use --password-stdin");
            }
            char[] first = console.readPassword("Password for the new user: ");
            char[] second = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, second)) {
                throw new IllegalArgumentException("the passwords differ; nothing was added");
            }
            return new String(first);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and their roles.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Override
        public Integer call() throws IOException {
            return withAccounts(data, accounts -> {
                accounts.users()
                        .forEach(user -> System.out.println(
                                user.name() + "\t" + user.role().id()));
                return 0;
            });
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a user and end their sessions.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Parameters(index = "0", paramLabel = "NAME")
        private String name;

        @Override
        public Integer call() throws IOException {
            return withAccounts(data, accounts -> {
                if (!accounts.removeUser(name)) {
                    System.err.println("earshot: no user named '" + name + "'");
                    return 1;
                }
                System.out.println("removed user " + name);
                return 0;
            });
        }
    }
}
