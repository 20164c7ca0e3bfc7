package io.earshot.server.mention;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.archive.MentionArchive;
import io.earshot.archive.MentionSearch;
import io.earshot.domain.Mention;
import io.earshot.domain.PostKey;
import io.earshot.enrich.sentiment.SentimentLabel;
import io.earshot.query.QueryNode;
import io.earshot.query.QueryParser;
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

/** {@code GET /api/v1/mentions} (newest first, filtered by topic and query) and {@code GET /api/v1/mentions/{id}}. */
public final class MentionRoutes implements Routes {

    private final MentionArchive archive;
    private final SentimentCorrector corrector;

    public MentionRoutes(MentionArchive archive, SentimentCorrector corrector) {
        this.archive = archive;
        this.corrector = corrector;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/mentions", this::list);
        routes.get("/api/v1/mentions/{id}", this::one);
        routes.put("/api/v1/mentions/{id}/sentiment", this::correctSentiment);
    }

    private void list(Context ctx) {
        Optional<Long> topic = Requests.param(ctx, "topic").map(value -> parseTopic(value));
        Optional<QueryNode> query =
                Requests.param(ctx, "q").map(q -> QueryParser.parse(q).root());
        int limit = Requests.intParam(ctx, "limit", 50, 1, MentionSearch.MAX_LIMIT);
        MentionArchive.MentionPage page =
                archive.search(new MentionSearch(topic, query, true, limit, Requests.param(ctx, "cursor")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(MentionJson::of).toList());
        body.put("total", page.total());
        body.put("next", page.next().orElse(null));
        Requests.json(ctx, 200, body);
    }

    private void one(Context ctx) {
        String id = ctx.pathParam("id");
        PostKey key;
        try {
            key = PostKey.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no mention '" + id + "': " + e.getMessage());
        }
        Requests.json(
                ctx,
                200,
                MentionJson.of(archive.get(key).orElseThrow(() -> new NotFoundException("no mention '" + id + "'"))));
    }

    private void correctSentiment(Context ctx) {
        PostKey key = key(ctx.pathParam("id"));
        JsonNode body = Json.read(ctx.body());
        JsonNode label = body.get("label");
        if (label == null || !label.isTextual()) {
            throw new BadRequestException("send {\"label\": \"positive\" | \"neutral\" | \"negative\"}");
        }
        SentimentLabel corrected;
        try {
            corrected = SentimentLabel.fromId(label.asText());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        Mention mention = corrector
                .correct(key, corrected)
                .orElseThrow(() -> new NotFoundException("no mention '" + key.id() + "'"));
        Requests.json(ctx, 200, MentionJson.of(mention));
    }

    private static PostKey key(String id) {
        try {
            return PostKey.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no mention '" + id + "': " + e.getMessage());
        }
    }

    private static long parseTopic(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("'topic' is a topic id (a number), got '" + value + "'");
        }
    }
}
