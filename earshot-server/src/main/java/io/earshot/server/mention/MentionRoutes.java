package io.earshot.server.mention;

import io.earshot.archive.MentionArchive;
import io.earshot.archive.MentionSearch;
import io.earshot.domain.PostKey;
import io.earshot.query.QueryNode;
import io.earshot.query.QueryParser;
import io.earshot.server.http.BadRequestException;
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

    public MentionRoutes(MentionArchive archive) {
        this.archive = archive;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/mentions", this::list);
        routes.get("/api/v1/mentions/{id}", this::one);
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

    private static long parseTopic(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("'topic' is a topic id (a number), got '" + value + "'");
        }
    }
}
