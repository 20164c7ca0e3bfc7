package io.earshot.server.cli;

import io.earshot.account.Role;
import io.earshot.server.account.Accounts;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code earshot token add|list|rm}: API tokens for scripts, scoped to a role, shown once, stored hashed. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Manage API tokens (Authorization: Bearer <token>).",
        subcommands = {TokenCommand.Add.class, TokenCommand.ListTokens.class, TokenCommand.Remove.class})
final class TokenCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Create a token and print it (once: only its digest is stored).")
    static final class Add implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Option(names = "--role", required = true, description = "viewer, responder, analyst or admin")
        private String role;

        @Option(names = "--label", defaultValue = "token", description = "What it is for (default: ${DEFAULT-VALUE}).")
        private String label;

        @Override
        public Integer call() throws IOException {
            Role parsed = Role.parse(role);
            return UserCommand.withAccounts(data, accounts -> {
                Accounts.IssuedToken issued = accounts.addToken(label, parsed);
                System.out.println(issued.secret());
                System.err.println(
                        "token " + issued.token().id() + " (" + parsed.id() + "): copy it now, it is not shown again");
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Override
        public Integer call() throws IOException {
            return UserCommand.withAccounts(data, accounts -> {
                accounts.tokens()
                        .forEach(token -> System.out.println(token.id() + "\t"
                                + token.role().id() + "\t" + token.label() + "\t" + token.createdAt()));
                return 0;
            });
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Revoke a token by its id.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        private DataOption data;

        @Parameters(index = "0", paramLabel = "ID")
        private long id;

        @Override
        public Integer call() throws IOException {
            return UserCommand.withAccounts(data, accounts -> {
                if (!accounts.removeToken(id)) {
                    System.err.println("earshot: no token " + id);
                    return 1;
                }
                System.out.println("revoked token " + id);
                return 0;
            });
        }
    }
}
