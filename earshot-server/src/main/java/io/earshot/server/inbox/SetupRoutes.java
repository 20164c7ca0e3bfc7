package io.earshot.server.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.inbox.RoutingMode;
import io.earshot.inbox.RoutingRule;
import io.earshot.inbox.Team;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.Json;
import io.earshot.server.http.NotFoundException;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /api/v1/routing-rules} (ordered; mode first or all), {@code /api/v1/teams}, {@code /api/v1/canned-replies}. */
final class SetupRoutes implements Routes {

    private final InboxSetup setup;

    SetupRoutes(InboxSetup setup) {
        this.setup = setup;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/routing-rules", ctx -> Requests.json(ctx, 200, rules()));
        routes.post("/api/v1/routing-rules", this::createRule);
        routes.put("/api/v1/routing-rules/mode", ctx -> {
            JsonNode body = Fields.object(Json.read(ctx.body()), "the routing mode");
            setup.setMode(RoutingMode.fromId(Fields.requiredText(body, "mode", "\"first\" or \"all\"")));
            Requests.json(ctx, 200, rules());
        });
        routes.post(
                "/api/v1/routing-rules/test",
                ctx -> Requests.json(ctx, 200, RoutingTrial.run(Json.read(ctx.body()), setup)));
        routes.put("/api/v1/routing-rules/order", ctx -> {
            JsonNode body = Fields.object(Json.read(ctx.body()), "the order");
            setup.reorder(Fields.numbers(body, "ids"));
            Requests.json(ctx, 200, rules());
        });
        routes.get("/api/v1/routing-rules/{id}", ctx -> Requests.json(ctx, 200, RoutingRuleJson.render(rule(ctx))));
        routes.put("/api/v1/routing-rules/{id}", ctx -> {
            long id = Requests.idParam(ctx, "id");
            RoutingRule rule = setup.replaceRule(id, ctx.body()).orElseThrow(() -> InboxSetup.noRule(id));
            Requests.json(ctx, 200, RoutingRuleJson.render(rule));
        });
        routes.delete("/api/v1/routing-rules/{id}", ctx -> {
            long id = Requests.idParam(ctx, "id");
            if (!setup.deleteRule(id)) {
                throw InboxSetup.noRule(id);
            }
            ctx.status(204);
        });

        routes.get(
                "/api/v1/teams",
                ctx -> Requests.json(
                        ctx,
                        200,
                        Map.of(
                                "items",
                                setup.teams().stream().map(TeamJson::render).toList())));
        routes.post("/api/v1/teams", ctx -> {
            Team team = TeamJson.parse(Json.read(ctx.body()), Optional.empty());
            if (setup.team(team.id()).isPresent()) {
                throw new io.earshot.server.http.ConflictException(
                        "team '" + team.id() + "' exists; PUT /api/v1/teams/" + team.id() + " changes it");
            }
            setup.putTeam(team);
            ctx.header("Location", "/api/v1/teams/" + team.id());
            Requests.json(ctx, 201, TeamJson.render(team));
        });
        routes.get("/api/v1/teams/{id}", ctx -> Requests.json(ctx, 200, TeamJson.render(team(ctx))));
        routes.put("/api/v1/teams/{id}", ctx -> {
            Team team = TeamJson.parse(Json.read(ctx.body()), Optional.of(ctx.pathParam("id")));
            boolean created = setup.putTeam(team);
            Requests.json(ctx, created ? 201 : 200, TeamJson.render(team));
        });
        routes.delete("/api/v1/teams/{id}", ctx -> {
            if (!setup.deleteTeam(ctx.pathParam("id"))) {
                throw new NotFoundException("no team '" + ctx.pathParam("id") + "'");
            }
            ctx.status(204);
        });

        routes.get(
                "/api/v1/canned-replies",
                ctx -> Requests.json(
                        ctx,
                        200,
                        Map.of(
                                "items",
                                setup.canned().stream()
                                        .map(RoutingRuleJson::renderCanned)
                                        .toList())));
        routes.post("/api/v1/canned-replies", ctx -> {
            var canned = setup.createCanned(ctx.body());
            ctx.header("Location", "/api/v1/canned-replies/" + canned.id());
            Requests.json(ctx, 201, RoutingRuleJson.renderCanned(canned));
        });
        routes.get("/api/v1/canned-replies/{id}", ctx -> {
            long id = Requests.idParam(ctx, "id");
            Requests.json(
                    ctx,
                    200,
                    RoutingRuleJson.renderCanned(
                            setup.canned(id).orElseThrow(() -> new NotFoundException("no canned reply " + id))));
        });
        routes.put("/api/v1/canned-replies/{id}", ctx -> {
            long id = Requests.idParam(ctx, "id");
            Requests.json(
                    ctx,
                    200,
                    RoutingRuleJson.renderCanned(setup.replaceCanned(id, ctx.body())
                            .orElseThrow(() -> new NotFoundException("no canned reply " + id))));
        });
        routes.delete("/api/v1/canned-replies/{id}", ctx -> {
            long id = Requests.idParam(ctx, "id");
            if (!setup.deleteCanned(id)) {
                throw new NotFoundException("no canned reply " + id);
            }
            ctx.status(204);
        });
    }

    private Map<String, Object> rules() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", setup.mode().id());
        json.put("items", setup.rules().stream().map(RoutingRuleJson::render).toList());
        return json;
    }

    private void createRule(Context ctx) {
        JsonNode body = Fields.object(Json.read(ctx.body()), "a routing rule");
        Optional<Integer> position = Fields.number(body, "position").map(p -> {
            if (p < 1) {
                throw new BadRequestException("\"position\" counts from 1 (first)");
            }
            return (int) Math.min(p, Integer.MAX_VALUE);
        });
        RoutingRule rule = setup.createRule(ctx.body(), position);
        ctx.header("Location", "/api/v1/routing-rules/" + rule.id());
        Requests.json(ctx, 201, RoutingRuleJson.render(rule));
    }

    private RoutingRule rule(Context ctx) {
        long id = Requests.idParam(ctx, "id");
        return setup.rule(id).orElseThrow(() -> InboxSetup.noRule(id));
    }

    private Team team(Context ctx) {
        String id = ctx.pathParam("id");
        return setup.team(id).orElseThrow(() -> new NotFoundException("no team '" + id + "'"));
    }
}
