package io.earshot.server.inbox;

import io.earshot.inbox.CannedReply;
import io.earshot.inbox.InboxDefinitions;
import io.earshot.inbox.InboxDefinitions.Kind;
import io.earshot.inbox.RoutingMode;
import io.earshot.inbox.RoutingRule;
import io.earshot.inbox.Team;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.ConflictException;
import io.earshot.server.http.Json;
import io.earshot.server.http.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What people configure in the inbox: teams (the five defaults are made on first start), routing rules (ordered)
 * and the routing mode, canned replies. Each is stored as the JSON the API shows; every change reaches the
 * router at once ({@code onRulesChanged}).
 */
final class InboxSetup {

    private static final String SEEDED = "teams_seeded";
    private static final String MODE = "routing_mode";

    private final InboxDefinitions store;
    private final Clock clock;
    private final BiConsumer<List<RoutingRule>, RoutingMode> onRulesChanged;
    private volatile Map<String, Team> teams = Map.of();

    InboxSetup(InboxDefinitions store, Clock clock, BiConsumer<List<RoutingRule>, RoutingMode> onRulesChanged) {
        this.store = store;
        this.clock = clock;
        this.onRulesChanged = onRulesChanged;
        if (store.get(Kind.SETTING, SEEDED).isEmpty()) {
            List<Team> defaults = Team.defaults();
            for (int i = 0; i < defaults.size(); i++) {
                Team team = defaults.get(i);
                store.put(Kind.TEAM, team.id(), i + 1, Json.write(TeamJson.render(team)), clock.instant());
            }
            store.put(Kind.SETTING, SEEDED, 0, "true", clock.instant());
        }
        reloadTeams();
        publishRules();
    }

    // teams

    Optional<Team> team(String id) {
        return Optional.ofNullable(teams.get(id));
    }

    List<Team> teams() {
        return List.copyOf(teams.values());
    }

    /** Creates or replaces a team; returns whether it was new. */
    boolean putTeam(Team team) {
        Optional<InboxDefinitions.Definition> known = store.get(Kind.TEAM, team.id());
        int position = known.map(InboxDefinitions.Definition::position)
                .orElseGet(() -> store.list(Kind.TEAM).stream()
                                .mapToInt(InboxDefinitions.Definition::position)
                                .max()
                                .orElse(0)
                        + 1);
        store.put(Kind.TEAM, team.id(), position, Json.write(TeamJson.render(team)), clock.instant());
        reloadTeams();
        return known.isEmpty();
    }

    /**
     * @throws ConflictException while a routing rule sends cases to the team
     */
    boolean deleteTeam(String id) {
        List<String> users = rules().stream()
                .filter(rule -> rule.then().team().filter(id::equals).isPresent())
                .map(RoutingRule::name)
                .toList();
        if (!users.isEmpty()) {
            throw new ConflictException(
                    "routing rules send cases to team '" + id + "': " + users + "; change or delete them first");
        }
        boolean deleted = store.delete(Kind.TEAM, id);
        reloadTeams();
        return deleted;
    }

    private void reloadTeams() {
        Map<String, Team> loaded = new LinkedHashMap<>();
        for (InboxDefinitions.Definition definition : store.list(Kind.TEAM)) {
            Team team = TeamJson.parse(Json.read(definition.json()), Optional.of(definition.id()));
            loaded.put(team.id(), team);
        }
        teams = java.util.Collections.unmodifiableMap(loaded);
    }

    // routing rules

    List<RoutingRule> rules() {
        List<RoutingRule> rules = new ArrayList<>();
        for (InboxDefinitions.Definition definition : store.list(Kind.ROUTING_RULE)) {
            rules.add(RoutingRuleJson.parse(
                    Json.read(definition.json()), Long.parseLong(definition.id()), definition.position()));
        }
        rules.sort(Comparator.comparingInt(RoutingRule::position).thenComparingLong(RoutingRule::id));
        return rules;
    }

    Optional<RoutingRule> rule(long id) {
        return rules().stream().filter(rule -> rule.id() == id).findFirst();
    }

    /** Adds a rule at {@code position} (1 is first; empty or past the end: last). */
    RoutingRule createRule(String body, Optional<Integer> position) {
        long id = store.nextId(Kind.ROUTING_RULE);
        RoutingRule parsed = checked(RoutingRuleJson.parse(Json.read(body), id, 0));
        List<RoutingRule> order = new ArrayList<>(rules());
        int at = position.map(p -> Math.max(0, Math.min(order.size(), p - 1))).orElse(order.size());
        order.add(at, parsed);
        saveOrder(order);
        return rule(id).orElseThrow();
    }

