package io.earshot.server.source;

import io.earshot.server.health.HealthRoutes;
import io.earshot.server.http.NotFoundException;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.earshot.source.Source;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Sources over HTTP: {@code GET /api/v1/sources[/{id}]} (each running source and its live status),
 * {@code POST /api/v1/sources} (add one, with the keys of a {@code sources:} item of earshot.yml; it is stored
 * and runs again after a restart) and {@code DELETE /api/v1/sources/{id}} (stop and forget an API-added one).
 */
public final class SourceRoutes implements Routes {

    private final Supplier<List<Source>> sources;
    private final Function<String, Source> add;
    private final Predicate<String> remove;

    /**
     * @param add adds a source from its JSON definition and returns it (see {@code EarshotApp.addSource})
     * @param remove stops and forgets an API-added source; false when there is none
     */
    public SourceRoutes(Supplier<List<Source>> sources, Function<String, Source> add, Predicate<String> remove) {
        this.sources = sources;
        this.add = add;
        this.remove = remove;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/sources", ctx -> {
            Source source = add.apply(ctx.body());
            ctx.header("Location", "/api/v1/sources/" + source.id());
            Requests.json(ctx, 201, HealthRoutes.json(source.status()));
        });
        routes.delete("/api/v1/sources/{id}", ctx -> {
            if (!remove.test(ctx.pathParam("id"))) {
                throw new NotFoundException("no source '" + ctx.pathParam("id") + "' added through the API");
            }
            ctx.status(204);
        });
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
