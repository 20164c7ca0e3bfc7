package io.earshot.server;

import io.earshot.embedded.state.SqliteStateStore;
import io.earshot.ingest.IngestPipeline;
import io.earshot.server.config.ConfigFile;
import io.earshot.server.config.SourceSpec;
import io.earshot.server.http.ConflictException;
import io.earshot.source.Source;
import io.earshot.source.SourceDefinitions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running sources, each on its own thread delivering to the pipeline: those of the config file, and those
 * added through the API or the CLI (stored in the state database, started again after a restart, started or
 * stopped within seconds when {@code earshot source add|rm} changes them in a running server).
 */
final class SourceRunner {

    private static final Logger log = LoggerFactory.getLogger(SourceRunner.class);

    private final IngestPipeline pipeline;
    private final SqliteStateStore state;
    private final List<Source> sources = new CopyOnWriteArrayList<>();
    private final Map<String, Thread> threads = new ConcurrentHashMap<>();
    /** Ids of the running sources that were added through the API or the CLI (not the config file). */
    private final Set<String> storedIds = ConcurrentHashMap.newKeySet();
    /** Stored definitions that failed to start: not retried every few seconds, only after a restart. */
    private final Set<SourceDefinitions.Definition> failedDefinitions = ConcurrentHashMap.newKeySet();

    private volatile boolean storedStarted;

    SourceRunner(IngestPipeline pipeline, SqliteStateStore state) {
        this.pipeline = pipeline;
        this.state = state;
    }

    /** The running sources. */
    List<Source> list() {
        return List.copyOf(sources);
    }

    /** Runs a source on its own thread, delivering to the pipeline. */
    void start(Source source) {
        sources.add(source);
        Thread thread = Thread.ofPlatform()
                .name("earshot-source-" + source.id())
                .start(() -> {
                    try {
                        source.run(pipeline.sink());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        log.error("source {} stopped after an unexpected error", source.id(), e);
                    }
                });
        threads.put(source.id(), thread);
    }

    /** Sources added through the API run again after a restart; one that no longer parses is reported, not fatal. */
    void startStored() {
        storedStarted = true;
        syncStored();
    }

    /** {@link #syncStored()} for the housekeeping timer: a failure is logged and tried again next time. */
    void syncStoredQuietly() {
        try {
            syncStored();
        } catch (RuntimeException e) {
            log.warn("could not read source definitions from the state store: {}", e.getMessage());
        }
    }

    /**
     * Adds a source through the API: checked like a config-file entry, stored so it survives restarts, and
     * started at once.
     *
     * @throws ConflictException when a running source has this id
     */
    synchronized Source add(String json) {
        SourceSpec spec = ConfigFile.sourceDefinition(json, System.getenv());
        if (running(spec.id()).isPresent()) {
            throw new ConflictException("a source with id '" + spec.id() + "' exists; give the new one another \"id\"");
        }
        Source source = SourceFactory.create(spec, state);
        if (!state.sourceDefinitions().add(spec.id(), json)) {
            throw new ConflictException("a source with id '" + spec.id()
                    + "' is stored already; DELETE /api/v1/sources/" + spec.id() + " first");
        }
        start(source);
        storedIds.add(source.id());
        return source;
    }

    /**
     * Stops and forgets a source added through the API; false when there is no such source.
     *
     * @throws ConflictException for a source defined in the config file (remove it there)
     */
    synchronized boolean remove(String id) {
        boolean stored = state.sourceDefinitions().list().stream()
                .anyMatch(definition -> definition.id().equals(id));
        if (!stored) {
            if (running(id).isPresent()) {
                throw new ConflictException(
                        "source '" + id + "' is defined in the config file; remove it there and restart");
            }
            return false;
        }
        state.sourceDefinitions().remove(id);
        stop(id);
        return true;
    }

    /** Stops every source and waits for its thread (at most ten seconds each). */
    void stopAll() {
        sources.forEach(Source::stop);
        threads.values().forEach(SourceRunner::join);
    }

    /**
     * Starts stored source definitions that are not running and stops running ones whose definition is gone,
     * so that {@code earshot source add|rm} take effect in a running server within seconds.
     */
    private synchronized void syncStored() {
        if (!storedStarted) {
            return;
        }
        List<SourceDefinitions.Definition> stored = state.sourceDefinitions().list();
        for (SourceDefinitions.Definition definition : stored) {
            if (running(definition.id()).isPresent() || failedDefinitions.contains(definition)) {
                continue;
            }
            try {
                start(SourceFactory.create(ConfigFile.sourceDefinition(definition.json(), System.getenv()), state));
                storedIds.add(definition.id());
            } catch (RuntimeException e) {
                failedDefinitions.add(definition);
                log.error("source {} (added through the API or CLI) cannot start: {}", definition.id(), e.getMessage());
            }
        }
        for (String id : List.copyOf(storedIds)) {
            if (stored.stream().noneMatch(definition -> definition.id().equals(id))) {
                stop(id);
            }
        }
    }

    private void stop(String id) {
        storedIds.remove(id);
        running(id).ifPresent(source -> {
            source.stop();
            Optional.ofNullable(threads.remove(id)).ifPresent(SourceRunner::join);
            sources.remove(source);
            log.info("source {} stopped: its definition was removed", id);
        });
    }

    private Optional<Source> running(String id) {
        return sources.stream().filter(source -> source.id().equals(id)).findFirst();
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
