package io.earshot.server.health;

import io.earshot.archive.MentionArchive;
import io.earshot.graph.InteractionGraph;
import io.earshot.ingest.IngestPipeline;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.earshot.source.Source;
import io.earshot.source.SourceState;
import io.earshot.source.SourceStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code GET /health} (is Earshot well, and each source's status) and {@code GET /metrics} (the same
 * figures for Prometheus, text format 0.0.4).
 */
public final class HealthRoutes implements Routes {

    private final Supplier<List<Source>> sources;
    private final IngestPipeline pipeline;
    private final MentionArchive archive;
    private final InteractionGraph graph;
    private final Supplier<Map<String, Number>> features;

    /**
     * @param features more figures from features (alerts, deliveries), named as Prometheus series, e.g.
     *     {@code earshot_alerts_fired_total{type="digest"}}: a name ending in {@code _total} is a counter,
     *     any other a gauge; they also appear in {@code /health} under {@code "features"}
     */
    public HealthRoutes(
            Supplier<List<Source>> sources,
            IngestPipeline pipeline,
            MentionArchive archive,
            InteractionGraph graph,
            Supplier<Map<String, Number>> features) {
        this.sources = sources;
        this.pipeline = pipeline;
        this.archive = archive;
        this.graph = graph;
        this.features = features;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/metrics", this::metrics);
    }

    private void health(Context ctx) {
        List<SourceStatus> statuses = sources.get().stream().map(Source::status).toList();
        boolean sourcesWell = statuses.stream()
                .allMatch(s -> s.state() == SourceState.CONNECTED || s.state() == SourceState.STARTING);
        boolean storageWell = pipeline.lastError().isEmpty();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", storageWell && sourcesWell ? "ok" : "degraded");
        body.put("sources", statuses.stream().map(HealthRoutes::json).toList());
        Map<String, Object> ingest = new LinkedHashMap<>(pipeline.counters().snapshot());
        ingest.put("queued_batches", pipeline.queuedBatches());
        pipeline.lastError().ifPresent(error -> ingest.put("lastError", error));
        body.put("ingest", ingest);
        body.put("archive", Map.of("posts", archive.size()));
        body.put("features", new TreeMap<>(features.get()));
        Map<String, Long> edges = new LinkedHashMap<>();
        graph.countsByKind().forEach((kind, count) -> edges.put(kind.id(), count));
        body.put("graph", Map.of("edges", graph.count(), "byKind", edges));
        Requests.json(ctx, 200, body);
    }

    /** A source's status as JSON (also used by the sources API). */
    public static Map<String, Object> json(SourceStatus status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", status.id());
        json.put("type", status.type());
        json.put("state", status.state().id());
        json.put("endpoint", status.endpoint());
        json.put("events", status.events());
        json.put("skipped", status.skipped());
        json.put("errors", status.errors());
        json.put("lastEventAt", status.lastEventAt().map(Object::toString).orElse(null));
        json.put(
                "idleSeconds",
                status.lastEventAt()
                        .map(at -> Duration.between(at, Instant.now()).toSeconds())
                        .orElse(null));
        json.put("lagSeconds", lag(status).orElse(null));
        json.put("lastError", status.lastError().orElse(null));
        json.put("cursor", status.cursor().orElse(null));
        return json;
    }

    /** How far behind real time the source is: Jetstream cursors are event times in microseconds. */
    private static Optional<Long> lag(SourceStatus status) {
        if (!status.type().equals("bluesky")) {
            return Optional.empty();
        }
        try {
            long micros = Long.parseLong(status.cursor().orElse(""));
            return Optional.of(Math.max(
                    0,
                    Duration.between(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), Instant.now())
                            .toSeconds()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void metrics(Context ctx) {
        StringBuilder out = new StringBuilder();
        pipeline.counters().snapshot().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> {
                    String name = "earshot_ingest_" + entry.getKey() + "_total";
                    out.append("# TYPE ")
                            .append(name)
                            .append(" counter\n")
                            .append(name)
                            .append(' ')
                            .append(entry.getValue())
                            .append('\n');
                });
        out.append("# TYPE earshot_ingest_queued_batches gauge\nearshot_ingest_queued_batches ")
                .append(pipeline.queuedBatches())
                .append('\n');
        out.append("# TYPE earshot_archive_posts gauge\nearshot_archive_posts ")
                .append(archive.size())
                .append('\n');
        out.append("# TYPE earshot_source_events_total counter\n");
        List<SourceStatus> statuses = sources.get().stream().map(Source::status).toList();
        for (SourceStatus status : statuses) {
            out.append("earshot_source_events_total{source=\"")
                    .append(label(status.id()))
                    .append("\"} ")
                    .append(status.events())
                    .append('\n');
        }
        out.append("# TYPE earshot_source_errors_total counter\n");
        for (SourceStatus status : statuses) {
            out.append("earshot_source_errors_total{source=\"")
                    .append(label(status.id()))
                    .append("\"} ")
                    .append(status.errors())
                    .append('\n');
        }
        out.append("# TYPE earshot_source_up gauge\n");
        for (SourceStatus status : statuses) {
            out.append("earshot_source_up{source=\"")
                    .append(label(status.id()))
                    .append("\"} ")
                    .append(status.state() == SourceState.CONNECTED ? 1 : 0)
                    .append('\n');
        }
        Set<String> typed = new HashSet<>();
        new TreeMap<>(features.get()).forEach((series, value) -> {
            String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
            if (typed.add(name)) {
                out.append("# TYPE ").append(name).append(name.endsWith("_total") ? " counter\n" : " gauge\n");
            }
            out.append(series).append(' ').append(value).append('\n');
        });
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(out.toString());
    }

    private static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
