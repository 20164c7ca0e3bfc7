package io.earshot.server.analytics;

import io.earshot.analytics.AnalyticsScope;
import io.earshot.analytics.Comparison;
import io.earshot.analytics.Dimension;
import io.earshot.analytics.Facet;
import io.earshot.analytics.Interval;
import io.earshot.analytics.MentionAnalytics;
import io.earshot.analytics.MentionAnalytics.RankedValue;
import io.earshot.analytics.MentionAnalytics.TopicTotals;
import io.earshot.analytics.MentionAnalytics.TrendingValue;
import io.earshot.analytics.MentionAnalytics.VolumeSeries;
import io.earshot.analytics.Rank;
import io.earshot.archive.MentionArchive;
import io.earshot.domain.Author;
import io.earshot.project.Project;
import io.earshot.project.ProjectStore;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.earshot.topic.Topic;
import io.earshot.topic.TopicService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/analytics/...}: volume, share of voice, top values, trending values and comparisons, as JSON
 * or ({@code format=csv}) CSV. See {@code docs/api.md}, section "Analytics".
 */
public final class AnalyticsRoutes implements Routes {

    static final Duration DEFAULT_RANGE = Duration.ofDays(7);
    static final int MAX_LIMIT = 1000;

    private final MentionAnalytics analytics;
    private final TopicService topics;
    private final AnalyticsParams params;
    private final Clock clock;
    private final MentionExport export;
    private final AuthorLabels authors;

    public AnalyticsRoutes(
            MentionAnalytics analytics,
            MentionArchive archive,
            ProjectStore projects,
            TopicService topics,
            Clock clock) {
        this.analytics = analytics;
        this.export = new MentionExport(archive);
        this.authors = new AuthorLabels(archive);
        this.topics = topics;
        this.params = new AnalyticsParams(projects);
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/analytics/volume", this::volume);
        routes.get("/api/v1/analytics/share-of-voice", this::shareOfVoice);
        routes.get("/api/v1/analytics/top", this::top);
        routes.get("/api/v1/analytics/trending", this::trending);
        routes.get("/api/v1/analytics/compare", this::compare);
        export.register(routes);
    }

    private void volume(Context ctx) {
        boolean csv = AnalyticsParams.csv(ctx);
        Interval interval = Interval.fromId(Requests.param(ctx, "interval").orElse("hour"));
        Optional<Dimension> split = Requests.param(ctx, "split").map(Dimension::fromId);
        Duration defaultRange = interval == Interval.MINUTE ? Duration.ofHours(1) : DEFAULT_RANGE;
        AnalyticsScope scope = params.scope(ctx, params.topics(ctx), clock.instant(), defaultRange);
        VolumeSeries series = analytics.volume(scope, interval, AnalyticsParams.zone(ctx), split);
        if (csv) {
            Csv out = new Csv();
            List<Object> header = new ArrayList<>(List.of("bucket_start"));
            header.addAll(series.counts().keySet());
            out.row(header);
            for (int i = 0; i < series.bucketStarts().size(); i++) {
                List<Object> row =
                        new ArrayList<>(List.of(series.bucketStarts().get(i).toString()));
                for (long[] counts : series.counts().values()) {
                    row.add(counts[i]);
                }
                out.row(row);
            }
            out.send(ctx, "volume");
            return;
        }
        Map<String, Object> json = scopeJson(scope);
        json.put("interval", interval.id());
        json.put("tz", AnalyticsParams.zone(ctx).getId());
        split.ifPresent(d -> json.put("split", d.id()));
        json.put("total", series.total());
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (int i = 0; i < series.bucketStarts().size(); i++) {
            Map<String, Object> bucket = new LinkedHashMap<>();
            bucket.put("start", series.bucketStarts().get(i).toString());
            if (split.isEmpty()) {
                bucket.put("count", series.counts().get("all")[i]);
            } else {
                Map<String, Long> counts = new LinkedHashMap<>();
                long sum = 0;
                for (Map.Entry<String, long[]> entry : series.counts().entrySet()) {
                    counts.put(entry.getKey(), entry.getValue()[i]);
                    sum += entry.getValue()[i];
                }
                bucket.put("count", sum);
                bucket.put("counts", counts);
            }
            buckets.add(bucket);
        }
        json.put("buckets", buckets);
        Requests.json(ctx, 200, json);
    }

