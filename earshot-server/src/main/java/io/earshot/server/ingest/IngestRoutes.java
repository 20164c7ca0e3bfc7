package io.earshot.server.ingest;

import io.earshot.ingest.IngestPipeline;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.PayloadTooLargeException;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.earshot.server.http.Tokens;
import io.earshot.server.http.UnauthorizedException;
import io.earshot.source.EventMapper;
import io.earshot.source.Mapping;
import io.earshot.source.SourceBatch;
import io.earshot.source.SourceEvent;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * {@code POST /api/v1/ingest?format=jetstream}: the webhook source. The body is NDJSON, one event per
 * line; good lines are ingested and bad ones reported with their line numbers, in the same response.
 * {@code &wait=true} answers only once everything accepted is durably stored.
 */
public final class IngestRoutes implements Routes {

    /** Limits of one request. */
    public record Limits(int maxLineBytes, long maxBodyBytes, int maxReportedErrors) {
        public static final Limits DEFAULT = new Limits(1 << 20, 256L << 20, 100);
    }

    private static final int EVENTS_PER_BATCH = 500;

    private final IngestPipeline pipeline;
    private final Map<String, Function<Context, EventMapper>> formats;
    private final Limits limits;
    private final Optional<String> apiToken;
    private final Map<String, String> sourceTokens;

    /**
     * @param formats by name, the mapper for a request (some formats need a parameter, e.g. Mastodon's {@code instance})
     * @param apiToken the admin API token, accepted for every source
     * @param sourceTokens per-source tokens: a request for {@code ?source=NAME} must present NAME's token
     */
    public IngestRoutes(
            IngestPipeline pipeline,
            Map<String, Function<Context, EventMapper>> formats,
            Limits limits,
            Optional<String> apiToken,
            Map<String, String> sourceTokens) {
        this.pipeline = pipeline;
        this.formats = Map.copyOf(formats);
        this.limits = limits;
        this.apiToken = apiToken;
        this.sourceTokens = Map.copyOf(sourceTokens);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/ingest", this::ingest);
    }

    private void ingest(Context ctx) throws IOException, InterruptedException {
        String format = Requests.param(ctx, "format").orElse("jetstream");
        Function<Context, EventMapper> mappers = formats.get(format);
        if (mappers == null) {
            throw new BadRequestException("unknown format '" + format + "'; known formats: "
                    + String.join(", ", formats.keySet().stream().sorted().toList()));
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > limits.maxBodyBytes()) {
            throw new PayloadTooLargeException("the body has " + declared + " bytes; the limit is "
                    + limits.maxBodyBytes() + " bytes: send it in parts");
        }
        String source = Requests.param(ctx, "source").orElse(format);
        authorize(ctx, source);
        EventMapper mapper = mappers.apply(ctx);
        boolean wait = Requests.param(ctx, "wait").map(Boolean::parseBoolean).orElse(false);
        String sourceId = "webhook:" + source;
        LineReader reader = new LineReader(ctx.bodyInputStream(), limits.maxLineBytes(), limits.maxBodyBytes());
        List<Map<String, Object>> errors = new ArrayList<>();
        List<CompletableFuture<Void>> stored = new ArrayList<>();
        List<SourceEvent> events = new ArrayList<>();
        long accepted = 0;
        long rejected = 0;
        long skipped = 0;
        for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
            String error = line.error();
            if (line.ok()) {
                switch (mapper.map(line.text())) {
                    case Mapping.Events mapped -> {
                        accepted++;
                        events.addAll(mapped.events());
                    }
                    case Mapping.Skipped ignored -> {
                        accepted++;
                        skipped++;
                    }
                    case Mapping.Rejected bad -> error = bad.error();
                }
            }
            if (error != null) {
                rejected++;
                if (errors.size() < limits.maxReportedErrors()) {
                    errors.add(Map.of("line", line.number(), "error", error));
                }
            }
            if (events.size() >= EVENTS_PER_BATCH) {
                stored.add(pipeline.submit(new SourceBatch(sourceId, events, Optional.empty())));
                events = new ArrayList<>();
            }
        }
        if (!events.isEmpty()) {
            stored.add(pipeline.submit(new SourceBatch(sourceId, events, Optional.empty())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", accepted);
        body.put("rejected", rejected);
        body.put("skipped", skipped);
        body.put("errors", errors);
        if (rejected > errors.size()) {
            body.put("errorsNotShown", rejected - errors.size());
        }
        if (reader.bodyTooLarge()) {
            body.put(
                    "error",
                    "the body is over the limit of " + limits.maxBodyBytes()
                            + " bytes; lines after that were not read");
            Requests.json(ctx, 413, body);
            return;
        }
        if (wait) {
            awaitStored(stored);
            body.put("stored", true);
        }
        Requests.json(ctx, 202, body);
    }

    /** The source's own token, or the admin token; open only when neither is configured. */
    private void authorize(Context ctx, String source) {
        Optional<String> required = Optional.ofNullable(sourceTokens.get(source));
        if (required.isEmpty() && apiToken.isEmpty()) {
            return;
        }
        String presented = Tokens.bearer(ctx);
        boolean ok = required.map(token -> Tokens.same(token, presented)).orElse(false)
                || apiToken.map(token -> Tokens.same(token, presented)).orElse(false);
        if (!ok) {
            throw new UnauthorizedException(
                    presented.isEmpty()
                            ? "ingesting for source '" + source
                                    + "' needs its token: send 'Authorization: Bearer <token>'"
                            : "the token is not valid for source '" + source + "'");
        }
    }

    private static void awaitStored(List<CompletableFuture<Void>> stored) throws InterruptedException {
        try {
            CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "storing the accepted events failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "the accepted events were not stored within 60 s; they are queued and will be stored");
        }
    }
}
