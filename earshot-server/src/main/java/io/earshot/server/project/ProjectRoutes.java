package io.earshot.server.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.project.Project;
import io.earshot.project.ProjectStore;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.Json;
import io.earshot.server.http.NotFoundException;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.earshot.topic.TopicService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/projects}: a brand's topics, its competitors' topics and other followed topics, as one unit
 * for share of voice and dashboards.
 */
public final class ProjectRoutes implements Routes {

    private final ProjectStore projects;
    private final TopicService topics;

    public ProjectRoutes(ProjectStore projects, TopicService topics) {
        this.projects = projects;
        this.topics = topics;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/projects", this::create);
        routes.get(
                "/api/v1/projects",
                ctx -> Requests.json(
                        ctx,
                        200,
                        Map.of("items", projects.list().stream().map(this::json).toList())));
        routes.get("/api/v1/projects/{id}", ctx -> Requests.json(ctx, 200, json(find(ctx))));
        routes.put("/api/v1/projects/{id}", this::update);
        routes.delete("/api/v1/projects/{id}", ctx -> {
            long id = Requests.idParam(ctx, "id");
            if (!projects.delete(id)) {
                throw noProject(id);
            }
            ctx.status(204);
        });
    }

    private void create(Context ctx) {
        Project project = projects.create(definition(ctx.body()));
        ctx.header("Location", "/api/v1/projects/" + project.id());
        Requests.json(ctx, 201, json(project));
    }

    private void update(Context ctx) {
        long id = Requests.idParam(ctx, "id");
        Project project = projects.update(id, definition(ctx.body())).orElseThrow(() -> noProject(id));
        Requests.json(ctx, 200, json(project));
    }

    /** Parses and checks a project: every topic must exist. */
    private Project.Definition definition(String body) {
        JsonNode json = Json.read(body);
        if (!json.isObject() || !json.path("name").isTextual()) {
            throw new BadRequestException("a project is {\"name\": \"Acme\", \"brand\": [1], \"competitors\": [2, 3],"
                    + " \"others\": [4]} (topic ids)");
        }
        Project.Definition definition = new Project.Definition(
                json.get("name").asText(), ids(json, "brand"), ids(json, "competitors"), ids(json, "others"));
        for (long topic : definition.brand()) {
            requireTopic(topic);
        }
        definition.competitors().forEach(this::requireTopic);
        definition.others().forEach(this::requireTopic);
        return definition;
    }

    private void requireTopic(long id) {
        if (topics.get(id).isEmpty()) {
            throw new BadRequestException("no topic " + id + ": create it first (POST /api/v1/topics)");
        }
    }

    private static List<Long> ids(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new BadRequestException("\"" + field + "\" must be a list of topic ids, e.g. [1, 2]");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : value) {
            if (!id.canConvertToLong()) {
                throw new BadRequestException("\"" + field + "\" holds topic ids (numbers), got " + id);
            }
            ids.add(id.asLong());
        }
        return ids;
    }

    private Project find(Context ctx) {
        long id = Requests.idParam(ctx, "id");
        return projects.get(id).orElseThrow(() -> noProject(id));
    }

    private static NotFoundException noProject(long id) {
        return new NotFoundException("no project " + id);
    }

    /** A project for the API; topics deleted since it was saved are listed under {@code missingTopics}. */
    private Map<String, Object> json(Project project) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", project.id());
        json.put("name", project.name());
        json.put("brand", project.brand());
        json.put("competitors", project.competitors());
        json.put("others", project.others());
        List<Long> missing = project.allTopics().stream()
                .filter(topic -> topics.get(topic).isEmpty())
                .toList();
        if (!missing.isEmpty()) {
            json.put("missingTopics", missing);
        }
        json.put("createdAt", project.createdAt().toString());
        json.put("updatedAt", project.updatedAt().toString());
        return json;
    }
}
