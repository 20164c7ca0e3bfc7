package io.earshot.server.cli;

import io.earshot.server.EarshotApp;
import io.earshot.source.EventMapper;
import io.earshot.source.Mapping;
import io.earshot.source.SourceBatch;
import io.earshot.source.SourceEvent;
import io.earshot.source.bluesky.JetstreamMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code earshot replay FILE}: ingest a recorded stream offline, exactly as if it arrived live. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = "Ingest a recorded stream (one event per line) into the data folder.")
final class ReplayCommand implements Callable<Integer> {

    private static final int EVENTS_PER_BATCH = 1000;
    private static final int MAX_LINE_CHARS = 1 << 20;

    @Mixin
    private DataOption data;

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "The recorded stream, e.g. a Jetstream capture (.jsonl).")
    private Path file;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "jetstream",
            description = "Format of each line: jetstream (default).")
    private String format;

    @Override
    public Integer call() throws Exception {
        Map<String, EventMapper> formats = Map.of("jetstream", new JetstreamMapper());
        EventMapper mapper = formats.get(format);
        if (mapper == null) {
            throw new IllegalArgumentException(
                    "unknown format '" + format + "'; known: " + String.join(", ", formats.keySet()));
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        long lines = 0;
        long events = 0;
        long skipped = 0;
        long rejected = 0;
        try (EarshotApp app = EarshotApp.openHeadless(data.config());
                BufferedReader reader = new BufferedReader(new InputStreamReader(
                        Files.newInputStream(file),
                        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            long before = app.archive().size();
            List<CompletableFuture<Void>> stored = new ArrayList<>();
            List<SourceEvent> batch = new ArrayList<>();
            String sourceId = "replay:" + file.getFileName();
            String line;
            while ((line = readLine(reader, lines + 1)) != null) {
                lines++;
                if (line.isBlank()) {
                    continue;
                }
                Mapping mapping = line.length() > MAX_LINE_CHARS
                        ? new Mapping.Rejected("line is longer than " + MAX_LINE_CHARS + " characters")
                        : mapper.map(line);
                switch (mapping) {
                    case Mapping.Events mapped -> {
                        events += mapped.events().size();
                        batch.addAll(mapped.events());
                    }
                    case Mapping.Skipped ignored -> skipped++;
                    case Mapping.Rejected bad -> {
                        rejected++;
                        System.err.printf("%s:%d: %s%n", file, lines, bad.error());
                    }
                }
                if (batch.size() >= EVENTS_PER_BATCH) {
                    stored.add(app.pipeline().submit(new SourceBatch(sourceId, batch, Optional.empty())));
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                stored.add(app.pipeline().submit(new SourceBatch(sourceId, batch, Optional.empty())));
            }
            CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).join();
            app.archive().refresh();
            long after = app.archive().size();
            System.out.printf(
                    "replayed %s: %d lines, %d events, %d skipped, %d rejected; archive now holds %d posts (%+d)%n",
                    file, lines, events, skipped, rejected, after, after - before);
        }
        return rejected > 0 ? 2 : 0;
    }

    private static String readLine(BufferedReader reader, long number) throws IOException {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw new IOException("line " + number + " is not valid UTF-8; the file must be UTF-8 encoded", e);
        }
    }
}
