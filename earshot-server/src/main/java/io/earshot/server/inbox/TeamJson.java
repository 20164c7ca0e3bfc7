package io.earshot.server.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.inbox.BusinessHours;
import io.earshot.inbox.Priority;
import io.earshot.inbox.SlaTarget;
import io.earshot.inbox.Team;
import io.earshot.server.http.BadRequestException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Teams as JSON: {@code {"id": "support", "name": "Support", "members": ["ana"], "approval": false,
 * "hours": {"zone": "Europe/Paris", "days": {"mon": "09:00-17:00", …}, "holidays": ["2026-12-25"]},
 * "sla": {"high": {"first_response": "1h", "resolution": "8h"}, …}}}. Without {@code hours} a team works around
 * the clock (UTC).
 */
final class TeamJson {

    private static final Set<String> FIELDS = Set.of("id", "name", "members", "approval", "hours", "sla");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private TeamJson() {}

    static Team parse(JsonNode body, Optional<String> pathId) {
        Fields.object(body, "a team");
        Fields.only(body, "a team", FIELDS);
        String id = pathId.or(() -> Fields.text(body, "id"))
                .orElseThrow(() -> new BadRequestException("a team needs an \"id\", e.g. \"support\""))
                .strip()
                .toLowerCase(Locale.ROOT);
        Fields.text(body, "id")
                .filter(given -> pathId.isPresent() && !given.equalsIgnoreCase(pathId.get()))
                .ifPresent(given -> {
                    throw new BadRequestException("the body's \"id\" (" + given + ") is not the one in the path ("
                            + pathId.get() + "); a team's id cannot change");
                });
        String name = Fields.text(body, "name").orElse(id);
        BusinessHours hours = body.has("hours") ? hours(body.get("hours")) : BusinessHours.always();
        Map<Priority, SlaTarget> slas = body.has("sla") ? slas(body.get("sla")) : Map.of();
        try {
            return new Team(
                    id,
                    name,
                    Fields.texts(body, "members"),
                    hours,
                    slas,
                    Fields.bool(body, "approval").orElse(false));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static BusinessHours hours(JsonNode hours) {
        Fields.object(hours, "\"hours\"");
        Fields.only(hours, "\"hours\"", Set.of("zone", "days", "holidays"));
        ZoneId zone;
        try {
            zone = ZoneId.of(Fields.text(hours, "zone").orElse("UTC"));
        } catch (DateTimeException e) {
            throw new BadRequestException(
                    "\"hours.zone\" is a time zone such as Europe/Paris or America/New_York: " + e.getMessage());
        }
        Map<DayOfWeek, BusinessHours.Window> days = new EnumMap<>(DayOfWeek.class);
        JsonNode given = hours.get("days");
        if (given != null) {
            Fields.object(given, "\"hours.days\"");
            given.fieldNames().forEachRemaining(day -> {
                int index = DAYS.indexOf(day.toLowerCase(Locale.ROOT));
                if (index < 0) {
                    throw new BadRequestException("\"hours.days\" names days as " + DAYS + ", got '" + day + "'");
                }
                try {
                    days.put(
                            DayOfWeek.of(index + 1),
                            BusinessHours.Window.parse(given.get(day).asText()));
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException("\"hours.days." + day + "\": " + e.getMessage());
                }
            });
        }
        Set<LocalDate> holidays = new LinkedHashSet<>();
        for (String day : Fields.texts(hours, "holidays")) {
            try {
                holidays.add(LocalDate.parse(day));
            } catch (DateTimeParseException e) {
                throw new BadRequestException("\"hours.holidays\" are dates such as 2026-12-25, got '" + day + "'");
            }
        }
        return new BusinessHours(zone, days, holidays);
    }

    private static Map<Priority, SlaTarget> slas(JsonNode sla) {
        Fields.object(sla, "\"sla\"");
        Map<Priority, SlaTarget> slas = new EnumMap<>(Priority.class);
        sla.fieldNames().forEachRemaining(name -> {
            try {
                Priority priority = Priority.fromId(name);
                JsonNode target = Fields.object(sla.get(name), "\"sla." + name + "\"");
                Fields.only(target, "\"sla." + name + "\"", Set.of("first_response", "resolution"));
                slas.put(
                        priority,
                        new SlaTarget(
                                Fields.text(target, "first_response").map(SlaTarget::parseDuration),
                                Fields.text(target, "resolution").map(SlaTarget::parseDuration)));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("\"sla." + name + "\": " + e.getMessage());
            }
        });
        return slas;
    }

    static Map<String, Object> render(Team team) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", team.id());
        json.put("name", team.name());
        json.put("members", team.members());
        json.put("approval", team.approvalRequired());
        Map<String, Object> hours = new LinkedHashMap<>();
        hours.put("zone", team.hours().zone().getId());
        Map<String, String> days = new LinkedHashMap<>();
        for (int i = 0; i < DAYS.size(); i++) {
            BusinessHours.Window window = team.hours().days().get(DayOfWeek.of(i + 1));
            if (window != null) {
                days.put(DAYS.get(i), window.toString());
            }
        }
        hours.put("days", days);
        hours.put(
                "holidays",
                team.hours().holidays().stream()
                        .sorted()
                        .map(LocalDate::toString)
                        .toList());
        json.put("hours", hours);
        Map<String, Object> sla = new LinkedHashMap<>();
        for (Priority priority : Priority.values()) {
            SlaTarget target = team.slas().get(priority);
            if (target != null) {
                Map<String, String> targets = new LinkedHashMap<>();
                target.firstResponse().ifPresent(d -> targets.put("first_response", duration(d)));
                target.resolution().ifPresent(d -> targets.put("resolution", duration(d)));
                sla.put(priority.id(), targets);
            }
        }
        json.put("sla", sla);
        return json;
    }

    static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        long hours = minutes / 60;
        return (hours > 0 ? hours + "h" : "") + (minutes % 60 > 0 || hours == 0 ? minutes % 60 + "m" : "");
    }
}
