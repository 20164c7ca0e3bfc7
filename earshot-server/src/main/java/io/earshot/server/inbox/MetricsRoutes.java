package io.earshot.server.inbox;

import io.earshot.inbox.metrics.OutcomeMetrics;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/analytics/inbox?from=&to=&team=}: outcome metrics of the inbox for a period (default: the
 * last 30 days): response and resolution times per team and person, SLA compliance, detractors won back, and
 * sentiment after a reply against before (exact sign test).
 */
final class MetricsRoutes implements Routes {

    private final OutcomeMetrics metrics;
    private final Clock clock;

    MetricsRoutes(OutcomeMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/analytics/inbox", ctx -> {
            Instant now = clock.instant();
            Instant to = Requests.param(ctx, "to").map(MetricsRoutes::instant).orElse(now);
            Instant from =
                    Requests.param(ctx, "from").map(MetricsRoutes::instant).orElse(to.minus(Duration.ofDays(30)));
            if (!from.isBefore(to)) {
                throw new BadRequestException("from must be before to");
            }
            OutcomeMetrics.Report report = metrics.report(from, to, Requests.param(ctx, "team"), now);
            Requests.json(ctx, 200, render(report));
        });
    }

    private static Instant instant(String value) {
        try {
            return value.length() == 10 ? Instant.parse(value + "T00:00:00Z") : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(
                    "from and to are dates (2026-11-01) or instants (2026-11-01T09:00:00Z), got '" + value + "'");
        }
    }

    private static Map<String, Object> render(OutcomeMetrics.Report report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", report.from());
        json.put("to", report.to());
        json.put("cases", report.cases());
        json.put(
                "first_response",
                Map.of(
                        "by_team",
                        times(report.firstResponseByTeam()),
                        "by_person",
                        times(report.firstResponseByPerson())));
        json.put(
                "resolution",
                Map.of("by_team", times(report.resolutionByTeam()), "by_person", times(report.resolutionByPerson())));
        Map<String, Object> sla = new LinkedHashMap<>();
        report.slaByTeam()
                .forEach((team, compliance) -> sla.put(
                        team,
                        Map.of(
                                "met",
                                compliance.met(),
                                "breached",
                                compliance.breached(),
                                "rate",
                                rate(compliance.rate()))));
        json.put("sla_compliance", sla);
        Map<String, Object> detractors = new LinkedHashMap<>();
        detractors.put("answered", report.detractors().answeredDetractors());
        detractors.put("won_back", report.detractors().wonBack());
        detractors.put("rate", rate(report.detractors().rate()));
        json.put("detractors", detractors);
        OutcomeMetrics.SentimentShift shift = report.sentiment();
        Map<String, Object> sentiment = new LinkedHashMap<>();
        sentiment.put("authors", shift.authors());
        sentiment.put("window_days", OutcomeMetrics.SENTIMENT_WINDOW.toDays());
        sentiment.put("mean_before", shift.meanBefore());
        sentiment.put("mean_after", shift.meanAfter());
        sentiment.put("improved", shift.improved());
        sentiment.put("worsened", shift.worsened());
        sentiment.put("unchanged", shift.unchanged());
        sentiment.put("test", shift.test());
        sentiment.put("p_value", shift.pValue());
        json.put("sentiment_after_reply", sentiment);
        return json;
    }

    private static Map<String, Object> times(Map<String, OutcomeMetrics.Times> groups) {
        Map<String, Object> json = new LinkedHashMap<>();
        groups.forEach((name, times) -> json.put(
                name,
                Map.of(
                        "count", times.count(),
                        "mean_seconds", times.meanSeconds(),
                        "median_seconds", times.medianSeconds(),
                        "p90_seconds", times.p90Seconds())));
        return json;
    }

    private static Object rate(Optional<Double> rate) {
        return rate.map(value -> Math.round(value * 10_000) / 10_000.0).orElse(null);
    }
}
