package io.earshot.server.alert.delivery;

import io.earshot.alert.Delivery;
import io.earshot.server.http.NotFoundException;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/v1/alerts/dead-letters}: deliveries that failed for good, with why; retry one (from its first
 * try) or discard it. Registered before the rules' routes, whose {@code /api/v1/alerts/{id}} would match.
 */
public final class DeadLetterRoutes implements Routes {

    private final Outbox outbox;

    public DeadLetterRoutes(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(
                "/api/v1/alerts/dead-letters",
                ctx -> Requests.json(
                        ctx,
                        200,
                        Map.of(
                                "items",
                                outbox.deadLetters(Requests.intParam(ctx, "limit", 100, 1, 1000)).stream()
                                        .map(DeadLetterRoutes::json)
                                        .toList())));
        routes.post("/api/v1/alerts/dead-letters/{id}/retry", ctx -> {
            String id = ctx.pathParam("id");
            if (!outbox.retry(id)) {
                throw new NotFoundException("no dead letter " + id);
            }
            Requests.json(ctx, 202, Map.of("id", id, "status", "pending"));
        });
        routes.delete("/api/v1/alerts/dead-letters/{id}", ctx -> {
            String id = ctx.pathParam("id");
            if (!outbox.discard(id)) {
                throw new NotFoundException("no dead letter " + id);
            }
            ctx.status(204);
        });
    }

    private static Map<String, Object> json(Delivery delivery) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", delivery.id());
        json.put("rule", delivery.ruleId());
        json.put("alert", delivery.alertId());
        json.put("channel", Map.of("type", delivery.channelType(), "target", delivery.target()));
        json.put("attempts", delivery.attempts());
        delivery.lastError().ifPresent(error -> json.put("error", error));
        json.put("firedAt", delivery.createdAt().toString());
        return json;
    }
}
