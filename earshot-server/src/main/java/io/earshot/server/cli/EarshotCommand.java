package io.earshot.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code earshot}: the command line. Each subcommand is scriptable and prints what it did. */
@Command(
        name = "earshot",
        mixinStandardHelpOptions = true,
        version = "earshot 0.1.0",
        description = "Self-hosted social listening: follow what people say about you, hear it, act on it.",
        subcommands = {
            RunCommand.class,
            ReplayCommand.class,
            TopicCommand.class,
            AlertCommand.class,
            TrainCommand.class,
            BenchCommand.class,
            ClassifyCommand.class,
            EvalCommand.class,
            FeedCommand.class,
            SourceCommand.class,
            UserCommand.class,
            TokenCommand.class,
            CommandLine.HelpCommand.class
        })
public final class EarshotCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new EarshotCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("earshot: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return commandLine.execute(args);
    }
}
