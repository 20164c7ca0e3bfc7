package io.earshot.server.web;

import io.earshot.archive.MentionArchive;
import io.earshot.archive.MentionSearch;
import io.earshot.domain.Mention;
import io.earshot.query.ParsedQuery;
import io.earshot.query.QueryParser;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.Json;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.earshot.server.mention.MentionJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/topics/preview} {@code {"query": "..."}}: what a topic would match before it is saved —
 * a syntax error with its position ({@code 400}, as topics answer), or the newest matching archived posts
 * (matched or not by another topic) and an estimated daily volume from the last {@link #WINDOW}.
 *
 * <p>Also {@code GET /search.csv?q=}: the search page's results (up to {@link #CSV_ROWS}) as CSV.
 */
public final class TopicPreviewRoutes implements Routes {

    static final Duration WINDOW = Duration.ofDays(7);
    static final int CSV_ROWS = MentionSearch.MAX_LIMIT;
    private static final int SAMPLE = 1000;

    private final MentionArchive archive;
    private final Clock clock;

    public TopicPreviewRoutes(MentionArchive archive, Clock clock) {
        this.archive = archive;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/topics/preview", this::preview);
        routes.get("/search.csv", this::csv);
    }

    private void preview(Context ctx) {
        String query = query(ctx);
        ParsedQuery parsed = QueryParser.parse(query);
        MentionArchive.MentionPage page = archive.search(
                new MentionSearch(Optional.empty(), Optional.of(parsed.root()), false, SAMPLE, Optional.empty()));
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        List<Mention> recent = page.items().stream()
                .filter(mention -> mention.post().createdAt().isAfter(since))
                .toList();
        Instant oldest = recent.stream()
                .map(mention -> mention.post().createdAt())
                .min(Instant::compareTo)
                .orElse(now);
        double days = Math.max(1.0, Duration.between(oldest, now).toHours() / 24.0);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("query", query);
        json.put("warnings", parsed.warnings());
        json.put("total", page.total());
        json.put("inWindow", recent.size());
        json.put("windowDays", Math.round(days * 10) / 10.0);
        json.put("estimatedDaily", Math.round(recent.size() / days));
        json.put("sampled", page.items().size() == SAMPLE);
        json.put("items", page.items().stream().limit(20).map(MentionJson::of).toList());
        Requests.json(ctx, 200, json);
    }

    private static String query(Context ctx) {
        try {
            Object body = Json.mapper().readValue(ctx.body(), Object.class);
            if (body instanceof Map<?, ?> map && map.get("query") instanceof String query && !query.isBlank()) {
                return query;
            }
        } catch (IOException | RuntimeException e) {
            // answered below
        }
        throw new BadRequestException("send {\"query\": \"...\"} with a non-empty query");
    }

    private void csv(Context ctx) {
        Optional<ParsedQuery> parsed = Requests.param(ctx, "q").map(QueryParser::parse);
        MentionArchive.MentionPage page = archive.search(
                new MentionSearch(Optional.empty(), parsed.map(ParsedQuery::root), true, CSV_ROWS, Optional.empty()));
        StringBuilder out = new StringBuilder(256 * page.items().size() + 128);
        out.append("created_at,network,author,text,url,sentiment,lang,topics,likes,reposts,replies\r\n");
        for (Mention mention : page.items()) {
            Map<String, Object> row = MentionJson.of(mention);
            @SuppressWarnings("unchecked")
            Map<String, Object> author = (Map<String, Object>) row.get("author");
            @SuppressWarnings("unchecked")
            Map<String, Object> sentiment = (Map<String, Object>) row.getOrDefault("sentiment", Map.of());
            Csv.row(
                    out,
                    row.get("createdAt"),
                    row.get("network"),
                    author.get("handle"),
                    row.get("text"),
                    row.get("url"),
                    sentiment == null ? "" : sentiment.get("label"),
                    row.get("lang"),
                    row.get("topics"),
                    row.get("likes"),
                    row.get("reposts"),
                    row.get("replies"));
        }
        ctx.header("Content-Disposition", "attachment; filename=\"earshot-mentions.csv\"");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(out.toString());
    }
}
