package io.earshot.server.analytics;

import io.earshot.analytics.AnalyticsScope;
import io.earshot.domain.Network;
import io.earshot.enrich.emotion.EmotionLabel;
import io.earshot.enrich.sentiment.SentimentLabel;
import io.earshot.project.Project;
import io.earshot.project.ProjectStore;
import io.earshot.query.QueryParser;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.NotFoundException;
import io.earshot.server.http.Requests;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the query parameters analytics share: topics or project, time range, filters, time zone. */
final class AnalyticsParams {

    private final ProjectStore projects;

    AnalyticsParams(ProjectStore projects) {
        this.projects = projects;
    }

    /** {@code topics=1,2} or {@code project=ID} (all its topics); one is required. */
    List<Long> topics(Context ctx) {
        Optional<String> topics = Requests.param(ctx, "topics");
        Optional<String> project = Requests.param(ctx, "project");
        if (topics.isPresent() && project.isPresent()) {
            throw new BadRequestException("give 'topics' or 'project', not both");
        }
        if (topics.isPresent()) {
            return ids("topics", topics.get());
        }
        return project.map(id -> project(id).allTopics())
                .orElseThrow(() -> new BadRequestException(
                        "which mentions? give 'topics' (topic ids: topics=1,2) or 'project' (a project id)"));
    }

    Project project(String id) {
        long parsed;
        try {
            parsed = Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("'project' is a project id (a number), got '" + id + "'");
        }
        return projects.get(parsed).orElseThrow(() -> new NotFoundException("no project " + parsed));
    }

    /** The scope of {@code topics} from {@code from} (default: {@code to} minus {@code defaultLength}) to {@code to} (default: now). */
    AnalyticsScope scope(Context ctx, List<Long> topics, Instant now, Duration defaultLength) {
        Instant to = instant(ctx, "to").orElse(now);
        Instant from = instant(ctx, "from").orElse(to.minus(defaultLength));
        if (!to.isAfter(from)) {
            throw new BadRequestException("'to' (" + to + ") must be after 'from' (" + from + ")");
        }
        return new AnalyticsScope(
                topics,
                from,
                to,
                Requests.param(ctx, "sentiment")
                        .map(v -> SentimentLabel.fromId(v.strip()).id()),
                Requests.param(ctx, "emotion")
                        .map(v -> EmotionLabel.fromId(v.strip()).id()),
                Requests.param(ctx, "network")
                        .map(v -> Network.fromId(v.strip()).id()),
                Requests.param(ctx, "lang"),
                Requests.param(ctx, "q").map(q -> QueryParser.parse(q).root()));
    }

    static Optional<Instant> instant(Context ctx, String name) {
        return Requests.param(ctx, name).map(value -> {
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new BadRequestException(
                        "'" + name + "' is an instant like 2025-03-01T00:00:00Z, got '" + value + "'");
            }
        });
    }

    static ZoneId zone(Context ctx) {
        String tz = Requests.param(ctx, "tz").orElse("UTC");
        try {
            return ZoneId.of(tz.strip());
        } catch (DateTimeException e) {
            throw new BadRequestException("'tz' is a time zone like Europe/Paris or UTC, got '" + tz + "'");
        }
    }

    static List<Long> ids(String name, String value) {
        List<Long> ids = new ArrayList<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw new BadRequestException(
                        "'" + name + "' holds topic ids separated by commas, got '" + value + "'");
            }
        }
        if (ids.isEmpty()) {
            throw new BadRequestException("'" + name + "' needs at least one topic id");
        }
        return List.copyOf(ids);
    }

    static boolean csv(Context ctx) {
        String format = Requests.param(ctx, "format").orElse("json").strip();
        return switch (format) {
            case "json" -> false;
            case "csv" -> true;
            default -> throw new BadRequestException("'format' is json or csv, got '" + format + "'");
        };
    }
}
