package io.earshot.server.cli;

import io.earshot.source.feed.FeedChecker;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code earshot feed check PATH|URL…}: what Earshot makes of a feed, one line each, before you subscribe to it. */
@Command(
        name = "feed",
        mixinStandardHelpOptions = true,
        description = "Work with RSS/Atom feeds.",
        subcommands = {FeedCommand.Check.class})
final class FeedCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description =
                    "Fetch and parse each feed (file or URL); print 'ok <entries> <input>' or 'error <input>: <reason>'. Exits 1 if any failed.")
    static final class Check implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "PATH|URL")
        private List<String> inputs;

        @Override
        public Integer call() throws InterruptedException {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            List<String> lines = FeedChecker.check(inputs, client);
            lines.forEach(System.out::println);
            return lines.stream().anyMatch(line -> line.startsWith("error ")) ? 1 : 0;
        }
    }
}
