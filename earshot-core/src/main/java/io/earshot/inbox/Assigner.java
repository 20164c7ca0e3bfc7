package io.earshot.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks who gets a new case: the user a rule names, the next member in turn (round robin, whose turn survives
 * restarts), or the member with the fewest active cases (least busy; ties go to whoever is next in turn).
 */
public final class Assigner {

    private final CaseStore cases;
    private final InboxDefinitions definitions;

    public Assigner(CaseStore cases, InboxDefinitions definitions) {
        this.cases = cases;
        this.definitions = definitions;
    }

    /** The assignee, or empty when the team has no members to pick from. */
    public Optional<String> pick(Assignment assignment, Optional<Team> team, Instant at) {
        return switch (assignment) {
            case Assignment.User user -> Optional.of(user.name());
            case Assignment.RoundRobin roundRobin ->
                team.flatMap(t -> inTurn(t).stream().findFirst().map(user -> remember(t, user, at)));
            case Assignment.LeastBusy leastBusy ->
                team.flatMap(t -> leastBusy(t).map(user -> remember(t, user, at)));
        };
    }

    private Optional<String> leastBusy(Team team) {
        List<String> order = inTurn(team);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> load = cases.activeCounts(order);
        return order.stream().min(Comparator.comparingInt(user -> load.getOrDefault(user, 0)));
    }

    /** The team's members starting with the one after whoever got the last case. */
    private List<String> inTurn(Team team) {
        List<String> members = team.members();
        if (members.isEmpty()) {
            return List.of();
        }
        Optional<String> last =
                definitions.get(InboxDefinitions.Kind.SETTING, turnKey(team)).map(InboxDefinitions.Definition::json);
        int start = last.map(members::indexOf).map(index -> index + 1).orElse(0);
        List<String> order = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            order.add(members.get((start + i) % members.size()));
        }
        return order;
    }

    private String remember(Team team, String user, Instant at) {
        definitions.put(InboxDefinitions.Kind.SETTING, turnKey(team), 0, user, at);
        return user;
    }

    private static String turnKey(Team team) {
        return "turn:" + team.id();
    }
}
