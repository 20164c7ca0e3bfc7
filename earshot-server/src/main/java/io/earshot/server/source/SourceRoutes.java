package io.earshot.server.source;

import io.earshot.server.health.HealthRoutes;
import io.earshot.server.http.NotFoundException;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.earshot.source.Source;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /api/v1/sources} and {@code GET /api/v1/sources/{id}}: each running source and its live status. */
public final class SourceRoutes implements Routes {

    private final Supplier<List<Source>> sources;

    public SourceRoutes(Supplier<List<Source>> sources) {
        this.sources = sources;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(
                "/api/v1/sources",
                ctx -> Requests.json(
                        ctx,
                        200,
                        Map.of(
                                "items",
                                sources.get().stream()
                                        .map(source -> HealthRoutes.json(source.status()))
                                        .toList())));
        routes.get("/api/v1/sources/{id}", ctx -> {
            String id = ctx.pathParam("id");
            Source source = sources.get().stream()
                    .filter(candidate -> candidate.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("no source '" + id + "'; GET /api/v1/sources lists them"));
            Requests.json(ctx, 200, HealthRoutes.json(source.status()));
        });
    }
}
