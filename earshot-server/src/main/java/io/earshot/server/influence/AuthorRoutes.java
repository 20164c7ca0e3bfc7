package io.earshot.server.influence;

import io.earshot.domain.Network;
import io.earshot.influence.AuthorInfluence;
import io.earshot.influence.Contribution;
import io.earshot.influence.InfluenceService;
import io.earshot.influence.Rule;
import io.earshot.influence.TopicInfluence;
import io.earshot.project.ProjectStore;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.NotFoundException;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Influence in the API: {@code GET /api/v1/authors/{network:id}} (score, components, the interactions behind it,
 * daily history), {@code GET /api/v1/authors?topics=1,2} (top authors, overall or for topics),
 * {@code GET /api/v1/influence/advocates|detractors?topics=1,2}, and {@code DELETE /api/v1/authors/{network:id}}
 * (erase the author and exclude them from scoring).
 */
public final class AuthorRoutes implements Routes {

    static final int MAX_LIMIT = 1000;

    private final InfluenceService influence;
    private final TopicInfluence topics;
    private final Consumer<Runnable> onIngestThread;

    /** {@code onIngestThread} runs an erasure where archive and graph writes are made, and waits for it. */
    private final ProjectStore projects;

    public AuthorRoutes(
            InfluenceService influence,
            TopicInfluence topics,
            ProjectStore projects,
            Consumer<Runnable> onIngestThread) {
        this.projects = projects;
        this.influence = influence;
        this.topics = topics;
        this.onIngestThread = onIngestThread;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/authors", this::list);
        routes.get("/api/v1/authors/{id}", this::one);
        routes.delete("/api/v1/authors/{id}", this::erase);
        routes.get("/api/v1/influence/advocates", ctx -> voices(ctx, true));
        routes.get("/api/v1/influence/detractors", ctx -> voices(ctx, false));
    }

    private void list(Context ctx) {
        int limit = Requests.intParam(ctx, "limit", 50, 1, MAX_LIMIT);
        List<Long> topicIds = topicIds(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        if (topicIds.isEmpty()) {
            body.put(
                    "items",
                    influence.snapshot().top(limit).stream()
                            .filter(found -> !influence.isExcluded(found.network(), found.accountId()))
                            .map(AuthorRoutes::summary)
                            .toList());
        } else {
            body.put("topics", topicIds);
            body.put(
                    "items",
                    topics.top(topicIds, limit).stream()
                            .map(found -> {
                                Map<String, Object> item = summary(found.overall());
                                item.put("topic_score", found.topicScore());
                                item.put("topic_authority", found.topicAuthority());
                                item.put("topic_amplification", found.topicAmplification());
                                item.put("mentions", found.mentions());
                                return item;
                            })
                            .toList());
        }
        body.put("computed_at", influence.snapshot().computedAt());
        Requests.json(ctx, 200, body);
    }

    private void one(Context ctx) {
        String id = ctx.pathParam("id");
        Account account = account(id);
        AuthorInfluence found = influence
                .influence(account.network(), account.id())
                .orElseThrow(() -> new NotFoundException(
                        "no influence for author '" + id + "': not seen in the interaction graph, or excluded"));
        Map<String, Object> body = summary(found);
        body.put("components", components(found));
        List<Map<String, Object>> interactions = new ArrayList<>();
        for (Contribution contribution : influence.snapshot().explain(account.network(), account.id(), 20)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("from", contribution.fromAccount());
            item.put("kind", contribution.kind().id());
            item.put("at", contribution.at());
            item.put("post", contribution.post().map(Object::toString).orElse(null));
            item.put("amplification", round(contribution.amplification()));
            item.put("authority_weight", round(contribution.authorityWeight()));
            item.put(
                    "rules",
                    contribution.rules().stream().map(Rule::id).sorted().toList());
            interactions.add(item);
        }
        body.put("top_interactions", interactions);
        body.put(
                "history",
                influence.history(account.network(), account.id(), 90).stream()
                        .map(day -> Map.of("day", day.day().toString(), "score", day.score()))
                        .toList());
        body.put("computed_at", influence.snapshot().computedAt());
        Requests.json(ctx, 200, body);
    }

    private void erase(Context ctx) {
        Account account = account(ctx.pathParam("id"));
        onIngestThread.accept(() -> influence.erase(account.network(), account.id()));
        ctx.status(204);
    }

    private void voices(Context ctx, boolean positive) {
        List<Long> topicIds = topicIds(ctx);
        if (topicIds.isEmpty()) {
            throw new BadRequestException("name the topics: ?topics=1,2 or ?project=ID (its brand topics)");
        }
        int limit = Requests.intParam(ctx, "limit", 50, 1, MAX_LIMIT);
        List<Map<String, Object>> items = topics.voices(topicIds, positive, limit).stream()
                .map(voice -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", voice.network().id() + ":" + voice.accountId());
                    item.put("handle", voice.handle().orElse(null));
                    item.put("positive", voice.positive());
                    item.put("negative", voice.negative());
                    item.put("mentions", voice.mentions());
                    item.put("influence", voice.influence());
                    item.put("weight", round(voice.weight()));
                    return item;
                })
                .toList();
        Requests.json(ctx, 200, Map.of("topics", topicIds, "items", items));
    }

    private static Map<String, Object> summary(AuthorInfluence found) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", found.key());
        item.put("network", found.network().id());
        item.put("account", found.accountId());
        item.put("score", found.score());
        return item;
    }

    private static Map<String, Object> components(AuthorInfluence found) {
        var parts = found.components();
        Map<String, Object> components = new LinkedHashMap<>();
        components.put(
                "followers", parts.followers().isPresent() ? parts.followers().getAsLong() : null);
        components.put("reach", round(parts.reach()));
        components.put("amplification", round(parts.amplification()));
        components.put("amplified_posts", parts.amplifiedPosts());
        components.put("amplification_per_post", round(parts.amplificationPerPost()));
        components.put("network_authority", round(parts.networkAuthority()));
        components.put("interactions_received", parts.interactionsReceived());
        components.put("raw", round(parts.raw()));
        return components;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /**
     * {@code ?topic=3}, {@code ?topics=1,2}, or {@code ?project=5}: a project's brand topics (who speaks about
     * the brand: its advocates and detractors, its top voices).
     */
    List<Long> topicIds(Context ctx) {
        List<Long> ids = new ArrayList<>();
        Requests.param(ctx, "project").ifPresent(value -> {
            long id;
            try {
                id = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new BadRequestException("'project' takes a project id (a number), got '" + value + "'");
            }
            ids.addAll(projects.get(id)
                    .orElseThrow(() -> new NotFoundException("no project " + id))
                    .brand());
        });
        for (String name : List.of("topic", "topics")) {
            Requests.param(ctx, name).ifPresent(value -> {
                for (String part : value.split(",")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    try {
                        ids.add(Long.parseLong(part.strip()));
                    } catch (NumberFormatException e) {
                        throw new BadRequestException("'" + name + "' takes topic ids (numbers), got '" + part + "'");
                    }
                }
            });
        }
        return ids.stream().distinct().toList();
    }

    record Account(Network network, String id) {}

    static Account account(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new NotFoundException(
                    "an author id looks like 'network:account', e.g. 'bluesky:did:plc:abc'; got '" + key + "'");
        }
        try {
            return new Account(Network.fromId(key.substring(0, colon)), key.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(e.getMessage());
        }
    }
}