    private void shareOfVoice(Context ctx) {
        boolean csv = AnalyticsParams.csv(ctx);
        List<Long> brand;
        List<Long> competitors;
        Optional<Project> project = Requests.param(ctx, "project").map(params::project);
        if (project.isPresent()) {
            if (Requests.param(ctx, "brand").isPresent()
                    || Requests.param(ctx, "competitors").isPresent()) {
                throw new BadRequestException("give 'project', or 'brand' and 'competitors', not both");
            }
            brand = project.get().brand();
            competitors = project.get().competitors();
        } else {
            brand = AnalyticsParams.ids(
                    "brand",
                    Requests.param(ctx, "brand")
                            .orElseThrow(() -> new BadRequestException(
                                    "give 'project' (a project id), or 'brand' and 'competitors' (topic ids)")));
            competitors = Requests.param(ctx, "competitors")
                    .map(v -> AnalyticsParams.ids("competitors", v))
                    .orElse(List.of());
        }
        List<Long> all = new ArrayList<>(brand);
        for (long competitor : competitors) {
            if (all.contains(competitor)) {
                throw new BadRequestException("topic " + competitor + " is both brand and competitor");
            }
            all.add(competitor);
        }
        AnalyticsScope scope = params.scope(ctx, all, clock.instant(), DEFAULT_RANGE);
        List<TopicTotals> totals = analytics.totalsByTopic(scope);
        long mentions = totals.stream().mapToLong(TopicTotals::mentions).sum();
        long positive = totals.stream().mapToLong(TopicTotals::positive).sum();
        long reach = totals.stream().mapToLong(TopicTotals::reach).sum();
        List<Map<String, Object>> rows = new ArrayList<>();
        double[] brandShares = new double[3];
        for (TopicTotals topic : totals) {
            boolean isBrand = brand.contains(topic.topicId());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("topicId", topic.topicId());
            row.put("name", topics.get(topic.topicId()).map(Topic::name).orElse(""));
            row.put("role", isBrand ? "brand" : "competitor");
            row.put("mentions", topic.mentions());
            row.put("mentionsShare", share(topic.mentions(), mentions));
            row.put("positive", topic.positive());
            row.put("positiveShare", share(topic.positive(), positive));
            row.put("reach", topic.reach());
            row.put("reachShare", share(topic.reach(), reach));
            row.put("reachKnownMentions", topic.reachKnown());
            rows.add(row);
            if (isBrand) {
                brandShares[0] += share(topic.mentions(), mentions);
                brandShares[1] += share(topic.positive(), positive);
                brandShares[2] += share(topic.reach(), reach);
            }
        }
        if (csv) {
            Csv out = new Csv();
            out.row(new ArrayList<>(rows.getFirst().keySet()));
            rows.forEach(row -> out.row(new ArrayList<>(row.values())));
            out.send(ctx, "share-of-voice");
            return;
        }
        Map<String, Object> json = scopeJson(scope);
        project.ifPresent(p -> json.put("project", p.id()));
        json.put(
                "method",
                "share = the topic's value / the sum over brand and competitor topics; a mention of two of them counts"
                        + " for each. mentions: mentions; positive: mentions with positive sentiment; reach: the sum"
                        + " of the followers of each mention's author, over mentions whose author's follower count is"
                        + " known (reachKnownMentions).");
        Map<String, Object> brandShare = new LinkedHashMap<>();
        brandShare.put("mentionsShare", brandShares[0]);
        brandShare.put("positiveShare", brandShares[1]);
        brandShare.put("reachShare", brandShares[2]);
        json.put("brand", brandShare);
        Map<String, Object> sums = new LinkedHashMap<>();
        sums.put("mentions", mentions);
        sums.put("positive", positive);
        sums.put("reach", reach);
        json.put("totals", sums);
        json.put("topics", rows);
        Requests.json(ctx, 200, json);
    }

