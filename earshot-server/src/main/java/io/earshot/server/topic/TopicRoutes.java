package io.earshot.server.topic;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.Json;
import io.earshot.server.http.NotFoundException;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.earshot.topic.Topic;
import io.earshot.topic.TopicService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Topics over HTTP: create, list, read, replace, delete. Changes reach the live matcher at once. */
public final class TopicRoutes implements Routes {

    private final TopicService topics;

    public TopicRoutes(TopicService topics) {
        this.topics = topics;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/topics", this::create);
        routes.get(
                "/api/v1/topics",
                ctx -> Requests.json(
                        ctx,
                        200,
                        Map.of(
                                "items",
                                topics.list().stream().map(TopicRoutes::json).toList())));
        routes.get("/api/v1/topics/{id}", ctx -> Requests.json(ctx, 200, json(find(ctx))));
        routes.put("/api/v1/topics/{id}", this::update);
        routes.delete("/api/v1/topics/{id}", this::delete);
    }

    private void create(Context ctx) {
        JsonNode body = Json.read(ctx.body());
        TopicService.Created created = topics.create(text(body, "name"), text(body, "query"));
        ctx.header("Location", "/api/v1/topics/" + created.topic().id());
        Requests.json(ctx, 201, json(created.topic(), created.warnings()));
    }

    private void update(Context ctx) {
        long id = Requests.idParam(ctx, "id");
        JsonNode body = Json.read(ctx.body());
        TopicService.Created updated = topics.update(id, text(body, "name"), text(body, "query"))
                .orElseThrow(() -> new NotFoundException("no topic " + id));
        Requests.json(ctx, 200, json(updated.topic(), updated.warnings()));
    }

    private void delete(Context ctx) {
        long id = Requests.idParam(ctx, "id");
        if (!topics.delete(id)) {
            throw new NotFoundException("no topic " + id);
        }
        ctx.status(204);
    }

    private Topic find(Context ctx) {
        long id = Requests.idParam(ctx, "id");
        return topics.get(id).orElseThrow(() -> new NotFoundException("no topic " + id));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new BadRequestException("missing \"" + field + "\": send {\"name\": \"...\", \"query\": \"...\"}");
        }
        if (!value.isTextual()) {
            throw new BadRequestException("\"" + field + "\" must be a string");
        }
        return value.asText();
    }

    static Map<String, Object> json(Topic topic) {
        return json(topic, List.of());
    }

    static Map<String, Object> json(Topic topic, List<String> warnings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", topic.id());
        json.put("name", topic.name());
        json.put("query", topic.query());
        json.put("createdAt", topic.createdAt().toString());
        json.put("updatedAt", topic.updatedAt().toString());
        if (!warnings.isEmpty()) {
            json.put("warnings", warnings);
        }
        return json;
    }
}
