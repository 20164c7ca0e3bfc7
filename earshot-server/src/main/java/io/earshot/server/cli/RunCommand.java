package io.earshot.server.cli;

import io.earshot.server.EarshotApp;
import io.earshot.server.EarshotConfig;
import io.earshot.server.config.SourceSpec;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code earshot run}: the server, until Ctrl-C. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run Earshot: web UI and API, listening to the configured source.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    private DataOption data;

    @Option(
            names = "--host",
            paramLabel = "H",
            description = "Address to listen on (default: 127.0.0.1; use 0.0.0.0 to expose it).")
    private String host;

    @Option(names = "--port", paramLabel = "N", description = "Port (default: 8080; 0 picks a free one).")
    private Integer port;

    @Option(
            names = "--source",
            paramLabel = "NAME",
            description =
                    "Which sources run: all configured ones (default; the Bluesky firehose when none is configured), bluesky, or none.")
    private String source;

    @Override
    public Integer call() throws InterruptedException {
        EarshotConfig config = data.config();
        config = config.withListen(host == null ? config.host() : host, port == null ? config.port() : port);
        if (source != null) {
            config = config.withSource(
                    switch (source.toLowerCase(Locale.ROOT)) {
                        case "all" -> EarshotConfig.SourceChoice.ALL;
                        case "bluesky" -> EarshotConfig.SourceChoice.BLUESKY;
                        case "none" -> EarshotConfig.SourceChoice.NONE;
                        default ->
                            throw new IllegalArgumentException(
                                    "unknown source '" + source + "'; use all, bluesky or none");
                    });
        }
        EarshotApp app = EarshotApp.start(
                config, io.earshot.server.account.AccountSettings.fromEnvironment(System.getenv(), config.apiToken()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            app.close();
                            stopped.countDown();
                        },
                        "earshot-shutdown"));
        System.out.printf(
                "Earshot is listening on http://%s:%d (data in %s, sources: %s)%n",
                config.host(),
                app.port(),
                config.dataDir().toAbsolutePath().normalize(),
                config.activeSources().isEmpty()
                        ? "none"
                        : String.join(
                                ", ",
                                config.activeSources().stream()
                                        .map(SourceSpec::id)
                                        .toList()));
        stopped.await();
        return 0;
    }
}