    Optional<RoutingRule> replaceRule(long id, String body) {
        Optional<RoutingRule> current = rule(id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        RoutingRule parsed =
                checked(RoutingRuleJson.parse(Json.read(body), id, current.get().position()));
        store.put(
                Kind.ROUTING_RULE,
                Long.toString(id),
                parsed.position(),
                Json.write(RoutingRuleJson.render(parsed)),
                clock.instant());
        publishRules();
        return rule(id);
    }

    boolean deleteRule(long id) {
        boolean deleted = store.delete(Kind.ROUTING_RULE, Long.toString(id));
        if (deleted) {
            saveOrder(rules());
        }
        return deleted;
    }

    /** Puts the rules in this order; every rule must be named once. */
    List<RoutingRule> reorder(List<Long> ids) {
        List<RoutingRule> current = rules();
        if (ids.size() != current.size()
                || !ids.containsAll(current.stream().map(RoutingRule::id).toList())) {
            throw new BadRequestException("\"ids\" must name every routing rule once, in the new order; the rules are "
                    + current.stream().map(RoutingRule::id).toList());
        }
        List<RoutingRule> order = ids.stream()
                .map(id -> current.stream()
                        .filter(rule -> rule.id() == id)
                        .findFirst()
                        .orElseThrow())
                .toList();
        saveOrder(order);
        return rules();
    }

    RoutingMode mode() {
        return store.get(Kind.SETTING, MODE)
                .map(definition -> RoutingMode.fromId(definition.json()))
                .orElse(RoutingMode.FIRST);
    }

    void setMode(RoutingMode mode) {
        store.put(Kind.SETTING, MODE, 0, mode.id(), clock.instant());
        publishRules();
    }

    private RoutingRule checked(RoutingRule rule) {
        rule.then().team().filter(team -> !teams.containsKey(team)).ifPresent(team -> {
            throw new BadRequestException("\"then.team\": no team '" + team + "'; teams are " + teams.keySet()
                    + " (POST /api/v1/teams adds one)");
        });
        return rule;
    }

    private void saveOrder(List<RoutingRule> order) {
        for (int i = 0; i < order.size(); i++) {
            RoutingRule rule = order.get(i);
            RoutingRule placed =
                    new RoutingRule(rule.id(), i + 1, rule.name(), rule.when(), rule.topics(), rule.then());
            store.put(
                    Kind.ROUTING_RULE,
                    Long.toString(rule.id()),
                    i + 1,
                    Json.write(RoutingRuleJson.render(placed)),
                    clock.instant());
        }
        publishRules();
    }

    private void publishRules() {
        onRulesChanged.accept(rules(), mode());
    }

    // canned replies

    List<CannedReply> canned() {
        return store.list(Kind.CANNED_REPLY).stream()
                .map(definition ->
                        RoutingRuleJson.parseCanned(Json.read(definition.json()), Long.parseLong(definition.id())))
                .sorted(Comparator.comparingLong(CannedReply::id))
                .toList();
    }

    Optional<CannedReply> canned(long id) {
        return store.get(Kind.CANNED_REPLY, Long.toString(id))
                .map(definition -> RoutingRuleJson.parseCanned(Json.read(definition.json()), id));
    }

    CannedReply createCanned(String body) {
        long id = store.nextId(Kind.CANNED_REPLY);
        return putCanned(RoutingRuleJson.parseCanned(Json.read(body), id));
    }

    Optional<CannedReply> replaceCanned(long id, String body) {
        if (canned(id).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(putCanned(RoutingRuleJson.parseCanned(Json.read(body), id)));
    }

    private CannedReply putCanned(CannedReply canned) {
        store.put(
                Kind.CANNED_REPLY,
                Long.toString(canned.id()),
                0,
                Json.write(RoutingRuleJson.renderCanned(canned)),
                clock.instant());
        return canned;
    }

    boolean deleteCanned(long id) {
        return store.delete(Kind.CANNED_REPLY, Long.toString(id));
    }

    static NotFoundException noRule(long id) {
        return new NotFoundException("no routing rule " + id);
    }
}
