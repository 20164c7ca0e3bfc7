package io.earshot.server.alert;

import io.earshot.alert.AlertRuleStore.StoredAlert;
import io.earshot.alert.AlertRuleStore.StoredRule;
import io.earshot.server.http.Json;
import io.earshot.server.http.NotFoundException;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /api/v1/alerts}: rules (create, list, read, replace, pause, resume, delete) and their history. */
public final class AlertRoutes implements Routes {

    private final AlertService alerts;

    public AlertRoutes(AlertService alerts) {
        this.alerts = alerts;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/alerts", this::create);
        routes.get(
                "/api/v1/alerts",
                ctx -> Requests.json(
                        ctx,
                        200,
                        Map.of(
                                "items",
                                alerts.list().stream().map(RuleJson::render).toList())));
        routes.get("/api/v1/alerts/{id}", ctx -> Requests.json(ctx, 200, RuleJson.render(find(ctx))));
        routes.put("/api/v1/alerts/{id}", this::update);
        routes.post("/api/v1/alerts/{id}/pause", ctx -> pause(ctx, true));
        routes.post("/api/v1/alerts/{id}/resume", ctx -> pause(ctx, false));
        routes.delete("/api/v1/alerts/{id}", this::delete);
        routes.get("/api/v1/alerts/{id}/history", this::history);
    }

    private void create(Context ctx) {
        StoredRule rule = alerts.create(ctx.body());
        ctx.header("Location", "/api/v1/alerts/" + rule.id());
        Requests.json(ctx, 201, RuleJson.render(rule));
    }

    private void update(Context ctx) {
        long id = Requests.idParam(ctx, "id");
        StoredRule rule = alerts.update(id, ctx.body()).orElseThrow(() -> noRule(id));
        Requests.json(ctx, 200, RuleJson.render(rule));
    }

    private void pause(Context ctx, boolean paused) {
        long id = Requests.idParam(ctx, "id");
        StoredRule rule = alerts.setPaused(id, paused).orElseThrow(() -> noRule(id));
        Requests.json(ctx, 200, RuleJson.render(rule));
    }

    private void delete(Context ctx) {
        long id = Requests.idParam(ctx, "id");
        if (!alerts.delete(id)) {
            throw noRule(id);
        }
        ctx.status(204);
    }

    /** Newest first; {@code ?before=<id>} for the page after, {@code next} names it. */
    private void history(Context ctx) {
        long id = find(ctx).id();
        int limit = Requests.intParam(ctx, "limit", 50, 1, 500);
        Optional<Long> before = Requests.param(ctx, "before").map(value -> {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new io.earshot.server.http.BadRequestException(
                        "before is the id of an alert (a number), got '" + value + "'");
            }
        });
        List<StoredAlert> page = alerts.history(id, before, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "items",
                page.stream()
                        .map(alert -> {
                            Map<String, Object> json = new LinkedHashMap<>();
                            json.put("id", alert.id());
                            json.putAll(Json.mapper().convertValue(Json.read(alert.notification()), Map.class));
                            return json;
                        })
                        .toList());
        if (page.size() == limit) {
            body.put(
                    "next",
                    "/api/v1/alerts/" + id + "/history?before=" + page.getLast().id() + "&limit=" + limit);
        }
        Requests.json(ctx, 200, body);
    }

    private StoredRule find(Context ctx) {
        long id = Requests.idParam(ctx, "id");
        return alerts.get(id).orElseThrow(() -> noRule(id));
    }

    private static NotFoundException noRule(long id) {
        return new NotFoundException("no alert rule " + id);
    }
}
