package io.earshot.server.analytics;

import io.earshot.archive.MentionArchive;
import io.earshot.archive.MentionSearch;
import io.earshot.domain.Mention;
import io.earshot.domain.Post;
import io.earshot.query.QueryNode;
import io.earshot.query.QueryParser;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.earshot.server.mention.MentionJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/analytics/mentions}: the mentions of a topic in a time range, newest first, as JSON or
 * CSV, up to {@value #MAX_ROWS} at a time; filters go in {@code q} ({@code sentiment:negative lang:en}).
 */
final class MentionExport implements Routes {

    static final int MAX_ROWS = 100_000;
    private static final int PAGE = 1000;

    private final MentionArchive archive;

    MentionExport(MentionArchive archive) {
        this.archive = archive;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/analytics/mentions", this::export);
    }

    private void export(Context ctx) {
        boolean csv = AnalyticsParams.csv(ctx);
        String topicParam = Requests.param(ctx, "topic")
                .orElseThrow(() -> new BadRequestException("'topic' is required: the id of the topic to export"));
        long topic = AnalyticsParams.ids("topic", topicParam).getFirst();
        Optional<Instant> from = AnalyticsParams.instant(ctx, "from");
        Optional<Instant> to = AnalyticsParams.instant(ctx, "to");
        if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
            throw new BadRequestException("'to' must be after 'from'");
        }
        Optional<QueryNode> query =
                Requests.param(ctx, "q").map(q -> QueryParser.parse(q).root());
        int limit = Requests.intParam(ctx, "limit", 10_000, 1, MAX_ROWS);
        List<Mention> rows = new ArrayList<>();
        boolean truncated = false;
        Optional<String> cursor = Optional.empty();
        pages:
        while (true) {
            MentionArchive.MentionPage page =
                    archive.search(new MentionSearch(Optional.of(topic), query, true, PAGE, cursor));
            for (Mention mention : page.items()) {
                Instant created = mention.post().createdAt();
                if (to.isPresent() && !created.isBefore(to.get())) {
                    continue;
                }
                if (from.isPresent() && created.isBefore(from.get())) {
                    break pages; // newest first: everything after this is older
                }
                if (rows.size() == limit) {
                    truncated = true;
                    break pages;
                }
                rows.add(mention);
            }
            if (page.next().isEmpty()) {
                break;
            }
            cursor = page.next();
        }
        if (csv) {
            Csv out = new Csv()
                    .row(
                            "id",
                            "network",
                            "created_at",
                            "author_id",
                            "author_handle",
                            "followers",
                            "text",
                            "lang",
                            "topics",
                            "sentiment",
                            "emotion",
                            "likes",
                            "reposts",
                            "replies",
                            "quotes",
                            "url");
            for (Mention mention : rows) {
                Post post = mention.post();
                out.row(
                        post.key().id(),
                        post.network().id(),
                        post.createdAt().toString(),
                        post.author().id(),
                        post.author().displayHandle(),
                        post.author().followers().isPresent()
                                ? (Object) post.author().followers().getAsLong()
                                : "",
                        post.text(),
                        post.langs().isEmpty() ? "" : post.langs().getFirst(),
                        mention.topicIds().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                        mention.sentiment().map(label -> label.id()).orElse(""),
                        mention.enrichment()
                                .flatMap(heard -> heard.emotion())
                                .map(emotion -> emotion.label().id())
                                .orElse(""),
                        mention.engagement().likes(),
                        mention.engagement().reposts(),
                        mention.engagement().replies(),
                        mention.engagement().quotes(),
                        post.url().orElse(post.uri()));
            }
            if (truncated) {
                ctx.header("X-Earshot-Truncated", "true");
            }
            out.send(ctx, "mentions-topic-" + topic);
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("topic", topic);
        json.put("count", rows.size());
        json.put("truncated", truncated);
        json.put("items", rows.stream().map(MentionJson::of).toList());
        Requests.json(ctx, 200, json);
    }
}
