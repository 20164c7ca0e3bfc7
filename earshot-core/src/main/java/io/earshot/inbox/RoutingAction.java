package io.earshot.inbox;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A routing rule's {@code then}: what a matching mention's new case gets. */
public record RoutingAction(
        Optional<String> team,
        Optional<Priority> priority,
        Optional<Assignment> assign,
        Set<String> tags,
        boolean close) {

    public RoutingAction {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(assign, "assign");
        tags = Set.copyOf(tags);
    }

    public static RoutingAction parse(
            Optional<String> team,
            Optional<String> priority,
            Optional<String> assign,
            List<String> tags,
            boolean close) {
        return new RoutingAction(
                team.map(String::strip).map(t -> t.toLowerCase(java.util.Locale.ROOT)),
                priority.map(Priority::fromId),
                assign.map(Assignment::parse),
                Set.copyOf(tags),
                close);
    }

    /**
     * Combines the actions of every matching rule (in "all matches" mode): the first rule that names a team, an
     * assignment wins; the highest priority wins; tags add up; any rule may close.
     */
    static RoutingAction merge(List<RoutingAction> actions) {
        Optional<String> team = actions.stream().flatMap(a -> a.team().stream()).findFirst();
        Optional<Priority> priority =
                actions.stream().flatMap(a -> a.priority().stream()).max(Enum::compareTo);
        Optional<Assignment> assign =
                actions.stream().flatMap(a -> a.assign().stream()).findFirst();
        Set<String> tags = new LinkedHashSet<>();
        actions.forEach(a -> tags.addAll(a.tags()));
        return new RoutingAction(team, priority, assign, tags, actions.stream().anyMatch(RoutingAction::close));
    }
}
