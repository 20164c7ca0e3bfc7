package io.earshot.inbox;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A team that owns cases: its members (user names), its working hours and SLA targets per priority, and
 * whether its replies need a second person's approval before they go out.
 *
 * @param id a slug such as {@code support}, used in routing rules and the API
 */
public record Team(
        String id,
        String name,
        List<String> members,
        BusinessHours hours,
        Map<Priority, SlaTarget> slas,
        boolean approvalRequired) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public Team {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (!SLUG.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "a team id is lower-case letters, digits, '-' or '_' (e.g. \"support\")," + " got '" + id + "'");
        }
        members = List.copyOf(members);
        Objects.requireNonNull(hours, "hours");
        slas = Map.copyOf(slas);
    }

    /** The five teams every inbox starts with: weekdays 09:00-17:00 UTC, the same targets (edit them freely). */
    public static List<Team> defaults() {
        Map<Priority, SlaTarget> slas = new EnumMap<>(Priority.class);
        slas.put(Priority.URGENT, SlaTarget.of(Duration.ofMinutes(30), Duration.ofHours(4)));
        slas.put(Priority.HIGH, SlaTarget.of(Duration.ofHours(1), Duration.ofHours(8)));
        slas.put(Priority.NORMAL, SlaTarget.of(Duration.ofHours(4), Duration.ofHours(16)));
        slas.put(Priority.LOW, SlaTarget.of(Duration.ofHours(8), Duration.ofHours(40)));
        BusinessHours hours = BusinessHours.weekdays(java.time.ZoneId.of("UTC"), new BusinessHours.Window(540, 1020));
        return List.of(
                new Team("pr", "PR", List.of(), hours, slas, false),
                new Team("marketing", "Marketing", List.of(), hours, slas, false),
                new Team("sales", "Sales", List.of(), hours, slas, false),
                new Team("support", "Support", List.of(), hours, slas, false),
                new Team("product", "Product", List.of(), hours, slas, false));
    }
}