    private void top(Context ctx) {
        boolean csv = AnalyticsParams.csv(ctx);
        Facet facet = Facet.fromId(Requests.param(ctx, "by")
                .orElseThrow(
                        () -> new BadRequestException("'by' is required: authors, hashtags, links, domains or terms")));
        Rank rank = Rank.fromId(Requests.param(ctx, "rank").orElse("count"));
        int limit = Requests.intParam(ctx, "limit", 10, 1, MAX_LIMIT);
        AnalyticsScope scope = params.scope(ctx, params.topics(ctx), clock.instant(), DEFAULT_RANGE);
        List<RankedValue> values = analytics.top(scope, facet, rank, limit);
        boolean labelled = facet == Facet.AUTHORS;
        List<Optional<Author>> who = labelled ? authors.of(values) : List.of();
        if (csv) {
            Csv out = labelled
                    ? new Csv().row("value", "handle", "name", "mentions", "engagement")
                    : new Csv().row("value", "mentions", "engagement");
            for (int i = 0; i < values.size(); i++) {
                RankedValue v = values.get(i);
                if (labelled) {
                    Optional<Author> author = who.get(i);
                    out.row(
                            v.value(),
                            author.flatMap(Author::handle).orElse(""),
                            author.flatMap(Author::displayName).orElse(""),
                            v.mentions(),
                            v.engagement());
                } else {
                    out.row(v.value(), v.mentions(), v.engagement());
                }
            }
            out.send(ctx, "top-" + facet.id());
            return;
        }
        Map<String, Object> json = scopeJson(scope);
        json.put("by", facet.id());
        json.put("rank", rank.id());
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            RankedValue v = values.get(i);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("value", v.value());
            if (labelled) {
                Optional<Author> author = who.get(i);
                item.put("handle", author.flatMap(Author::handle).orElse(null));
                item.put("name", author.flatMap(Author::displayName).orElse(null));
                item.put(
                        "followers",
                        author.filter(a -> a.followers().isPresent())
                                .map(a -> a.followers().getAsLong())
                                .orElse(null));
            }
            item.put("mentions", v.mentions());
            item.put("engagement", v.engagement());
            items.add(item);
        }
        json.put("items", items);
        Requests.json(ctx, 200, json);
    }

    private void trending(Context ctx) {
        boolean csv = AnalyticsParams.csv(ctx);
        Facet facet = Facet.fromId(Requests.param(ctx, "by").orElse("terms"));
        int limit = Requests.intParam(ctx, "limit", 10, 1, MAX_LIMIT);
        int minCount = Requests.intParam(ctx, "minCount", 3, 1, 1_000_000);
        AnalyticsScope scope = params.scope(ctx, params.topics(ctx), clock.instant(), Duration.ofDays(1));
        Instant baselineFrom = AnalyticsParams.instant(ctx, "baselineFrom")
                .orElse(scope.from().minus(scope.length().multipliedBy(7)));
        if (!baselineFrom.isBefore(scope.from())) {
            throw new BadRequestException("'baselineFrom' must be before 'from'");
        }
        List<TrendingValue> values = analytics.trending(scope, baselineFrom, facet, minCount, limit);
        if (csv) {
            Csv out = new Csv().row("value", "count", "baseline_count", "expected", "score");
            values.forEach(v -> out.row(v.value(), v.count(), v.baselineCount(), v.expected(), v.score()));
            out.send(ctx, "trending-" + facet.id());
            return;
        }
        Map<String, Object> json = scopeJson(scope);
        json.put("by", facet.id());
        json.put("baselineFrom", baselineFrom.toString());
        json.put("baselineTo", scope.from().toString());
        json.put(
                "method",
                "Poisson z-score: expected = (baseline count + 0.5) x window mentions / baseline mentions;"
                        + " score = (count - expected) / sqrt(expected); values seen fewer than minCount times are"
                        + " left out");
        json.put(
                "items",
                values.stream()
                        .map(v -> {
                            Map<String, Object> item = new LinkedHashMap<>();
                            item.put("value", v.value());
                            item.put("count", v.count());
                            item.put("baselineCount", v.baselineCount());
                            item.put("expected", v.expected());
                            item.put("score", v.score());
                            return item;
                        })
                        .toList());
        Requests.json(ctx, 200, json);
    }

    /**
     * A against B. A is {@code topics}/{@code project} over {@code from}..{@code to}; B is {@code bTopics} over
     * {@code bFrom}..{@code bTo}, each defaulting to A's. With neither given, B is A's range and A the range of the
     * same length just before it: "this period against the previous one".
     */
    private void compare(Context ctx) {
        boolean csv = AnalyticsParams.csv(ctx);
        AnalyticsScope given = params.scope(ctx, params.topics(ctx), clock.instant(), DEFAULT_RANGE);
        Optional<List<Long>> bTopics = Requests.param(ctx, "bTopics").map(v -> AnalyticsParams.ids("bTopics", v));
        Optional<Instant> bFrom = AnalyticsParams.instant(ctx, "bFrom");
        Optional<Instant> bTo = AnalyticsParams.instant(ctx, "bTo");
        AnalyticsScope a;
        AnalyticsScope b;
        if (bTopics.isEmpty() && bFrom.isEmpty() && bTo.isEmpty()) {
            b = given;
            a = given.during(given.from().minus(given.length()), given.from());
        } else {
            a = given;
            Instant to = bTo.orElse(given.to());
            Instant from = bFrom.orElse(given.from());
            if (!to.isAfter(from)) {
                throw new BadRequestException("'bTo' (" + to + ") must be after 'bFrom' (" + from + ")");
            }
            b = given.withTopics(bTopics.orElse(given.topics())).during(from, to);
        }
        Comparison comparison = Comparison.of(analytics.summary(a), a.length(), analytics.summary(b), b.length());
        Map<String, Comparison.Change> changes = new LinkedHashMap<>();
        changes.put("volume", comparison.volume());
        changes.put("positiveShare", comparison.positiveShare());
        changes.put("negativeShare", comparison.negativeShare());
        if (csv) {
            Csv out = new Csv()
                    .row("quantity", "a", "b", "difference", "relative", "test", "statistic", "p_value", "significant");
            changes.forEach((name, c) -> out.row(
                    name,
                    c.a(),
                    c.b(),
                    c.difference(),
                    c.relative(),
                    c.test().name(),
                    c.test().statistic(),
                    c.test().pValue(),
                    String.valueOf(c.significant())));
            out.send(ctx, "compare");
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("a", side(a, comparison.a()));
        json.put("b", side(b, comparison.b()));
        json.put("alpha", Comparison.ALPHA);
        changes.forEach((name, c) -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("unit", name.equals("volume") ? "mentions per day" : "share of mentions with a sentiment");
            change.put("a", c.a());
            change.put("b", c.b());
            change.put("difference", c.difference());
            change.put("relative", Double.isNaN(c.relative()) ? null : c.relative());
            change.put("test", c.test().name());
            change.put("statistic", c.test().statistic());
            change.put("pValue", c.test().pValue());
            change.put("significant", c.significant());
            json.put(name, change);
        });
        Requests.json(ctx, 200, json);
    }

    private static Map<String, Object> side(AnalyticsScope scope, MentionAnalytics.Summary summary) {
        Map<String, Object> json = scopeJson(scope);
        json.put("mentions", summary.mentions());
        json.put("positive", summary.positive());
        json.put("neutral", summary.neutral());
        json.put("negative", summary.negative());
        return json;
    }

    private static Map<String, Object> scopeJson(AnalyticsScope scope) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("topics", scope.topics());
        json.put("from", scope.from().toString());
        json.put("to", scope.to().toString());
        return json;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
